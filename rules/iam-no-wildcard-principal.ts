import { allResources, asList, blocks, literalPolicy } from './terraform-json';
import type { Finding, Rule, TerraformJson } from './types';

const ID = 'iam-no-wildcard-principal';

const POLICY_ATTRIBUTES = ['assume_role_policy', 'policy'] as const;

function grantsEveryone(statement: TerraformJson): boolean {
  if (statement.Effect !== 'Allow') return false;
  if (statement.NotPrincipal !== undefined) return true;
  const principal: unknown = statement.Principal;
  if (principal === '*') return true;
  if (principal === undefined || principal === null || typeof principal !== 'object') return false;
  return Object.values(principal).some((ids) => asList<string>(ids as string | string[]).includes('*'));
}

/**
 * No policy (trust, key, bucket, resource policy) allows anyone: an Allow
 * with Principal `*` (or NotPrincipal) is a finding; Deny statements may use it.
 */
export const iamNoWildcardPrincipal: Rule = {
  id: ID,
  description: 'No Allow statement has a wildcard Principal or a NotPrincipal',
  check(tf) {
    const findings: Finding[] = [];
    for (const { address, config } of allResources(tf)) {
      for (const attribute of POLICY_ATTRIBUTES) {
        const policy = literalPolicy(config[attribute]);
        if (policy !== undefined && asList<TerraformJson>(policy.Statement).some(grantsEveryone)) {
          findings.push({ rule: ID, address, message: `${address}.${attribute} allows a wildcard principal: name the principals it is for` });
        }
      }
    }
    const documents: Record<string, TerraformJson> = tf.data?.aws_iam_policy_document ?? {};
    for (const [name, doc] of Object.entries(documents)) {
      const open = blocks(doc.statement).some(
        (s) => (s.effect ?? 'Allow') === 'Allow' && (blocks(s.not_principals).length > 0 || blocks(s.principals).some((p) => asList<string>(p.identifiers).includes('*'))),
      );
      if (open) {
        const address = `data.aws_iam_policy_document.${name}`;
        findings.push({ rule: ID, address, message: `${address} allows a wildcard principal: name the principals it is for` });
      }
    }
    return findings;
  },
};
