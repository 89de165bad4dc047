import { LIFECYCLES } from '../../lifecycle';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { INGRESS_CLASS } from './app-wiring';

/** The ingress for every app UI: DB-less Kong behind an NLB the load balancer controller provisions. */
export const kong: CatalogApp = {
  name: 'kong',
  tier: 1,
  syncWave: 30,
  namespace: 'kong',
  chart: CHARTS.kong,
  requires: [],
  lifecycles: LIFECYCLES,
  values: () => ({
    env: { database: 'off' },
    ingressController: { enabled: true, ingressClass: INGRESS_CLASS },
    proxy: {
      type: 'LoadBalancer',
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      },
    },
  }),
};
