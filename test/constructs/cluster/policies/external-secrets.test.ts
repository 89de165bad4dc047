import { externalSecretsPolicy } from '../../../../constructs/cluster/policies/external-secrets';
import { listOf } from '../../../../contract/iam/policy-document';

describe('externalSecretsPolicy', () => {
  const account = { partition: 'aws', region: 'eu-west-2', accountId: '111111111111' };
  const policy = externalSecretsPolicy({ ...account, secretNames: ['goldenpath/dev/grafana/postgres', 'goldenpath/dev/backstage/postgres'] })!;

  const secretStatements = policy.Statement.filter((s) => listOf(s.Action).some((a) => a.startsWith('secretsmanager:')));

  it('reads exactly the named secrets, each with the random suffix Secrets Manager appends', () => {
    expect(secretStatements.map((s) => s.Resource)).toEqual([
      ['arn:aws:secretsmanager:eu-west-2:111111111111:secret:goldenpath/dev/backstage/postgres-??????', 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:goldenpath/dev/grafana/postgres-??????'],
    ]);
  });

  it('is no policy at all when the apps read no secret', () => {
    expect(externalSecretsPolicy({ ...account, secretNames: [] })).toBeUndefined();
  });

  it('grants no write or list action', () => {
    const actions = policy.Statement.flatMap((s) => listOf(s.Action));
    expect(actions.filter((a) => !/^secretsmanager:(Get|Describe|ListSecretVersionIds)/.test(a) && a !== 'kms:Decrypt')).toEqual([]);
  });

  it('decrypts only through Secrets Manager in its region (the secrets use the database key)', () => {
    const decrypt = policy.Statement.filter((s) => s.Action === 'kms:Decrypt');
    expect(decrypt.map((s) => s.Condition)).toEqual([{ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-2.amazonaws.com' } }]);
  });
});
