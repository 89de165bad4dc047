import { coversAction, iamStatementsOf } from './iam-statements';
import type { Finding, Rule } from './types';

const ID = 'route53-write-conditioned';

/** The record-writing action the DNS guard scopes. */
const ROUTE53_WRITE = 'route53:ChangeResourceRecordSets';

/**
 * Every Allow statement that can write Route53 records (the action itself,
 * `route53:*`, any wildcard covering it, or a NotAction that leaves it in) carries a Condition that scopes
 * the names, types or actions. Deny statements only restrict, so they may
 * stand without one; unreadable policies are findings.
 */
export const route53WriteConditioned: Rule = {
  id: ID,
  description: 'Route53 record writes are only allowed under a Condition',
  check(tf) {
    const { statements, unreadable } = iamStatementsOf(tf);
    const findings: Finding[] = statements
      .filter((s) => s.effect === 'Allow' && !s.hasCondition && coversAction(s, ROUTE53_WRITE))
      .map((s) => ({
        rule: ID,
        address: s.address,
        message: `${s.address} allows ${ROUTE53_WRITE} without a Condition: add a Condition on route53:ChangeResourceRecordSetsNormalizedRecordNames (the DNS guard)`,
      }));
    for (const u of unreadable) {
      findings.push({ rule: ID, address: u.address, message: `${u.address} cannot be read (${u.reason}): write the policy as JSON or jsonencode so its Route53 writes can be checked` });
    }
    return findings;
  },
};
