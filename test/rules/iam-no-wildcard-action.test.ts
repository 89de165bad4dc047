import { iamNoWildcardAction } from '../../rules/iam-no-wildcard-action';
import { ruleContext } from './context';

const ctx = ruleContext(false);
const policy = (statement: Record<string, unknown>) => ({
  resource: { aws_iam_policy: { p: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) } } },
});

describe('iam-no-wildcard-action', () => {
  it('passes an Allow of named actions', () => {
    expect(iamNoWildcardAction.check(policy({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }), ctx)).toEqual([]);
  });

  it('passes a Deny of every action (it only narrows)', () => {
    expect(iamNoWildcardAction.check(policy({ Effect: 'Deny', Action: '*', Resource: '*' }), ctx)).toEqual([]);
  });

  it('fails an Allow of "*" in a JSON policy', () => {
    expect(iamNoWildcardAction.check(policy({ Effect: 'Allow', Action: '*', Resource: '*' }), ctx)).toEqual([
      expect.objectContaining({ rule: 'iam-no-wildcard-action', address: 'aws_iam_policy.p.policy' }),
    ]);
  });

  it('fails an Allow of "*" in a jsonencode role policy', () => {
    const tf = { resource: { aws_iam_role_policy: { p: { policy: '${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = ["*"], "Resource" = "*"}]})}' } } } };
    expect(iamNoWildcardAction.check(tf, ctx)).toHaveLength(1);
  });

  it('fails an Allow of "*" in a policy document data source', () => {
    const tf = { data: { aws_iam_policy_document: { d: { statement: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] } } } };
    expect(iamNoWildcardAction.check(tf, ctx)).toHaveLength(1);
  });

  it('fails a policy it cannot read', () => {
    expect(iamNoWildcardAction.check({ resource: { aws_iam_policy: { p: { policy: '${file("p.json")}' } } } }, ctx)).toHaveLength(1);
  });
});
