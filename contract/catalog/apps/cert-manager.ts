import { LIFECYCLES } from '../../lifecycle';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { CLUSTER_KINDS as K, CLUSTER_RBAC } from '../../cluster-resources';

/** Certificates for the app hostnames; its CRDs come with the chart. Wave 15: before Kong's ingresses ask for certificates. */
export const certManager: CatalogApp = {
  name: 'cert-manager',
  tier: 1,
  syncWave: 15,
  namespace: 'cert-manager',
  chart: CHARTS.certManager,
  requires: [],
  lifecycles: LIFECYCLES,
  // chart v1.17.0: CRDs (crds.enabled), the controller's, cainjector's and webhook's RBAC, both webhook configurations.
  clusterResources: [K.customResourceDefinition, ...CLUSTER_RBAC, K.mutatingWebhookConfiguration, K.validatingWebhookConfiguration],
  values: () => ({ crds: { enabled: true } }),
};
