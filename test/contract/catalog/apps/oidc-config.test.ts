import { oidcConfig, OIDC_REALM } from '../../../../contract/catalog/apps/oidc-config';
import { KEYCLOAK_SERVICE_URL } from '../../../../contract/catalog/apps/keycloak';
import { persistent } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';

type OidcValues = { env: { KEYCLOAK_URL: string }; config: Record<string, { inline: { clients: { clientId: string; redirectUris: string[] }[] } }> };

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
});
