import { IRSA_AUDIENCE } from '../contract/service-accounts';
import { asList, blocks, literalPolicy } from './terraform-json';
import { resourcesOf, type Finding, type Rule, type TerraformJson } from './types';

const ID = 'irsa-exact-trust';

const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
/** One namespace, one service account, no wildcard. */
const SUBJECT = /^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;

/** Why a web-identity trust policy is not exact, or undefined when it is. */
export function inexactTrust(policy: TerraformJson): string | undefined {
  const statements = asList<TerraformJson>(policy.Statement);
  if (statements.length !== 1) return `has ${statements.length} statements; exactly one is allowed`;
  const s = statements[0]!;
  if (s.Effect !== 'Allow') return 'must Allow';
  const actions = asList<string>(s.Action);
  if (actions.length !== 1 || actions[0] !== WEB_IDENTITY) return `must allow only ${WEB_IDENTITY}`;
  const principal: TerraformJson = s.Principal ?? {};
  if (Object.keys(principal).join() !== 'Federated' || asList(principal.Federated).length !== 1) return 'must trust exactly one Federated principal (the OIDC provider)';
  const condition: TerraformJson = s.Condition ?? {};
  if (Object.keys(condition).join() !== 'StringEquals') return 'must use only StringEquals conditions (no StringLike, no wildcards)';
  const keys = Object.keys(condition.StringEquals);
  const sub = keys.find((k) => k.endsWith(':sub'));
  const aud = keys.find((k) => k.endsWith(':aud'));
  if (keys.length !== 2 || sub === undefined || aud === undefined || sub.slice(0, -4) !== aud.slice(0, -4)) {
    return 'must condition on exactly the issuer\'s :sub and :aud';
  }
  const subject: unknown = condition.StringEquals[sub];
  if (typeof subject !== 'string' || !SUBJECT.test(subject)) return `must name exactly one service account in :sub (system:serviceaccount:<ns>:<sa>), got ${JSON.stringify(subject)}`;
  if (condition.StringEquals[aud] !== IRSA_AUDIENCE) return `must require :aud = ${IRSA_AUDIENCE}`;
  return undefined;
}

const POLICY_DOCUMENT_REF = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/;

/** A trust written as a policy document data source that federates web identities. */
function federatedDocument(tf: TerraformJson, raw: string): boolean {
  const ref = POLICY_DOCUMENT_REF.exec(raw);
  const doc: TerraformJson | undefined = ref ? tf.data?.aws_iam_policy_document?.[ref[1]!] : undefined;
  return blocks(doc?.statement).some(
    (s) => asList<string>(s.actions).includes(WEB_IDENTITY) || blocks(s.principals).some((p) => p.type === 'Federated'),
  );
}

/**
 * An IRSA role trusts one service account of one cluster: a single statement,
 * StringEquals on the token's `sub` and `aud`, nothing broader.
 */
export const irsaExactTrust: Rule = {
  id: ID,
  description: 'Every web-identity (IRSA) trust policy trusts exactly one service account with StringEquals on sub and aud',
  check(tf) {
    const findings: Finding[] = [];
    for (const { address, config } of resourcesOf(tf, 'aws_iam_role')) {
      const raw: unknown = config.assume_role_policy;
      if (typeof raw !== 'string') continue;
      // A literal or expression (jsonencode) trust names the web identity in its text; a document reference, in the data source.
      if (!/Federated|AssumeRoleWithWebIdentity/.test(raw) && !federatedDocument(tf, raw)) continue;
      const policy = literalPolicy(raw);
      const problem = policy === undefined ? 'is not a literal JSON document, so it cannot be verified' : inexactTrust(policy);
      if (problem !== undefined) findings.push({ rule: ID, address, message: `${address}: trust policy ${problem}` });
    }
    return findings;
  },
};
