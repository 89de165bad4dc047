import type { BootstrapValues } from '../bootstrap-values';
import type { CatalogApp } from '../catalog/types';
import { LIFECYCLES } from '../lifecycle';
import { APP_TIER_LABEL, capabilityLabelKey, TAG_KEYS, TIER_LABEL_ENABLED, tierLabelKey } from '../tags';
import { appHelmValues } from './app-values';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, SYNC_WAVE_ANNOTATION } from '../argocd';
import type { LabelSelector } from './label-selector';

/**
 * The cluster a catalog app may run on, as a label selector over the Argo CD
 * cluster Secret: the app's tier label, its lifecycles (when it does not run
 * in all of them) and one label per capability it requires. This is the
 * second tier gate: Argo CD itself cannot place an app on a cluster whose
 * labels do not entitle it.
 */
export function clusterSelector(app: CatalogApp): LabelSelector {
  const restrictsLifecycle = LIFECYCLES.some((l) => !app.lifecycles.includes(l));
  return {
    matchLabels: {
      [tierLabelKey(app.tier)]: TIER_LABEL_ENABLED,
      ...Object.fromEntries(app.requires.map((c) => [capabilityLabelKey(c), TIER_LABEL_ENABLED])),
    },
    ...(restrictsLifecycle ? { matchExpressions: [{ key: TAG_KEYS.lifecycle, operator: 'In' as const, values: [...app.lifecycles] }] } : {}),
  };
}

/** The Go-template parameters of Argo CD's cluster generator that the Application template uses. */
export const CLUSTER_GENERATOR_PARAMS = { server: '{{.server}}' } as const;

/**
 * One ApplicationSet per app: a cluster generator over the selector above,
 * producing one Application labelled with the app's tier and annotated with
 * its sync wave, installing the pinned chart with values from the contract.
 */
export function renderApplicationSet(app: CatalogApp, values: BootstrapValues) {
  const tier = String(app.tier);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: app.name, namespace: ARGOCD_NAMESPACE, labels: { [APP_TIER_LABEL]: tier } },
    spec: {
      goTemplate: true,
      generators: [{ clusters: { selector: clusterSelector(app) } }],
      template: {
        metadata: {
          name: app.name,
          labels: { [APP_TIER_LABEL]: tier },
          annotations: { [SYNC_WAVE_ANNOTATION]: String(app.syncWave) },
        },
        spec: {
          project: BOOTSTRAP_NAMES.project,
          source: {
            repoURL: app.chart.repoURL,
            chart: app.chart.chart,
            targetRevision: app.chart.version,
            helm: { releaseName: app.name, valuesObject: appHelmValues(app, values) },
          },
          destination: { server: CLUSTER_GENERATOR_PARAMS.server, namespace: app.namespace },
          syncPolicy: {
            automated: { prune: true, selfHeal: true },
            syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
          },
        },
      },
    },
  };
}
export type ApplicationSetManifest = ReturnType<typeof renderApplicationSet>;
