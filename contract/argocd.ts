/** Where Argo CD and everything that configures it live. */
export const ARGOCD_NAMESPACE = 'argocd';

/** The cluster Argo CD runs in, as its cluster generator names it. */
export const IN_CLUSTER = { name: 'in-cluster', server: 'https://kubernetes.default.svc' } as const;

/** The label that turns a Secret into an Argo CD cluster declaration. */
export const ARGOCD_SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';
export const ARGOCD_CLUSTER_SECRET_TYPE = 'cluster';

/** The Argo CD sync wave annotation: lower waves sync first. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** Names of what the platform stack puts into the Argo CD namespace. */
export const BOOTSTRAP_NAMES = {
  configMap: 'goldenpath-bootstrap',
  configMapKey: 'bootstrap.json',
  clusterSecret: 'goldenpath-in-cluster',
  project: 'goldenpath-platform',
  argocdRelease: 'argo-cd',
  bootstrapAppsRelease: 'goldenpath-bootstrap-apps',
} as const;

/** The hostname label of the Argo CD UI: `argocd.{hostSuffix}`. */
export const ARGOCD_HOST_LABEL = 'argocd';
