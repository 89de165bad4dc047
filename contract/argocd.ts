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
  /** The project the GitOps repository's own apps use. */
  project: 'goldenpath-platform',
  /** The app-of-apps: its children are the platform's bootstrap apps, synced in wave order. */
  appOfApps: 'goldenpath-platform-apps',
  /** The project of the app-of-apps alone: it may create Applications in the Argo CD namespace and nothing else. */
  appOfAppsProject: 'goldenpath-bootstrap',
  argocdRelease: 'argo-cd',
  bootstrapAppsRelease: 'goldenpath-bootstrap-apps',
} as const;

/** The hostname label of the Argo CD UI: `argocd.{hostSuffix}`. */
export const ARGOCD_HOST_LABEL = 'argocd';

/** Deleting an Application with this finalizer deletes what it deployed first (cascade). */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/**
 * The argocd-cm key of the health check for `argoproj.io/Application`.
 * Argo CD 1.8 stopped assessing Application health, so without it a parent
 * would treat every child as healthy at once and the waves would not wait.
 */
export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';

/** A child Application is as healthy as Argo CD reports it; no status yet means Progressing. */
export const APPLICATION_HEALTH_LUA = [
  'hs = {}',
  'hs.status = "Progressing"',
  'hs.message = "waiting for the Application to report health"',
  'if obj.status ~= nil and obj.status.health ~= nil and obj.status.health.status ~= nil then',
  '  hs.status = obj.status.health.status',
  '  hs.message = obj.status.health.message or ""',
  'end',
  'return hs',
  '',
].join('\n');

/** How every child Application syncs: it creates its namespace (so its project must admit Namespace) and applies server-side. */
export const CHILD_SYNC_OPTIONS = ['CreateNamespace=true', 'ServerSideApply=true'] as const;
