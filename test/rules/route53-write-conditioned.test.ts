import { route53WriteConditioned } from '../../rules/route53-write-conditioned';
import { ruleContext } from './context';

const ctx = ruleContext(false);
const policy = (statement: Record<string, unknown>) => ({
  resource: { aws_iam_policy: { p: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) } } },
});
const names = { 'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['*.dev.example.com'] } };

describe('route53-write-conditioned', () => {
  it('passes a record write scoped by a Condition', () => {
    expect(route53WriteConditioned.check(policy({ Effect: 'Allow', Action: 'route53:ChangeResourceRecordSets', Resource: '*', Condition: names }), ctx)).toEqual([]);
  });

  it('passes an unconditioned Deny of record writes (it only narrows)', () => {
    expect(route53WriteConditioned.check(policy({ Effect: 'Deny', Action: 'route53:ChangeResourceRecordSets', NotResource: ['arn'] }), ctx)).toEqual([]);
  });

  it('fails an unconditioned ChangeResourceRecordSets', () => {
    expect(route53WriteConditioned.check(policy({ Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets'], Resource: '*' }), ctx)).toEqual([
      expect.objectContaining({ rule: 'route53-write-conditioned', address: 'aws_iam_policy.p.policy' }),
    ]);
  });

  it('fails an unconditioned route53:*', () => {
    expect(route53WriteConditioned.check(policy({ Effect: 'Allow', Action: 'route53:*', Resource: '*' }), ctx)).toHaveLength(1);
  });

  it('fails an unconditioned NotAction that leaves record writes in', () => {
    expect(route53WriteConditioned.check(policy({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }), ctx)).toHaveLength(1);
  });

  it('passes an unconditioned NotAction that excludes route53', () => {
    expect(route53WriteConditioned.check(policy({ Effect: 'Allow', NotAction: ['route53:*', 'iam:*'], Resource: '*' }), ctx)).toEqual([]);
  });

  it('fails an unconditioned record write in a policy document data source', () => {
    const tf = { data: { aws_iam_policy_document: { d: { statement: [{ actions: ['route53:Change*'], resources: ['*'] }] } } } };
    expect(route53WriteConditioned.check(tf, ctx)).toHaveLength(1);
  });
});
