import type { BootstrapValues } from '../bootstrap-values';
import type { CatalogApp } from '../catalog/types';
import { APP_TIER_LABEL } from '../tags';
import { appHelmValues } from './app-values';
import { tierProjectName } from './app-project';
import { ARGOCD_NAMESPACE, CHILD_SYNC_OPTIONS, IN_CLUSTER, RESOURCES_FINALIZER, SYNC_WAVE_ANNOTATION } from '../argocd';

/** Retries of a child's own sync (a webhook or CRD of a lower wave may still be settling). */
export const CHILD_SYNC_RETRY = { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } } as const;

/**
 * One child of the app-of-apps: an auto-synced Application of the app's
 * tier project, labelled with its tier and annotated with its sync wave, so
 * the parent applies it only after every lower wave is Healthy. It installs
 * the pinned chart with values from the contract.
 */
export function renderChildApplication(app: CatalogApp, values: BootstrapValues) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: app.name,
      namespace: ARGOCD_NAMESPACE,
      labels: { [APP_TIER_LABEL]: String(app.tier) },
      annotations: { [SYNC_WAVE_ANNOTATION]: String(app.syncWave) },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: tierProjectName(app.tier),
      source: {
        repoURL: app.chart.repoURL,
        chart: app.chart.chart,
        targetRevision: app.chart.version,
        helm: { releaseName: app.name, valuesObject: appHelmValues(app, values) },
      },
      destination: { server: IN_CLUSTER.server, namespace: app.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: [...CHILD_SYNC_OPTIONS],
        retry: CHILD_SYNC_RETRY,
      },
    },
  };
}
export type ApplicationManifest = ReturnType<typeof renderChildApplication>;
