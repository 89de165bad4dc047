import { LIFECYCLES } from '../../lifecycle';
import { DEFAULT_STORAGE_CLASS } from '../../storage-class';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { databaseOf, hostOf, INGRESS_CLASS, ingressAnnotations, urlOf } from './app-wiring';
import { CLUSTER_RBAC } from '../../cluster-resources';

/** Grafana keeps its state in PostgreSQL from this tier on, in SQLite on a gp3 volume below it. */
export const GRAFANA_POSTGRES_TIER = 2;

/**
 * One app whose storage follows maxTier: SQLite at tier 1.5 (core
 * observability, no RDS), PostgreSQL from tier 2 (platform experience),
 * where it also takes tier 2's gate, wave 102 and the `rds` requirement. One
 * entry rather than two, so a tier-2 cluster never runs two Grafanas.
 */
export const grafana: CatalogApp = {
  name: 'grafana',
  tier: 1.5,
  syncWave: 52,
  namespace: 'monitoring',
  chart: CHARTS.grafana,
  requires: ['storage-class'],
  lifecycles: LIFECYCLES,
  // chart 8.6.4: clusterrole.yaml and clusterrolebinding.yaml (rbac.namespaced: false).
  clusterResources: [...CLUSTER_RBAC],
  hostLabels: ['grafana'],
  upgrade: { fromMaxTier: GRAFANA_POSTGRES_TIER, tier: 2, syncWave: 102, requires: ['rds'], database: 'grafana' },
  values: (c) => {
    const common = {
      ingress: { enabled: true, ingressClassName: INGRESS_CLASS, annotations: ingressAnnotations(), hosts: [hostOf('grafana', c)] },
    };
    const server = { root_url: urlOf('grafana', c) };
    if (c.maxTier < GRAFANA_POSTGRES_TIER) {
      return {
        ...common,
        persistence: { enabled: true, storageClassName: DEFAULT_STORAGE_CLASS.name, size: '1Gi' },
        'grafana.ini': { server, database: { type: 'sqlite3' } },
      };
    }
    const db = databaseOf('grafana', 'grafana', c);
    return {
      ...common,
      persistence: { enabled: false },
      'grafana.ini': { server, database: { type: 'postgres', host: `${db.host}:${db.port}`, name: db.name, user: db.user, ssl_mode: 'require' } },
      envValueFrom: { GF_DATABASE_PASSWORD: { secretKeyRef: { name: db.kubernetesSecret, key: 'password' } } },
    };
  },
};
