import type { Lifecycle } from './lifecycle';
import { buildIdOf, type Selection } from './selection';

const DOMAIN = 'goldenpath.idp';

/** Tag and label keys: the single definition every stack, manifest and cleanup rule uses. */
export const TAG_KEYS = {
  env: `${DOMAIN}/env`,
  plane: `${DOMAIN}/plane`,
  lifecycle: `${DOMAIN}/lifecycle`,
  stack: `${DOMAIN}/stack`,
  buildId: `${DOMAIN}/build-id`,
  expiresAt: `${DOMAIN}/expires-at`,
  managedBy: 'ManagedBy',
} as const;

export const MANAGED_BY = 'cdktf';

/** `account`: the bootstrap stack (state, GitHub OIDC, CI roles); created before and outliving everything else. */
export const PLANES = ['foundational', 'disposable', 'account'] as const;
export type Plane = (typeof PLANES)[number];

/** Planes whose resources outlive every build and that no build, cleanup or load balancer controller may change. */
export const PROTECTED_PLANES: readonly Exclude<Plane, 'disposable'>[] = PLANES.filter((p): p is Exclude<Plane, 'disposable'> => p !== 'disposable');

/**
 * Tag keys that decide what a resource is (and so what a CI or build role may
 * do to it): settable only when the resource is created. Matched in any case:
 * IAM role and user tag keys are case-insensitive (tagging
 * `GoldenPath.IDP/Build-Id` replaces `goldenpath.idp/build-id`), and elsewhere
 * a look-alike key serves no one.
 */
export const PROTECTION_TAG_KEYS = [TAG_KEYS.lifecycle, TAG_KEYS.plane, TAG_KEYS.env, TAG_KEYS.buildId] as const;

/** The label that marks a cluster (Argo CD cluster Secret) as entitled to a tier. */
export function tierLabelKey(tier: number): string {
  return `${DOMAIN}/tier-${tier}`;
}
export const TIER_LABEL_ENABLED = 'enabled';

/** The label an Application carries to say which tier it belongs to. */
export const APP_TIER_LABEL = `${DOMAIN}/tier`;

/** Capability labels on the cluster Secret, e.g. `goldenpath.idp/capability-rds`. */
export function capabilityLabelKey(capability: string): string {
  return `${DOMAIN}/capability-${capability}`;
}

/** Annotation keys of the contract on the Argo CD cluster Secret. */
export function contractAnnotationKey(field: string): string {
  return `${DOMAIN}/${field}`;
}

/** Subnet discovery tags for the AWS load balancer controller. */
export const SUBNET_ROLE_TAGS = {
  public: { 'kubernetes.io/role/elb': '1' },
  private: { 'kubernetes.io/role/internal-elb': '1' },
} as const;

export interface TagInput {
  readonly selection: Selection;
  readonly plane: Plane;
  readonly stack: string;
  /** Set on build resources; absent for persistent ones. */
  readonly expiresAt?: string;
}

/** The tags every resource of a stack carries (through provider default_tags). */
export function resourceTags(input: TagInput): Record<string, string> {
  const lifecycle: Lifecycle = input.plane === 'disposable' ? input.selection.lifecycle : 'persistent';
  const tags: Record<string, string> = {
    [TAG_KEYS.env]: input.selection.env,
    [TAG_KEYS.plane]: input.plane,
    [TAG_KEYS.lifecycle]: lifecycle,
    [TAG_KEYS.stack]: input.stack,
    [TAG_KEYS.managedBy]: MANAGED_BY,
  };
  const buildId = input.plane === 'disposable' ? buildIdOf(input.selection) : undefined;
  if (buildId !== undefined) {
    tags[TAG_KEYS.buildId] = buildId;
    if (input.expiresAt !== undefined) tags[TAG_KEYS.expiresAt] = input.expiresAt;
  }
  return tags;
}

/** Cluster-autoscaler auto-discovery: node groups carry both, its IAM policy is scoped by the second. */
export const CLUSTER_AUTOSCALER_ENABLED_TAG = 'k8s.io/cluster-autoscaler/enabled';
export function clusterAutoscalerOwnerTagKey(clusterName: string): string {
  return `k8s.io/cluster-autoscaler/${clusterName}`;
}
export const CLUSTER_AUTOSCALER_OWNED = 'owned';

export function clusterAutoscalerTags(clusterName: string): Record<string, string> {
  return { [CLUSTER_AUTOSCALER_ENABLED_TAG]: 'true', [clusterAutoscalerOwnerTagKey(clusterName)]: CLUSTER_AUTOSCALER_OWNED };
}

/**
 * The tags in-cluster controllers (load balancer controller, EBS CSI) put on
 * the AWS resources they create: the build identity teardown selects by,
 * not a stack's ManagedBy/stack tags (no Terraform state owns those resources).
 */
export const CONTROLLER_TAG_KEYS = [TAG_KEYS.env, TAG_KEYS.lifecycle, TAG_KEYS.buildId, TAG_KEYS.expiresAt] as const;

export function controllerTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(CONTROLLER_TAG_KEYS.filter((k) => tags[k] !== undefined).map((k) => [k, tags[k]]));
}

/** Tags the AWS load balancer controller, EKS and the VPC CNI put on what they create, naming the cluster. */
export const CONTROLLER_TAGS = {
  lbControllerCluster: 'elbv2.k8s.aws/cluster',
  eksClusterName: 'aws:eks:cluster-name',
  /** On the instances of a managed node group. */
  eksNodeClusterName: 'eks:cluster-name',
  vpcCniCluster: 'cluster.k8s.amazonaws.com/name',
  kubernetesClusterPrefix: 'kubernetes.io/cluster/',
} as const;
