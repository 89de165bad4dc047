import { LIFECYCLES } from '../../lifecycle';
import { SERVICE_ACCOUNTS } from '../../service-accounts';
import { CHARTS, VERSIONS } from '../../versions';
import type { CatalogApp } from '../types';
import { irsaAnnotations } from './app-wiring';
import { CLUSTER_RBAC } from '../../cluster-resources';

const serviceAccount = SERVICE_ACCOUNTS['cluster-autoscaler'];

/** Scales the managed node groups it discovers by the cluster's auto-discovery tags. */
export const clusterAutoscaler: CatalogApp = {
  name: 'cluster-autoscaler',
  tier: 1,
  syncWave: 40,
  namespace: serviceAccount.namespace,
  chart: CHARTS.clusterAutoscaler,
  requires: ['irsa'],
  lifecycles: LIFECYCLES,
  // chart 9.38.0: clusterrole.yaml and clusterrolebinding.yaml.
  clusterResources: [...CLUSTER_RBAC],
  irsaRole: 'cluster-autoscaler',
  values: (c) => ({
    cloudProvider: 'aws',
    awsRegion: c.aws.region,
    autoDiscovery: { clusterName: c.cluster.name },
    image: VERSIONS.clusterAutoscalerImage,
    rbac: { serviceAccount: { create: true, name: serviceAccount.serviceAccount, annotations: irsaAnnotations('cluster-autoscaler', 'cluster-autoscaler', c) } },
  }),
};
