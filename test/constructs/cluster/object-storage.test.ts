import { Testing } from 'cdktf';
import { ObjectStorage } from '../../../constructs/cluster/object-storage';
import { OidcProvider } from '../../../constructs/cluster/oidc-provider';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const BUCKET = 'goldenpath-dev-loki-111111111111';
const r: Json = JSON.parse(
  Testing.synthScope((scope) => {
    const oidc = new OidcProvider(scope, 'oidc', { issuerUrl: 'https://oidc.eks.eu-west-2.amazonaws.com/id/ABC' });
    new ObjectStorage(scope, 'storage', { bucketName: BUCKET, partition: 'aws', roleName: 'goldenpath-dev-loki', oidc, serviceAccount: { namespace: 'loki', serviceAccount: 'loki' } });
  }),
).resource;
const one = (type: string) => Object.values<Json>(r[type])[0]!;

describe('ObjectStorage', () => {
  it('blocks every kind of public access', () => {
    expect(one('aws_s3_bucket_public_access_block')).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
  });

  it('encrypts objects with KMS by default', () => {
    expect(one('aws_s3_bucket_server_side_encryption_configuration').rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe('aws:kms');
  });

  it('keeps versioning off', () => {
    expect(one('aws_s3_bucket_versioning').versioning_configuration.status).toBe('Disabled');
  });

  it('expires objects after 30 days by default', () => {
    expect(one('aws_s3_bucket_lifecycle_configuration').rule[0]).toMatchObject({ status: 'Enabled', expiration: [{ days: 30 }] });
  });

  it('keeps the bucket on destroy unless told otherwise', () => {
    expect(one('aws_s3_bucket')).toMatchObject({ bucket: BUCKET, force_destroy: false });
  });

  it('lets the loki role use this bucket and no other', () => {
    const policy = JSON.parse(one('aws_iam_policy').policy);
    expect(policy.Statement.map((s: Json) => s.Resource)).toEqual([`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`]);
  });
});
