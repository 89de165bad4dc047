import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { s3BucketArn } from '../../contract/iam/arn';
import type { ServiceAccountRef } from '../../contract/service-accounts';
import { IrsaRole } from './irsa-role';
import type { OidcProvider } from './oidc-provider';
import { objectStoragePolicy } from './policies/object-storage';

export interface ObjectStorageProps {
  /** Bucket name, globally unique through the account id (contract `objectStorageBucketName`). */
  readonly bucketName: string;
  /** AWS partition, for the bucket ARN. */
  readonly partition: string;
  /** Name of the IRSA role that may use the bucket. */
  readonly roleName: string;
  /** The cluster's IAM OIDC provider the role trusts. */
  readonly oidc: OidcProvider;
  /** The one service account allowed to assume the role (Loki). */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * Permissions boundary of the role.
   * @default none
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Days after which objects (log chunks) expire.
   * @default 30
   */
  readonly expirationDays?: number;
  /**
   * Let `destroy` delete a bucket that still holds objects.
   * @default false
   */
  readonly forceDestroy?: boolean;
}

/**
 * Loki's object storage: a private, encrypted, unversioned bucket whose
 * objects expire, and the IRSA role that may use that bucket only.
 */
export class ObjectStorage extends Construct {
  readonly bucket: S3Bucket;
  readonly role: IrsaRole;

  constructor(scope: Construct, id: string, props: ObjectStorageProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName, forceDestroy: props.forceDestroy ?? false });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', { bucket: this.bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }],
    });
    // Loki's chunks are immutable and expire; old versions would only keep deleted data (and cost) around.
    new S3BucketVersioningA(this, 'versioning', { bucket: this.bucket.id, versioningConfiguration: { status: 'Disabled' } });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [
        {
          id: 'expire-log-chunks',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          expiration: [{ days: props.expirationDays ?? 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
    this.role = new IrsaRole(this, 'role', {
      roleName: props.roleName,
      oidc: props.oidc,
      serviceAccount: props.serviceAccount,
      policy: objectStoragePolicy(s3BucketArn(props.partition, props.bucketName)),
      permissionsBoundaryArn: props.permissionsBoundaryArn,
    });
  }
}
