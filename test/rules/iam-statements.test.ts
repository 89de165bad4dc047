import { coversAction, iamStatementsOf } from '../../rules/iam-statements';

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
      { address: 'aws_iam_policy.json.policy', effect: 'Allow', actions: ['s3:GetObject'], notActions: [], hasCondition: false },
      { address: 'aws_iam_policy.encoded.policy', effect: 'Deny', actions: ['iam:*'], notActions: [], hasCondition: true },
      { address: 'aws_iam_role.r.inline_policy[0]', effect: 'Allow', actions: ['logs:PutLogEvents'], notActions: [], hasCondition: false },
      { address: 'data.aws_iam_policy_document.trust', effect: 'Allow', actions: ['sts:AssumeRole'], notActions: [], hasCondition: true },
    ]);
  });

  it('reports a policy it cannot parse as unreadable', () => {
    const { unreadable } = iamStatementsOf({ resource: { aws_iam_policy: { p: { policy: '${file("policy.json")}' } } } });
    expect(unreadable).toEqual([expect.objectContaining({ address: 'aws_iam_policy.p.policy' })]);
  });

  it('reads NotAction of JSON policies and not_actions of policy documents', () => {
    const tf = {
      resource: { aws_iam_policy: { p: { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] }) } } },
      data: { aws_iam_policy_document: { d: { statement: [{ not_actions: ['sts:*'] }] } } },
    };
    expect(iamStatementsOf(tf).statements.map((s) => s.notActions)).toEqual([['iam:*'], ['sts:*']]);
  });
});

describe('coversAction', () => {
  const statement = (actions: string[], notActions: string[]) => ({ address: 'a', effect: 'Allow' as const, actions, notActions, hasCondition: false });

  it('covers an action its Action matches', () => {
    expect(coversAction(statement(['route53:Change*'], []), 'route53:ChangeResourceRecordSets')).toBe(true);
  });

  it('covers an action its NotAction leaves in', () => {
    expect(coversAction(statement([], ['iam:*']), 'route53:ChangeResourceRecordSets')).toBe(true);
  });

  it('does not cover an action its NotAction excludes', () => {
    expect(coversAction(statement([], ['route53:*']), 'route53:ChangeResourceRecordSets')).toBe(false);
  });
});
