import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { s3BucketArn, s3ObjectArn } from '../../contract/iam/arn';
import { policyDocument, type PolicyDocument } from '../../contract/iam/policy-document';
import { policyJson } from '../dns/policy-json';

export interface StateBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** Partition of the bucket's ARNs (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly partition: string;
  /** Key prefix (`…/ledger/`) of the ledger rows: objects there are only ever created. */
  readonly ledgerPrefix: string;
  /**
   * Days a replaced or deleted state version is kept.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
}

/**
 * The bucket policy: TLS only for everyone; ledger rows are created, never
 * replaced (`If-None-Match: *`) or deleted, by anyone.
 */
export function stateBucketPolicyDocument(props: Pick<StateBucketProps, 'bucketName' | 'partition' | 'ledgerPrefix'>): PolicyDocument {
  const bucket = s3BucketArn(props.partition, props.bucketName);
  const ledger = s3ObjectArn(props.partition, props.bucketName, `${props.ledgerPrefix}*`);
  return policyDocument([
    { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucket, `${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    { Sid: 'LedgerRowsAreOnlyCreated', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: ledger, Condition: { Null: { 's3:if-none-match': 'true' } } },
    { Sid: 'LedgerRowsAreNeverDeleted', Effect: 'Deny', Principal: '*', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'], Resource: ledger },
  ]);
}

/**
 * The env's Terraform state bucket: versioned, encrypted, private (public
 * access blocked, ACLs disabled), TLS only, old versions expired; Terraform
 * refuses to destroy it.
 */
export class StateBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName, lifecycle: { preventDestroy: true } });
    const bucket = this.bucket.id;
    new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'public-access', { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new S3BucketOwnershipControls(this, 'ownership', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-old-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 90 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    new S3BucketPolicy(this, 'policy', { bucket, policy: policyJson(stateBucketPolicyDocument(props)), dependsOn: [publicAccess] });
  }
}
