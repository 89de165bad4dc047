import { actionMatches, iamStatementsOf } from '../../rules/iam-statements';

describe('iamStatementsOf', () => {
  it('reads JSON string, jsonencode, inline role and policy-document statements', () => {
    const tf = {
      resource: {
        aws_iam_policy: {
          json: { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) },
          encoded: { policy: '${jsonencode({"Statement" = [{"Effect" = "Deny", "Action" = ["iam:*"], "Condition" = {"Bool" = {"x" = "true"}}}]})}' },
        },
        aws_iam_role: {
          r: {
            assume_role_policy: '${data.aws_iam_policy_document.trust.json}',
            inline_policy: [{ name: 'i', policy: JSON.stringify({ Statement: { Effect: 'Allow', Action: ['logs:PutLogEvents'] } }) }],
          },
        },
      },
      data: { aws_iam_policy_document: { trust: { statement: [{ actions: ['sts:AssumeRole'], condition: [{ test: 'StringEquals' }] }] } } },
    };
    const { statements, unreadable } = iamStatementsOf(tf);
    expect(unreadable).toEqual([]);
    expect(statements).toEqual([
      { address: 'aws_iam_policy.json.policy', effect: 'Allow', actions: ['s3:GetObject'], hasCondition: false },
      { address: 'aws_iam_policy.encoded.policy', effect: 'Deny', actions: ['iam:*'], hasCondition: true },
      { address: 'aws_iam_role.r.inline_policy[0]', effect: 'Allow', actions: ['logs:PutLogEvents'], hasCondition: false },
      { address: 'data.aws_iam_policy_document.trust', effect: 'Allow', actions: ['sts:AssumeRole'], hasCondition: true },
    ]);
  });

  it('reports a policy it cannot parse as unreadable', () => {
    const { unreadable } = iamStatementsOf({ resource: { aws_iam_policy: { p: { policy: '${file("policy.json")}' } } } });
    expect(unreadable).toEqual([expect.objectContaining({ address: 'aws_iam_policy.p.policy' })]);
  });
});

describe('actionMatches', () => {
  it('matches wildcards case-insensitively', () => {
    expect(actionMatches('route53:change*', 'route53:ChangeResourceRecordSets')).toBe(true);
    expect(actionMatches('route53:*', 'route53:ChangeResourceRecordSets')).toBe(true);
  });

  it('does not match another action', () => {
    expect(actionMatches('route53:List*', 'route53:ChangeResourceRecordSets')).toBe(false);
  });
});
