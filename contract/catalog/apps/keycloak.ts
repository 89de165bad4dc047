import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { databaseOf, hostOf, INGRESS_CLASS, ingressAnnotations } from './app-wiring';

/** The Secret (key `password`) holding Keycloak's bootstrap admin password, provided by the GitOps repository. */
export const KEYCLOAK_ADMIN_SECRET = 'keycloak-admin';
export const KEYCLOAK_ADMIN_USER = 'admin';

/** In-cluster URL of Keycloak: the chart's `<release>-keycloakx-http` Service. */
export const KEYCLOAK_SERVICE_URL = 'http://keycloak-keycloakx-http.keycloak.svc';

/** Production identity: persistent clusters only (ADR-0178), on the env's PostgreSQL. */
export const keycloak: CatalogApp = {
  name: 'keycloak',
  tier: 3,
  syncWave: 200,
  namespace: 'keycloak',
  chart: CHARTS.keycloak,
  requires: ['rds'],
  lifecycles: ['persistent'],
  // chart keycloakx 7.1.5: namespaced objects only.
  clusterResources: [],
  hostLabels: ['keycloak'],
  database: 'keycloak',
  values: (c) => {
    const db = databaseOf('keycloak', 'keycloak', c);
    return {
      command: ['/opt/keycloak/bin/kc.sh', 'start', '--http-enabled=true', '--http-port=8080', '--hostname-strict=false'],
      http: { relativePath: '/' },
      database: {
        vendor: 'postgres',
        hostname: db.host,
        port: db.port,
        database: db.name,
        username: db.user,
        existingSecret: db.kubernetesSecret,
        existingSecretKey: 'password',
      },
      // The chart runs extraEnv through `tpl`, so it takes a YAML string; JSON is YAML.
      extraEnv: JSON.stringify([
        { name: 'KC_BOOTSTRAP_ADMIN_USERNAME', value: KEYCLOAK_ADMIN_USER },
        { name: 'KC_BOOTSTRAP_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: KEYCLOAK_ADMIN_SECRET, key: 'password' } } },
      ]),
      ingress: {
        enabled: true,
        ingressClassName: INGRESS_CLASS,
        annotations: ingressAnnotations(),
        rules: [{ host: hostOf('keycloak', c), paths: [{ path: '/', pathType: 'Prefix' }] }],
        tls: [],
      },
    };
  },
};
