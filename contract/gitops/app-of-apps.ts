import { CHARTS } from '../versions';
import type { ApplicationManifest } from './application';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, IN_CLUSTER, RESOURCES_FINALIZER } from '../argocd';
import { argocdAppsApplications } from './argocd-apps-values';

/**
 * Retries of the parent's sync. While a child is not Healthy the parent's
 * sync waits in that child's wave; when it fails (a child Degraded, a
 * timeout) auto-sync would not try the same revision again, so it retries
 * here, for about two hours, before an operator must step in.
 */
export const APP_OF_APPS_SYNC_RETRY = { limit: 20, backoff: { duration: '30s', factor: 2, maxDuration: '10m' } } as const;

/**
 * The app-of-apps: one auto-synced Application whose source is the pinned
 * argocd-apps chart rendering the children. Argo CD syncs its resources
 * wave by wave and, with the Application health check in argocd-cm, applies
 * a wave only once every child of the lower waves is Healthy.
 */
export function renderAppOfApps(children: readonly ApplicationManifest[]) {
  const chart = CHARTS.argocdApps;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: BOOTSTRAP_NAMES.appOfApps, namespace: ARGOCD_NAMESPACE, finalizers: [RESOURCES_FINALIZER] },
    spec: {
      project: BOOTSTRAP_NAMES.appOfAppsProject,
      source: {
        repoURL: chart.repoURL,
        chart: chart.chart,
        targetRevision: chart.version,
        helm: { releaseName: BOOTSTRAP_NAMES.appOfApps, valuesObject: { applications: argocdAppsApplications(children) } },
      },
      destination: { server: IN_CLUSTER.server, namespace: ARGOCD_NAMESPACE },
      syncPolicy: { automated: { prune: true, selfHeal: true }, retry: APP_OF_APPS_SYNC_RETRY },
    },
  };
}
export type AppOfAppsManifest = ReturnType<typeof renderAppOfApps>;
