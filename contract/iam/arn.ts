import { partitionOf } from './partition';

/**
 * ARN builders: the only place the program spells `arn:<partition>:…`.
 * Each takes the partition (or the account scope it derives from), so an
 * env in aws-cn or aws-us-gov gets ARNs of its own partition everywhere.
 */

/** Where an env's resources live: its partition, region and account. */
export interface AccountScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
}

export function accountScope(account: { readonly id: string; readonly region: string }): AccountScope {
  return { partition: partitionOf(account.region), region: account.region, accountId: account.id };
}

/** `arn:{partition}:{service}:{region}:{account}:{resource}`; region and account may be empty (global) or `*`. */
export function arn(partition: string, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}

/** A regional resource of the scope's account, e.g. `regionalArn(s, 'eks', 'cluster/x')`. */
export function regionalArn(scope: AccountScope, service: string, resource: string): string {
  return arn(scope.partition, service, scope.region, scope.accountId, resource);
}

/** An IAM resource of the account: `role/x`, `policy/x`, `oidc-provider/host`, `instance-profile/x`, `root`. */
export function iamArn(scope: Pick<AccountScope, 'partition' | 'accountId'>, resource: string): string {
  return arn(scope.partition, 'iam', '', scope.accountId, resource);
}

export function roleArn(scope: Pick<AccountScope, 'partition' | 'accountId'>, roleName: string): string {
  return iamArn(scope, `role/${roleName}`);
}

export function policyArn(scope: Pick<AccountScope, 'partition' | 'accountId'>, policyName: string): string {
  return iamArn(scope, `policy/${policyName}`);
}

/** ARN of an AWS managed policy, e.g. `AmazonEKSClusterPolicy` or `service-role/AmazonEBSCSIDriverPolicy`. */
export function awsManagedPolicyArn(partition: string, name: string): string {
  return arn(partition, 'iam', '', 'aws', `policy/${name}`);
}

/** An EKS access policy, e.g. `AmazonEKSClusterAdminPolicy`. */
export function eksAccessPolicyArn(partition: string, name: string): string {
  return arn(partition, 'eks', '', 'aws', `cluster-access-policy/${name}`);
}

export function s3BucketArn(partition: string, bucket: string): string {
  return arn(partition, 's3', '', '', bucket);
}

/** Objects of a bucket under a key or key pattern. */
export function s3ObjectArn(partition: string, bucket: string, key: string): string {
  return `${s3BucketArn(partition, bucket)}/${key}`;
}

/** A hosted zone (`*` for any zone of the account). */
export function hostedZoneArn(partition: string, zoneId: string): string {
  return arn(partition, 'route53', '', '', `hostedzone/${zoneId}`);
}

/** An SSM parameter by its name, which starts with `/`. */
export function ssmParameterArn(scope: AccountScope, name: string): string {
  return regionalArn(scope, 'ssm', `parameter${name}`);
}

/** A log group and its streams (IAM checks some calls on the one, some on the other). */
export function logGroupArns(scope: AccountScope, name: string): [string, string] {
  const group = regionalArn(scope, 'logs', `log-group:${name}`);
  return [group, `${group}:*`];
}

/** A Secrets Manager secret by name or name pattern (AWS appends `-XXXXXX` to names). */
export function secretArn(scope: AccountScope, name: string): string {
  return regionalArn(scope, 'secretsmanager', `secret:${name}`);
}
