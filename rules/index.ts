import { eksControlPlaneLogging } from './eks-control-plane-logging';
import { eksImdsv2Required } from './eks-imdsv2-required';
import { eksNoPublicNodeIps } from './eks-no-public-node-ips';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { iamNoWildcardAction } from './iam-no-wildcard-action';
import { iamNoWildcardPrincipal } from './iam-no-wildcard-principal';
import { irsaExactTrust } from './irsa-exact-trust';
import { noPlaintextPassword } from './no-plaintext-password';
import { rdsBackupsEnabled } from './rds-backups-enabled';
import { rdsDeletionSafety } from './rds-deletion-safety';
import { rdsForceSsl } from './rds-force-ssl';
import { rdsNotPubliclyAccessible } from './rds-not-publicly-accessible';
import { rdsStorageEncrypted } from './rds-storage-encrypted';
import { route53WriteConditioned } from './route53-write-conditioned';
import type { Finding, Rule, RuleContext, TerraformJson } from './types';

/** The rules every foundational stack (network, dns, database) must pass. */
export const FOUNDATIONAL_RULES: readonly Rule[] = [
  rdsStorageEncrypted,
  rdsNotPubliclyAccessible,
  rdsForceSsl,
  rdsBackupsEnabled,
  rdsDeletionSafety,
  noPlaintextPassword,
  iamNoWildcardAction,
  route53WriteConditioned,
];

/** The rules of the cluster stacks: nodes, control plane and IRSA. */
export const CLUSTER_RULES: readonly Rule[] = [eksImdsv2Required, eksSecretsEncryption, eksControlPlaneLogging, eksNoPublicNodeIps, irsaExactTrust, iamNoWildcardPrincipal];

/** Every rule of the project; each applies to whatever resources a stack has. */
export const ALL_RULES: readonly Rule[] = [...FOUNDATIONAL_RULES, ...CLUSTER_RULES];

/** Runs rules over one synthesized stack and returns every finding. */
export function runRules(rules: readonly Rule[], tf: TerraformJson, ctx: RuleContext): Finding[] {
  return rules.flatMap((rule) => rule.check(tf, ctx));
}
