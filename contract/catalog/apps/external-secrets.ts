import { LIFECYCLES } from '../../lifecycle';
import { SERVICE_ACCOUNTS } from '../../service-accounts';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { irsaAnnotations } from './app-wiring';
import { CLUSTER_KINDS as K, CLUSTER_RBAC } from '../../cluster-resources';

const serviceAccount = SERVICE_ACCOUNTS['external-secrets'];

/** Syncs Secrets Manager secrets (e.g. the app database credentials) into Kubernetes Secrets. */
export const externalSecrets: CatalogApp = {
  name: 'external-secrets',
  tier: 1,
  syncWave: 10,
  namespace: serviceAccount.namespace,
  chart: CHARTS.externalSecrets,
  requires: ['irsa'],
  lifecycles: LIFECYCLES,
  // chart 2.0.0: CRDs (installCRDs), rbac.yaml and cert-controller-rbac.yaml, validatingwebhook.yaml.
  clusterResources: [K.customResourceDefinition, ...CLUSTER_RBAC, K.validatingWebhookConfiguration],
  irsaRole: 'external-secrets',
  values: (c) => ({
    installCRDs: true,
    serviceAccount: { create: true, name: serviceAccount.serviceAccount, annotations: irsaAnnotations('external-secrets', 'external-secrets', c) },
  }),
};
