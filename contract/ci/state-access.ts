import { s3BucketArn, s3ObjectArn } from '../iam/arn';
import type { PolicyStatement } from '../iam/policy-document';
import { persistent } from '../selection';
import { bootstrapStackName, ledgerKeyPrefix, stateKey } from '../naming';
import { stateKeyPatterns, stateLocation } from './names';
import type { CiEnv } from './ci-env';

function dirOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

/** S3 ARNs of the env's state: the bucket, state keys (and their `.tflock`), the ledger rows. */
export function stateArns(env: CiEnv, partition: string) {
  const { bucket, keyPrefix } = stateLocation(env);
  const keys = stateKeyPatterns(keyPrefix, env.name);
  const object = (key: string) => s3ObjectArn(partition, bucket, key);
  return {
    bucket: s3BucketArn(partition, bucket),
    envFolder: dirOf(keys.persistent),
    buildsFolder: dirOf(dirOf(keys.builds)),
    persistent: [object(keys.persistent), object(`${keys.persistent}.tflock`)],
    builds: [object(keys.builds), object(`${keys.builds}.tflock`)],
    bootstrap: [object(stateKey(keyPrefix, persistent(env.name), bootstrapStackName(env.name))), object(`${stateKey(keyPrefix, persistent(env.name), bootstrapStackName(env.name))}.tflock`)],
    ledger: object(`${ledgerKeyPrefix(keyPrefix, env.name)}*`),
    ledgerFolder: ledgerKeyPrefix(keyPrefix, env.name),
  };
}

/**
 * Ledger rows: one object per row, written only when the key is new
 * (`If-None-Match: *`), so no run rewrites an earlier row; listing and reading
 * them is free within the ledger prefix. Deletion is denied by the guard rails.
 */
export function ledgerStatements(env: CiEnv, partition: string): PolicyStatement[] {
  const s = stateArns(env, partition);
  return [
    { Sid: 'AppendLedgerRows', Effect: 'Allow', Action: ['s3:PutObject'], Resource: s.ledger, Condition: { Null: { 's3:if-none-match': 'false' } } },
    { Sid: 'ReadLedgerRows', Effect: 'Allow', Action: ['s3:GetObject'], Resource: s.ledger },
    { Sid: 'ListLedgerRows', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: s.bucket, Condition: { StringLike: { 's3:prefix': `${s.ledgerFolder}*` } } },
  ];
}

/** Nothing a CI role does may delete a ledger row or touch the account plane's own state. */
export function stateGuardRails(env: CiEnv, partition: string): PolicyStatement[] {
  const s = stateArns(env, partition);
  return [
    { Sid: 'LedgerRowsAreNeverDeleted', Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectAcl', 's3:PutObjectRetention'], Resource: s.ledger },
    { Sid: 'NoBootstrapState', Effect: 'Deny', Action: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'], Resource: s.bootstrap },
    {
      Sid: 'NoStateBucketSettings',
      Effect: 'Deny',
      Action: ['s3:DeleteBucket', 's3:DeleteBucketPolicy', 's3:PutBucketPolicy', 's3:PutBucketVersioning', 's3:PutLifecycleConfiguration', 's3:PutBucketPublicAccessBlock', 's3:PutEncryptionConfiguration', 's3:PutBucketOwnershipControls', 's3:PutBucketAcl'],
      Resource: s.bucket,
    },
  ];
}
