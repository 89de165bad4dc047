import { LIFECYCLES } from '../../lifecycle';
import { SERVICE_ACCOUNTS } from '../../service-accounts';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { irsaAnnotations } from './app-wiring';

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
  irsaRole: 'external-secrets',
  values: (c) => ({
    installCRDs: true,
    serviceAccount: { create: true, name: serviceAccount.serviceAccount, annotations: irsaAnnotations('external-secrets', 'external-secrets', c) },
  }),
};
