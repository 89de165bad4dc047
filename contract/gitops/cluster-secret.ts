import type { BootstrapValues } from '../bootstrap-values';
import { capabilitiesOf } from '../capabilities';
import { capabilityLabelKey, contractAnnotationKey, TAG_KEYS, TIER_LABEL_ENABLED, tierLabelKey } from '../tags';
import { ARGOCD_CLUSTER_SECRET_TYPE, ARGOCD_NAMESPACE, ARGOCD_SECRET_TYPE_LABEL, BOOTSTRAP_NAMES, IN_CLUSTER } from '../argocd';

/**
 * The Argo CD cluster Secret of the in-cluster destination, gitops-bridge
 * style: labels say what the cluster is entitled to (ApplicationSet cluster
 * generators select on them), annotations carry the values apps need.
 */

/** Annotation keys of the contract on the cluster Secret. */
export const CLUSTER_ANNOTATIONS = {
  env: contractAnnotationKey('env'),
  lifecycle: contractAnnotationKey('lifecycle'),
  maxTier: contractAnnotationKey('max-tier'),
  hostSuffix: contractAnnotationKey('host-suffix'),
  buildId: contractAnnotationKey('build-id'),
  clusterName: contractAnnotationKey('cluster-name'),
  awsAccountId: contractAnnotationKey('aws-account-id'),
  awsRegion: contractAnnotationKey('aws-region'),
  dnsOwnerId: contractAnnotationKey('dns-owner-id'),
  dnsZoneId: contractAnnotationKey('dns-zone-id'),
  dnsTxtPrefix: contractAnnotationKey('dns-txt-prefix'),
  databaseEndpoint: contractAnnotationKey('database-endpoint'),
  databasePort: contractAnnotationKey('database-port'),
  objectStorageBucket: contractAnnotationKey('object-storage-bucket'),
} as const;

/** `goldenpath.idp/role-arn-<role>`: the IRSA role ARN of one service-account role. */
export function roleArnAnnotationKey(role: string): string {
  return contractAnnotationKey(`role-arn-${role}`);
}

/** `goldenpath.idp/database-secret-<app>`: the Secrets Manager name of one app's credentials. */
export function databaseSecretAnnotationKey(app: string): string {
  return contractAnnotationKey(`database-secret-${app}`);
}

/** One `tier-<t>: enabled` per tier up to maxTier, lifecycle, env, build id and one label per verified capability. */
export function clusterSecretLabels(values: BootstrapValues): Record<string, string> {
  return {
    [ARGOCD_SECRET_TYPE_LABEL]: ARGOCD_CLUSTER_SECRET_TYPE,
    [TAG_KEYS.env]: values.env,
    [TAG_KEYS.lifecycle]: values.lifecycle,
    ...(values.buildId === null ? {} : { [TAG_KEYS.buildId]: values.buildId }),
    ...Object.fromEntries(values.tiers.map((t) => [tierLabelKey(t), TIER_LABEL_ENABLED])),
    ...Object.fromEntries(capabilitiesOf(values.platform).map((c) => [capabilityLabelKey(c), TIER_LABEL_ENABLED])),
  };
}

export function clusterSecretAnnotations(values: BootstrapValues): Record<string, string> {
  const a = CLUSTER_ANNOTATIONS;
  return {
    [a.env]: values.env,
    [a.lifecycle]: values.lifecycle,
    [a.maxTier]: String(values.maxTier),
    [a.hostSuffix]: values.hostSuffix,
    [a.buildId]: values.buildId ?? '',
    [a.clusterName]: values.cluster.name,
    [a.awsAccountId]: values.aws.accountId,
    [a.awsRegion]: values.aws.region,
    [a.dnsOwnerId]: values.dns.ownerId,
    [a.dnsTxtPrefix]: values.dns.txtPrefix,
    ...(values.dns.zoneId === null ? {} : { [a.dnsZoneId]: values.dns.zoneId }),
    ...Object.fromEntries(Object.entries(values.roleArns).map(([role, arn]) => [roleArnAnnotationKey(role), arn])),
    ...(values.database === null
      ? {}
      : {
          [a.databaseEndpoint]: values.database.endpoint,
          [a.databasePort]: String(values.database.port),
          ...Object.fromEntries(Object.entries(values.database.secretNames).map(([app, name]) => [databaseSecretAnnotationKey(app), name])),
        }),
    ...(values.objectStorage === undefined ? {} : { [a.objectStorageBucket]: values.objectStorage.bucket }),
  };
}

/** What Argo CD reads from a cluster Secret besides its metadata. */
export function clusterSecretData(): { name: string; server: string; config: string } {
  return {
    name: IN_CLUSTER.name,
    server: IN_CLUSTER.server,
    config: JSON.stringify({ tlsClientConfig: { insecure: false } }),
  };
}

export function renderClusterSecret(values: BootstrapValues) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: BOOTSTRAP_NAMES.clusterSecret,
      namespace: ARGOCD_NAMESPACE,
      labels: clusterSecretLabels(values),
      annotations: clusterSecretAnnotations(values),
    },
    type: 'Opaque',
    stringData: clusterSecretData(),
  } as const;
}
