import { LIFECYCLES } from '../../lifecycle';
import { DEFAULT_STORAGE_CLASS } from '../../storage-class';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { hostOf, INGRESS_CLASS, ingressAnnotations } from './app-wiring';
import { CLUSTER_RBAC } from '../../cluster-resources';

/** Metrics on a local gp3 volume: debugging the current cluster, no history beyond it. */
export const prometheus: CatalogApp = {
  name: 'prometheus',
  tier: 1.5,
  syncWave: 50,
  namespace: 'monitoring',
  chart: CHARTS.prometheus,
  requires: ['storage-class'],
  lifecycles: LIFECYCLES,
  // chart 27.19.0: the server's, kube-state-metrics' and node-exporter's ClusterRole and binding.
  clusterResources: [...CLUSTER_RBAC],
  hostLabels: ['prometheus'],
  values: (c) => ({
    // Alertmanager is its own catalog app (wave 51).
    alertmanager: { enabled: false },
    server: {
      persistentVolume: { enabled: true, storageClass: DEFAULT_STORAGE_CLASS.name, size: '8Gi' },
      ingress: { enabled: true, ingressClassName: INGRESS_CLASS, annotations: ingressAnnotations(), hosts: [hostOf('prometheus', c)] },
    },
  }),
};
