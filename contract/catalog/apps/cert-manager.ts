import { LIFECYCLES } from '../../lifecycle';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';

/** Certificates for the app hostnames; its CRDs come with the chart. Wave 15: before Kong's ingresses ask for certificates. */
export const certManager: CatalogApp = {
  name: 'cert-manager',
  tier: 1,
  syncWave: 15,
  namespace: 'cert-manager',
  chart: CHARTS.certManager,
  requires: [],
  lifecycles: LIFECYCLES,
  values: () => ({ crds: { enabled: true } }),
};
