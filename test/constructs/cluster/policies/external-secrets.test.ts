import { externalSecretsPolicy } from '../../../../constructs/cluster/policies/external-secrets';

describe('externalSecretsPolicy', () => {
  const policy = externalSecretsPolicy({ partition: 'aws', region: 'eu-west-2', accountId: '111111111111', env: 'dev' });

  it("reads only the env's secrets under goldenpath/{env}/", () => {
    expect(policy.Statement.map((s) => s.Resource)).toEqual(['arn:aws:secretsmanager:eu-west-2:111111111111:secret:goldenpath/dev/*']);
  });

  it('grants no write or list action', () => {
    const actions = policy.Statement.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => !/^secretsmanager:(Get|Describe|ListSecretVersionIds)/.test(a))).toEqual([]);
  });
});
