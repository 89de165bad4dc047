import { dbProvisionerPolicy } from '../../../../constructs/cluster/policies/db-provisioner';

describe('dbProvisionerPolicy', () => {
  const MASTER = 'arn:aws-us-gov:secretsmanager:us-gov-west-1:111111111111:secret:rds!db-0123-AbC123';
  const policy = dbProvisionerPolicy({ partition: 'aws-us-gov', region: 'us-gov-west-1', accountId: '111111111111', env: 'staging', masterSecretArn: MASTER });

  it('grants only the three reads db provision makes: the document, the secrets, their decryption', () => {
    expect(policy.Statement.flatMap((s) => [s.Action].flat()).sort()).toEqual(['kms:Decrypt', 'secretsmanager:GetSecretValue', 'ssm:GetParameter']);
  });

  it("scopes every resource to the env's partition, region and account", () => {
    expect(policy.Statement.map((s) => s.Resource)).toEqual([
      'arn:aws-us-gov:ssm:us-gov-west-1:111111111111:parameter/goldenpath/staging/foundation/database',
      [MASTER, 'arn:aws-us-gov:secretsmanager:us-gov-west-1:111111111111:secret:goldenpath/staging/*/postgres-??????'],
      'arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/*',
    ]);
  });

  it('decrypts only through Secrets Manager of the region', () => {
    const decrypt = policy.Statement.find((s) => s.Action === 'kms:Decrypt');
    expect(decrypt?.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.us-gov-west-1.amazonaws.com' } });
  });
});
