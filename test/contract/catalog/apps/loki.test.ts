import { loki } from '../../../../contract/catalog/apps/loki';
import { objectStorageBucketName } from '../../../../contract/naming';
import { IRSA_ROLE_ARN_ANNOTATION } from '../../../../contract/service-accounts';
import { persistent } from '../../../../contract/selection';
import { ALL_CAPABILITIES, contractFor } from '../../../support/bootstrap-contract';

type LokiValues = {
  loki: { storage: { type: string; bucketNames: Record<string, string>; s3: { region: string } } };
  serviceAccount: { annotations: Record<string, string> };
};

describe('loki', () => {
  const values = () => loki.values(contractFor(persistent('dev'))) as LokiValues;

  it('stores chunks, ruler and admin data in the cluster bucket', () => {
    const bucket = objectStorageBucketName(persistent('dev'), '111111111111');
    expect(values().loki.storage).toEqual({ type: 's3', bucketNames: { chunks: bucket, ruler: bucket, admin: bucket }, s3: { region: 'eu-west-2' } });
  });

  it('reaches the bucket through its IRSA role', () => {
    expect(values().serviceAccount.annotations[IRSA_ROLE_ARN_ANNOTATION]).toMatch(/:role\/goldenpath-dev-loki$/);
  });

  it('refuses a contract without verified object storage', () => {
    const contract = contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, objectStorageAvailable: false } });
    expect(() => loki.values(contract)).toThrow(/app "loki" needs the object storage bucket/);
  });
});
