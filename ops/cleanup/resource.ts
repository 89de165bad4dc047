/**
 * What orphan cleanup knows about one cloud resource. Kinds are listed in
 * deletion order: a resource is deleted only after every kind before it, so
 * nothing is deleted while something that depends on it still exists.
 */
export const RESOURCE_KINDS_IN_DELETION_ORDER = [
  'elbv2-load-balancer',
  'elbv2-target-group',
  'ec2-network-interface',
  'ec2-security-group-rule',
  'ec2-security-group',
  'ec2-volume',
  'ec2-nat-gateway',
  'ec2-elastic-ip',
  'ec2-launch-template',
  'ec2-subnet',
  'ec2-internet-gateway',
  'ec2-vpc',
  'logs-log-group',
  'route53-record',
  'iam-oidc-provider',
  'iam-role',
  'iam-policy',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS_IN_DELETION_ORDER)[number];

/**
 * Kinds in different lanes never depend on one another, so lanes run side by
 * side; inside a lane the deletion order above holds (a volume need not wait
 * for a security group, a target group must wait for its load balancer).
 */
export const DELETION_LANE: Readonly<Record<ResourceKind, string>> = {
  'elbv2-load-balancer': 'network',
  'elbv2-target-group': 'network',
  'ec2-network-interface': 'network',
  'ec2-security-group-rule': 'network',
  'ec2-security-group': 'network',
  'ec2-volume': 'storage',
  'ec2-nat-gateway': 'network',
  'ec2-elastic-ip': 'network',
  'ec2-launch-template': 'compute',
  'ec2-subnet': 'network',
  'ec2-internet-gateway': 'network',
  'ec2-vpc': 'network',
  'logs-log-group': 'logs',
  'route53-record': 'dns',
  'iam-oidc-provider': 'iam',
  'iam-role': 'iam',
  'iam-policy': 'iam',
};

/** IAM and Route53 are global: they carry this instead of a region. */
export const GLOBAL_REGION = 'global';

export interface CloudResource {
  readonly kind: ResourceKind;
  /** The id the delete call takes (ARN, resource id, or `zoneId|name|type` for a record). */
  readonly id: string;
  /** The ARN when the resource has one; its account is checked against the env's. */
  readonly arn?: string;
  readonly region: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Kind-specific facts discovery found and deletion or matching needs. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** A resource that was found but cannot be classified or deleted by this tool. */
export interface UnsupportedResource {
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
}

export function kindRank(kind: ResourceKind): number {
  return RESOURCE_KINDS_IN_DELETION_ORDER.indexOf(kind);
}

export function resourceKey(resource: Pick<CloudResource, 'kind' | 'id'>): string {
  return `${resource.kind}:${resource.id}`;
}

/** The account id inside an ARN, or undefined when it has none (e.g. S3). */
export function arnAccount(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}
