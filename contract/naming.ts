import { buildIdOf, type Selection } from './selection';

/** What a name needs to know about its environment. */
export interface EnvIdentity {
  readonly name: string;
  readonly baseDomain: string;
}

/** The identity of an env definition (envs/schema's Environment, or anything shaped like it). */
export function envIdentity(env: { readonly name: string; readonly dns: { readonly baseDomain: string } }): EnvIdentity {
  return { name: env.name, baseDomain: env.dns.baseDomain };
}

/** Hard limits from AWS and DNS that derived names must respect. */
export const NAME_LIMITS = {
  iamRoleName: 64,
  iamPolicyName: 128,
  eksClusterName: 100,
  rdsIdentifier: 63,
  dnsLabel: 63,
  dnsName: 253,
  kubernetesLabelValue: 63,
  launchTemplateName: 128,
  kmsAliasName: 256,
  logGroupName: 512,
  s3BucketName: 63,
} as const;

export const NAME_PREFIX = 'goldenpath';

/** Node group keys are embedded in launch template names. */
export const NODE_GROUP_NAME_MAX = 20;

/** The service-account roles a cluster gets; keys kept short to leave room for the buildId. */
export const IRSA_ROLE_KEYS = [
  'external-secrets',
  'external-dns',
  'cluster-autoscaler',
  'lb-controller',
  'ebs-csi',
  'loki',
  'db-provisioner',
] as const;
export type IrsaRoleKey = (typeof IRSA_ROLE_KEYS)[number];

/** Roles of the cluster itself (not service accounts). */
export const CLUSTER_ROLE_KEYS = ['cluster', 'node'] as const;
export type ClusterRoleKey = (typeof CLUSTER_ROLE_KEYS)[number];

export const FOUNDATION_KINDS = ['network', 'dns', 'database'] as const;
export type FoundationKind = (typeof FOUNDATION_KINDS)[number];

export const DISPOSABLE_KINDS = ['cluster', 'platform'] as const;
export type DisposableKind = (typeof DISPOSABLE_KINDS)[number];
/** The account plane: state bucket, GitHub OIDC, CI roles and boundaries (`{env}-bootstrap`). */
export const ACCOUNT_KINDS = ['bootstrap'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type StackKind = AccountKind | FoundationKind | DisposableKind;

/** `{env}` for persistent, `{env}-b-{buildId}` for a build: the stem of disposable stack names. */
export function disposableStem(selection: Selection): string {
  const buildId = buildIdOf(selection);
  return buildId === undefined ? selection.env : `${selection.env}-b-${buildId}`;
}

export function foundationStackName(env: string, kind: FoundationKind): string {
  return `${env}-${kind}`;
}

/** The account plane's stack (state bucket, GitHub OIDC, CI roles, boundaries): deployed first, by hand. */
export function bootstrapStackName(env: string): string {
  return `${env}-bootstrap`;
}

export function disposableStackName(selection: Selection, kind: DisposableKind): string {
  return `${disposableStem(selection)}-${kind}`;
}

export function clusterName(selection: Selection): string {
  return `${NAME_PREFIX}-${disposableStem(selection)}`;
}

export function irsaRoleName(selection: Selection, role: IrsaRoleKey | ClusterRoleKey): string {
  return `${clusterName(selection)}-${role}`;
}

/** The environment's own hosted zone. */
export function envZoneName(env: EnvIdentity): string {
  return `${env.name}.${env.baseDomain}`;
}

/** The IAM policies the dns stack owns: ExternalDNS for persistent clusters and builds (the build roles' boundary is the account plane's). */
export const DNS_POLICY_KEYS = ['external-dns-persistent', 'external-dns-build'] as const;
export type DnsPolicyKey = (typeof DNS_POLICY_KEYS)[number];

export function dnsPolicyName(env: string, key: DnsPolicyKey): string {
  return `${NAME_PREFIX}-${env}-${key}`;
}

/** The label under the env zone that a build owns: `b-{buildId}`. */
export function buildLabel(buildId: string): string {
  return `b-${buildId}`;
}

/** persistent: `{env}.{baseDomain}`; ephemeral: `b-{buildId}.{env}.{baseDomain}`. */
export function hostSuffix(selection: Selection, env: EnvIdentity): string {
  const buildId = buildIdOf(selection);
  return buildId === undefined ? envZoneName(env) : `${buildLabel(buildId)}.${envZoneName(env)}`;
}

export function appHostname(app: string, suffix: string): string {
  return `${app}.${suffix}`;
}

/** ExternalDNS txtOwnerId and the owner that teardown matches records by. */
export function dnsOwnerId(selection: Selection): string {
  const buildId = buildIdOf(selection);
  return buildId === undefined ? `${NAME_PREFIX}-${selection.env}` : `${NAME_PREFIX}-${selection.env}-${buildId}`;
}

/** `{prefix}/{env}/{stack}.tfstate`, builds under `{prefix}/{env}/builds/{buildId}/`. */
export function stateKey(keyPrefix: string, selection: Selection, stackName: string): string {
  const buildId = buildIdOf(selection);
  const dir = buildId === undefined ? `${keyPrefix}/${selection.env}` : `${keyPrefix}/${selection.env}/builds/${buildId}`;
  return `${dir}/${stackName}.tfstate`;
}

/**
 * Folder of the env's timing ledger in the state bucket: one object per row,
 * written once (If-None-Match: *) and never rewritten. Beside the env's state, not under builds/.
 */
export function ledgerKeyPrefix(keyPrefix: string, env: string): string {
  return `${keyPrefix}/${env}/ledger/`;
}

/** SSM folder of the env's foundation documents (disposable stacks list it in one call). */
export function foundationParameterFolder(env: string): string {
  return `/${NAME_PREFIX}/${env}/foundation`;
}

/** SSM parameter holding a foundational stack's hand-off document. */
export function foundationParameterName(env: string, kind: FoundationKind): string {
  return `${foundationParameterFolder(env)}/${kind}`;
}

/** Name tag stem of the env's network resources (VPC, subnets, route tables, NAT gateways). */
export function networkName(env: string): string {
  return `${NAME_PREFIX}-${env}`;
}

/** CloudWatch log group of the env's VPC flow logs. */
export function vpcFlowLogGroupName(env: string): string {
  return `/${NAME_PREFIX}/${env}/vpc-flow-logs`;
}

/** IAM role the VPC flow logs service assumes to deliver into that log group. */
export function vpcFlowLogRoleName(env: string): string {
  return `${NAME_PREFIX}-${env}-vpc-flow-logs`;
}

/** Secrets Manager name of an app's database credentials. */
export function appDatabaseSecretName(env: string, app: string): string {
  return `${NAME_PREFIX}/${env}/${app}/postgres`;
}

/** Prefix every app secret of an environment lives under (for scoping read access). */
export function envSecretPrefix(env: string): string {
  return `${NAME_PREFIX}/${env}/`;
}

/** Name pattern of the master secrets RDS creates and manages for an instance (`rds!db-…`); they carry RDS's tags, not ours. */
export const RDS_MANAGED_SECRET_NAMES = 'rds!*';

export function databaseIdentifier(env: string): string {
  return `${NAME_PREFIX}-${env}`;
}

/**
 * Final snapshot taken when the env's instance is deleted: one per env and
 * deterministic (no timestamp), so a second deletion cannot silently pile up
 * snapshots; RDS refuses while the previous one exists.
 */
export function databaseFinalSnapshotIdentifier(env: string): string {
  return `${databaseIdentifier(env)}-final`;
}

/** Alias of the KMS key that encrypts the env database, its backups and its secrets. */
export function databaseKeyAlias(env: string): string {
  return `alias/${databaseIdentifier(env)}-database`;
}

/** Bucket for object storage (Loki) of a cluster that reaches tier 2; globally unique through the account id. */
export function objectStorageBucketName(selection: Selection, accountId: string): string {
  return `${clusterName(selection)}-loki-${accountId}`;
}

export interface DerivedName {
  readonly what: string;
  readonly value: string;
  readonly limit: number;
}

/**
 * Every name that embeds a buildId, with the limit it must fit. The longest
 * possible app label stands in for app hostnames so the bound holds for any app.
 */
export function buildScopedNames(env: EnvIdentity, buildId: string): DerivedName[] {
  const sel: Selection = { env: env.name, lifecycle: 'ephemeral', buildId };
  const cluster = clusterName(sel);
  const longestLabel = 'x'.repeat(NAME_LIMITS.dnsLabel);
  const roles = [...IRSA_ROLE_KEYS, ...CLUSTER_ROLE_KEYS].map((r) => ({
    what: `IAM role ${r}`,
    value: irsaRoleName(sel, r),
    limit: NAME_LIMITS.iamRoleName,
  }));
  return [
    { what: 'EKS cluster name', value: cluster, limit: NAME_LIMITS.eksClusterName },
    ...roles,
    { what: 'build DNS label', value: buildLabel(buildId), limit: NAME_LIMITS.dnsLabel },
    { what: 'app hostname', value: appHostname(longestLabel, hostSuffix(sel, env)), limit: NAME_LIMITS.dnsName },
    { what: 'build-id label value', value: buildId, limit: NAME_LIMITS.kubernetesLabelValue },
    { what: 'DNS owner id label value', value: dnsOwnerId(sel), limit: NAME_LIMITS.kubernetesLabelValue },
    { what: 'launch template name', value: launchTemplateName(sel, 'x'.repeat(NODE_GROUP_NAME_MAX)), limit: NAME_LIMITS.launchTemplateName },
    { what: 'KMS alias', value: clusterSecretsKeyAlias(sel), limit: NAME_LIMITS.kmsAliasName },
    { what: 'control plane log group', value: clusterLogGroupName(sel), limit: NAME_LIMITS.logGroupName },
    // Every AWS account id has 12 digits, so any stands in for the env's.
    { what: 'object storage bucket', value: objectStorageBucketName(sel, '0'.repeat(12)), limit: NAME_LIMITS.s3BucketName },
  ];
}

/** Launch template of a node group; account-wide names, so the cluster name is part of it. */
export function launchTemplateName(selection: Selection, nodeGroup: string): string {
  return `${clusterName(selection)}-${nodeGroup}`;
}

/** Alias of the KMS key that encrypts the cluster's Kubernetes secrets. */
export function clusterSecretsKeyAlias(selection: Selection): string {
  return `alias/${clusterName(selection)}-secrets`;
}

/** The log group EKS writes control plane logs to (fixed by EKS: `/aws/eks/<cluster>/cluster`). */
export function clusterLogGroupName(selection: Selection): string {
  return `/aws/eks/${clusterName(selection)}/cluster`;
}

/** Security group of a cluster's nodes (next to the EKS-made cluster security group). */
export function nodeSecurityGroupName(selection: Selection): string {
  return `${clusterName(selection)}-nodes`;
}

/**
 * The Kubernetes Secret, in the app's namespace, that the GitOps repository's
 * ExternalSecret materializes from `appDatabaseSecretName` (keys `username`, `password`).
 */
export function appDatabaseKubernetesSecretName(app: string): string {
  return `${app}-postgres`;
}
