import { appSecretsInScope } from '../../contract/app-secrets';
import { CATALOG } from '../../contract/catalog/catalog';
import type { CatalogApp } from '../../contract/catalog/types';
import { derivePlan } from '../../contract/plan';
import { ephemeral, persistent } from '../../contract/selection';
import { loadEnvironment } from '../../envs';

const dev = loadEnvironment('dev');
const prod = loadEnvironment('prod');

describe('appSecretsInScope (through the plan)', () => {
  it('gives a build at tier 1.5 no secret at all', () => {
    expect(derivePlan({ env: dev, selection: ephemeral('dev', '26-01-23-01') }).appSecretNames).toEqual([]);
  });

  it("gives the persistent dev cluster (ceiling 2) its tier-2 apps' database secrets, not Keycloak's", () => {
    expect(derivePlan({ env: dev, selection: persistent('dev') }).appSecretNames).toEqual(['goldenpath/dev/backstage/postgres', 'goldenpath/dev/grafana/postgres']);
  });

  it('gives the persistent prod cluster (tier 3) Keycloak too', () => {
    expect(derivePlan({ env: prod, selection: persistent('prod') }).appSecretNames).toEqual([
      'goldenpath/prod/keycloak/postgres',
      'goldenpath/prod/backstage/postgres',
      'goldenpath/prod/grafana/postgres',
    ]);
  });

  it("keeps a database of the GitOps repository's own apps (no catalog app owns it) readable where the database runs", () => {
    const env = { ...dev, database: { ...dev.database, apps: [...dev.database.apps, { name: 'docs_portal' }] } };
    expect(derivePlan({ env, selection: persistent('dev') }).appSecretNames).toContain('goldenpath/dev/docs_portal/postgres');
  });

  it("keeps a database of the GitOps repository's own apps out of a build, which runs no database", () => {
    const env = { ...dev, database: { ...dev.database, apps: [...dev.database.apps, { name: 'docs_portal' }] } };
    expect(derivePlan({ env, selection: ephemeral('dev', '26-01-23-01') }).appSecretNames).toEqual([]);
  });

  it('follows the apps in scope, not the lifecycle: a tier-1 app with a database in a build makes its secret readable', () => {
    const ledger: CatalogApp = { ...CATALOG.find((a) => a.name === 'kong')!, name: 'ledger', requires: ['rds'], database: 'ledger' };
    expect(appSecretsInScope({ env: 'dev', databaseApps: ['ledger', 'keycloak'], catalog: [...CATALOG, ledger], appsInScope: [ledger] })).toEqual(['goldenpath/dev/ledger/postgres']);
  });

  it('is empty for an env without app databases', () => {
    expect(appSecretsInScope({ env: 'dev', databaseApps: [], catalog: CATALOG, appsInScope: CATALOG })).toEqual([]);
  });
});
