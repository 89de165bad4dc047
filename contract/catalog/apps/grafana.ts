import { LIFECYCLES } from '../../lifecycle';
import { DEFAULT_STORAGE_CLASS } from '../../storage-class';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { databaseOf, hostOf, INGRESS_CLASS, urlOf } from './app-wiring';

/** Grafana keeps its state in PostgreSQL from this tier on, in SQLite on a gp3 volume below it. */
export const GRAFANA_POSTGRES_TIER = 2;

/**
 * One app whose storage follows maxTier: SQLite at tier 1.5 (core
 * observability, no RDS), PostgreSQL at tier 2 (platform experience). One
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
  database: 'grafana',
  values: (c) => {
    const common = {
      ingress: { enabled: true, ingressClassName: INGRESS_CLASS, hosts: [hostOf('grafana', c)] },
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
