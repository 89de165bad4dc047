import { ARGOCD_HOST_LABEL } from '../../argocd';
import { CHARTS, VERSIONS } from '../../versions';
import type { CatalogApp } from '../types';
import { urlOf } from './app-wiring';
import { KEYCLOAK_ADMIN_SECRET, KEYCLOAK_ADMIN_USER, KEYCLOAK_SERVICE_URL } from './keycloak';

export const OIDC_REALM = 'goldenpath';

/** How long keycloak-config-cli waits for Keycloak before its Job fails (a Java Duration). */
export const KEYCLOAK_AVAILABILITY_TIMEOUT = '300s';

/** The OIDC clients of the platform's UIs, with redirect URIs under hostSuffix only. */
function oidcClients(c: Parameters<CatalogApp['values']>[0]) {
  const client = (clientId: string, app: string, callback: string) => ({
    clientId,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: false,
    standardFlowEnabled: true,
    rootUrl: urlOf(app, c),
    redirectUris: [`${urlOf(app, c)}${callback}`],
  });
  return [
    client('argocd', ARGOCD_HOST_LABEL, '/auth/callback'),
    client('grafana', 'grafana', '/login/generic_oauth'),
    client('backstage', 'backstage', '/api/auth/oidc/handler/frame'),
  ];
}

/** Imports the platform realm and its clients into Keycloak once Keycloak (wave 200) is up. */
export const oidcConfig: CatalogApp = {
  name: 'oidc-config',
  tier: 3,
  syncWave: 201,
  namespace: 'keycloak',
  chart: CHARTS.keycloakConfigCli,
  requires: [],
  lifecycles: ['persistent'],
  // chart keycloak-config-cli 1.3.3: a Job and its realm Secret only.
  clusterResources: [],
  values: (c) => ({
    image: { repository: VERSIONS.keycloakConfigCliImage.repository, tag: VERSIONS.keycloakConfigCliImage.tag },
    // The chart mounts the realm files at /config; IMPORT_PATH is the pre-5.0 name of IMPORT_FILES_LOCATIONS.
    // The realm import starts only once Keycloak answers (its wave, 200, is Healthy first); the CLI waits up to the timeout, then fails the Job.
    env: {
      KEYCLOAK_URL: KEYCLOAK_SERVICE_URL,
      KEYCLOAK_USER: KEYCLOAK_ADMIN_USER,
      IMPORT_FILES_LOCATIONS: '/config/*',
      KEYCLOAK_AVAILABILITYCHECK_ENABLED: 'true',
      KEYCLOAK_AVAILABILITYCHECK_TIMEOUT: KEYCLOAK_AVAILABILITY_TIMEOUT,
    },
    existingSecret: KEYCLOAK_ADMIN_SECRET,
    existingSecretKey: 'password',
    config: { [OIDC_REALM]: { inline: { realm: OIDC_REALM, enabled: true, clients: oidcClients(c) } } },
  }),
};
