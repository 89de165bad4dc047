import { LIFECYCLES } from '../../lifecycle';
import { SERVICE_ACCOUNTS } from '../../service-accounts';
import { DEFAULT_STORAGE_CLASS } from '../../storage-class';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { irsaAnnotations, MissingContractValueError } from './app-wiring';
import { CLUSTER_RBAC } from '../../cluster-resources';

const serviceAccount = SERVICE_ACCOUNTS.loki;

/** Logs with history: a single binary writing chunks and index to the cluster's S3 bucket through its IRSA role. */
export const loki: CatalogApp = {
  name: 'loki',
  tier: 2,
  syncWave: 101,
  namespace: serviceAccount.namespace,
  chart: CHARTS.loki,
  requires: ['object-storage', 'irsa', 'storage-class'],
  lifecycles: LIFECYCLES,
  // chart 6.29.0: the rules sidecar's ClusterRole and binding (rbac.namespaced: false).
  clusterResources: [...CLUSTER_RBAC],
  irsaRole: 'loki',
  values: (c) => {
    if (c.objectStorage === undefined) throw new MissingContractValueError('loki', 'the object storage bucket', 'the cluster stack creates it and the platform stack verifies it at tier 2');
    const bucket = c.objectStorage.bucket;
    return {
      deploymentMode: 'SingleBinary',
      loki: {
        auth_enabled: false,
        commonConfig: { replication_factor: 1 },
        schemaConfig: {
          configs: [{ from: '2024-04-01', store: 'tsdb', object_store: 's3', schema: 'v13', index: { prefix: 'loki_index_', period: '24h' } }],
        },
        storage: { type: 's3', bucketNames: { chunks: bucket, ruler: bucket, admin: bucket }, s3: { region: c.aws.region } },
      },
      singleBinary: { replicas: 1, persistence: { storageClass: DEFAULT_STORAGE_CLASS.name } },
      read: { replicas: 0 },
      write: { replicas: 0 },
      backend: { replicas: 0 },
      serviceAccount: { create: true, name: serviceAccount.serviceAccount, annotations: irsaAnnotations('loki', 'loki', c) },
    };
  },
};
