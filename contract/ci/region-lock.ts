import type { PolicyStatement } from '../iam/policy-document';

/**
 * Calls without a region, or answered only in some: IAM, Route53 and STS
 * carry us-east-1 whatever the env's region; the tagging API lists IAM
 * resources only in us-east-1 (the CLI's global services region); the
 * Price List API answers only in a few regions such as us-east-1.
 */
export const REGIONLESS_ACTIONS = ['iam:*', 'route53:*', 'sts:*', 'tag:GetResources', 'pricing:GetProducts'] as const;

/** Nothing outside the env's region (and the state bucket's), the regionless calls excepted. */
export function regionLock(...regions: readonly string[]): PolicyStatement {
  return {
    Sid: 'OnlyTheEnvRegion',
    Effect: 'Deny',
    NotAction: REGIONLESS_ACTIONS,
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': [...new Set(regions)] } },
  };
}
