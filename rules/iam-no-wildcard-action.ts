import { iamStatementsOf } from './iam-statements';
import type { Finding, Rule } from './types';

const ID = 'iam-no-wildcard-action';

const EVERY_ACTION = /^\*(:\*)?$/;

/**
 * No Allow statement grants every action. Deny statements may (they only
 * narrow); unreadable policies are findings, since nothing vouches for them.
 */
export const iamNoWildcardAction: Rule = {
  id: ID,
  description: 'No IAM Allow statement has "*" as an Action',
  check(tf) {
    const { statements, unreadable } = iamStatementsOf(tf);
    const findings: Finding[] = statements
      .filter((s) => s.effect === 'Allow' && s.actions.some((a) => EVERY_ACTION.test(a.trim())))
      .map((s) => ({ rule: ID, address: s.address, message: `${s.address} allows Action "*": list the actions the principal needs` }));
    for (const u of unreadable) {
      findings.push({ rule: ID, address: u.address, message: `${u.address} cannot be read (${u.reason}): write the policy as JSON or jsonencode so its actions can be checked` });
    }
    return findings;
  },
};
