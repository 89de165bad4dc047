import { KEYCLOAK_AVAILABILITY_TIMEOUT, oidcConfig, OIDC_REALM } from '../../../../contract/catalog/apps/oidc-config';
import { KEYCLOAK_SERVICE_URL } from '../../../../contract/catalog/apps/keycloak';
import { persistent } from '../../../../contract/selection';
import { VERSIONS } from '../../../../contract/versions';
import { contractFor } from '../../../support/bootstrap-contract';

type OidcValues = {
  image: { repository: string; tag: string };
  env: Record<string, string>;
  config: Record<string, { inline: { clients: { clientId: string; redirectUris: string[] }[] } }>;
};

describe('oidcConfig', () => {
  const values = () => oidcConfig.values(contractFor(persistent('dev'))) as OidcValues;

  it('imports the platform realm into the in-cluster Keycloak', () => {
    expect([Object.keys(values().config), values().env.KEYCLOAK_URL]).toEqual([[OIDC_REALM], KEYCLOAK_SERVICE_URL]);
  });

  it('registers argocd, grafana and backstage with redirect URIs under the host suffix only', () => {
    const clients = values().config[OIDC_REALM].inline.clients;
    expect(clients.map((c) => [c.clientId, c.redirectUris.every((u) => new URL(u).hostname.endsWith('.dev.goldenpathidp.io'))])).toEqual([
      ['argocd', true],
      ['grafana', true],
      ['backstage', true],
    ]);
  });

  it('runs the released keycloak-config-cli image of the version manifest, not the chart default', () => {
    expect(values().image).toEqual(VERSIONS.keycloakConfigCliImage);
  });

  it('reads the realm files from where the chart mounts them, through the 5.x+ IMPORT_FILES_LOCATIONS setting', () => {
    expect([values().env.IMPORT_FILES_LOCATIONS, 'IMPORT_PATH' in values().env]).toEqual(['/config/*', false]);
  });

  it('waits for Keycloak to answer before importing the realm, and fails its Job after the timeout instead of importing into nothing', () => {
    expect([values().env.KEYCLOAK_AVAILABILITYCHECK_ENABLED, values().env.KEYCLOAK_AVAILABILITYCHECK_TIMEOUT]).toEqual(['true', KEYCLOAK_AVAILABILITY_TIMEOUT]);
  });
});
