/** An IAM policy document as typed data (rendered with JSON.stringify). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Readonly<Record<string, string | readonly string[]>>;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** The partition ARNs of a region live in (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** ARN of an AWS managed policy, e.g. `AmazonEKSClusterPolicy` or `service-role/AmazonEBSCSIDriverPolicy`. */
export function awsManagedPolicyArn(partition: string, name: string): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

/**
 * kms:Decrypt on the region's keys, only when Secrets Manager calls it on the
 * role's behalf (which it does only for a secret the role may read). The app
 * secrets are encrypted with the database's customer key, whose ARN the
 * foundation documents do not carry.
 */
export function decryptThroughSecretsManager(partition: string, region: string, accountId: string): PolicyStatement {
  return {
    Sid: 'DecryptSecretsThroughSecretsManager',
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: `arn:${partition}:kms:${region}:${accountId}:key/*`,
    Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
  };
}
