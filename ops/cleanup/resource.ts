/**
 * What orphan cleanup knows about one cloud resource. Kinds are listed in
 * deletion order: a resource is deleted only after every kind before it, so
 * nothing is deleted while something that depends on it still exists.
 */
export const RESOURCE_KINDS_IN_DELETION_ORDER = [
  // The cluster first: its node groups, Fargate profiles and add-ons, then the cluster; then what ran its nodes.
  'eks-addon',
  'eks-fargate-profile',
  'eks-nodegroup',
  'eks-cluster',
  'ec2-instance',
  'ec2-launch-template',
  'kms-key',
  'elbv2-load-balancer',
  'elbv2-target-group',
  'acm-certificate',
  'ec2-network-interface',
  'ec2-security-group-rule',
  'ec2-security-group',
  'ec2-volume',
  'ec2-snapshot',
  'ec2-nat-gateway',
  'ec2-elastic-ip',
  'ec2-subnet',
  'ec2-internet-gateway',
  'ec2-vpc',
  's3-bucket',
  'logs-log-group',
  'route53-record',
  'iam-instance-profile',
  'iam-oidc-provider',
  'iam-role',
  'iam-policy',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS_IN_DELETION_ORDER)[number];

/**
 * Kinds in different lanes never depend on one another, so lanes run side by
 * side; inside a lane the deletion order above holds (a volume need not wait
 * for a security group, a target group must wait for its load balancer, a
 * cluster's key is scheduled for deletion only once the cluster is going).
 */
export const DELETION_LANE: Readonly<Record<ResourceKind, string>> = {
  'eks-addon': 'compute',
  'eks-fargate-profile': 'compute',
  'eks-nodegroup': 'compute',
  'eks-cluster': 'compute',
  'ec2-instance': 'compute',
  'ec2-launch-template': 'compute',
  'kms-key': 'compute',
  'elbv2-load-balancer': 'network',
  'elbv2-target-group': 'network',
  'acm-certificate': 'network',
  'ec2-network-interface': 'network',
  'ec2-security-group-rule': 'network',
  'ec2-security-group': 'network',
  'ec2-volume': 'storage',
  'ec2-snapshot': 'storage',
  'ec2-nat-gateway': 'network',
  'ec2-elastic-ip': 'network',
  'ec2-subnet': 'network',
  'ec2-internet-gateway': 'network',
  'ec2-vpc': 'network',
  's3-bucket': 'objects',
  'logs-log-group': 'logs',
  'route53-record': 'dns',
  'iam-instance-profile': 'iam',
  'iam-oidc-provider': 'iam',
  'iam-role': 'iam',
  'iam-policy': 'iam',
};

/**
 * States in which AWS still lists a resource whose deletion is under way or
 * done (a terminated instance, a cluster DELETING, a key pending deletion):
 * it counts as gone and never blocks completion. Discovery sets `state`.
 */
export const GONE_STATES: Readonly<Partial<Record<ResourceKind, readonly string[]>>> = {
  'eks-addon': ['DELETING'],
  'eks-fargate-profile': ['DELETING'],
  'eks-nodegroup': ['DELETING'],
  'eks-cluster': ['DELETING'],
  'ec2-instance': ['shutting-down', 'terminated'],
  'kms-key': ['PendingDeletion', 'PendingReplicaDeletion'],
  'ec2-nat-gateway': ['deleting', 'deleted'],
  'ec2-volume': ['deleting', 'deleted'],
};
export const STATE_ATTRIBUTE = 'state';
/** The state discovery records for what the tagging API still lists but the service no longer knows. */
export const NOT_FOUND_STATE = 'not-found';

export function isGone(resource: Pick<CloudResource, 'kind' | 'attributes'>): boolean {
  const state = resource.attributes[STATE_ATTRIBUTE];
  return state !== undefined && (state === NOT_FOUND_STATE || (GONE_STATES[resource.kind] ?? []).includes(state));
}

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

/** A resource tagged with the build of a type cleanup does not manage: reported with a hint (findings), never retried. */
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
