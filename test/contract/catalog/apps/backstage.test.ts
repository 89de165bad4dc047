import { backstage } from '../../../../contract/catalog/apps/backstage';
import { appDatabaseKubernetesSecretName } from '../../../../contract/naming';
import { persistent } from '../../../../contract/selection';
import { ALL_CAPABILITIES, contractFor, FAKE_DATABASE_HOST } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

type BackstageValues = {
  ingress: { host: string };
  postgresql: { enabled: boolean };
  backstage: { extraEnvVarsSecrets: string[]; appConfig: { app: { baseUrl: string }; backend: { database: { connection: Record<string, unknown> } } } };
};

describe('backstage', () => {
  const values = () => backstage.values(contractFor(persistent('dev'))) as BackstageValues;

  it('connects to the env PostgreSQL, not a bundled one', () => {
    expect([values().postgresql.enabled, values().backstage.appConfig.backend.database.connection.host]).toEqual([false, FAKE_DATABASE_HOST]);
  });

  it('takes its credentials from the app database Secret', () => {
    expect(values().backstage.extraEnvVarsSecrets).toEqual([appDatabaseKubernetesSecretName('backstage')]);
  });

  it('passes the credential placeholders through for Backstage to substitute', () => {
    expect(values().backstage.appConfig.backend.database.connection).toMatchObject({ user: '${username}', password: '${password}' });
  });

  it('serves at backstage.{hostSuffix}', () => {
    expect([values().ingress.host, values().backstage.appConfig.app.baseUrl]).toEqual(['backstage.dev.goldenpathidp.io', 'https://backstage.dev.goldenpathidp.io']);
  });

  it('refuses a contract without the database', () => {
    const contract = contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, rdsAvailable: false } });
    expect(() => backstage.values(contract)).toThrow(/app "backstage" needs the database endpoint/);
  });

  it('passes the values schema of the backstage 2.5.1 chart, platform globals included', () => {
    expect(chartSchemaErrors('backstage.values.schema.json', backstage, contractFor(persistent('dev')), '2020-12')).toEqual([]);
  });
});
