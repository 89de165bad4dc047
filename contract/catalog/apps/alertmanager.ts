import { LIFECYCLES } from '../../lifecycle';
import { DEFAULT_STORAGE_CLASS } from '../../storage-class';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { hostOf, INGRESS_CLASS, ingressAnnotations, urlOf } from './app-wiring';

export const alertmanager: CatalogApp = {
  name: 'alertmanager',
  tier: 1.5,
  syncWave: 51,
  namespace: 'monitoring',
  chart: CHARTS.alertmanager,
  requires: ['storage-class'],
  lifecycles: LIFECYCLES,
  // chart 1.21.0: namespaced objects only.
  clusterResources: [],
  hostLabels: ['alertmanager'],
  values: (c) => ({
    baseURL: urlOf('alertmanager', c),
    persistence: { enabled: true, storageClass: DEFAULT_STORAGE_CLASS.name, size: '1Gi' },
    ingress: {
      enabled: true,
      className: INGRESS_CLASS,
      annotations: ingressAnnotations(),
      hosts: [{ host: hostOf('alertmanager', c), paths: [{ path: '/', pathType: 'Prefix' }] }],
    },
  }),
};
