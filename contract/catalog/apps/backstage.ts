import { LIFECYCLES } from '../../lifecycle';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { databaseOf, hostOf, INGRESS_CLASS, ingressAnnotations, urlOf } from './app-wiring';

/** The developer portal on the env's PostgreSQL; credentials arrive as environment variables from the app's Secret. */
export const backstage: CatalogApp = {
  name: 'backstage',
  tier: 2,
  syncWave: 100,
  namespace: 'backstage',
  chart: CHARTS.backstage,
  requires: ['rds'],
  lifecycles: LIFECYCLES,
  // chart 2.5.1: namespaced objects only.
  clusterResources: [],
  hostLabels: ['backstage'],
  database: 'backstage',
  values: (c) => {
    const db = databaseOf('backstage', 'backstage', c);
    const url = urlOf('backstage', c);
    return {
      ingress: { enabled: true, className: INGRESS_CLASS, annotations: ingressAnnotations(), host: hostOf('backstage', c) },
      postgresql: { enabled: false },
      backstage: {
        extraEnvVarsSecrets: [db.kubernetesSecret],
        appConfig: {
          app: { baseUrl: url },
          backend: {
            baseUrl: url,
            // Backstage substitutes ${username} and ${password} from the Secret's keys at startup.
            database: { client: 'pg', connection: { host: db.host, port: db.port, user: '${username}', password: '${password}' } },
          },
        },
      },
    };
  },
};
