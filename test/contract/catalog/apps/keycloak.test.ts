import { keycloak, KEYCLOAK_ADMIN_SECRET, KEYCLOAK_ADMIN_USER } from '../../../../contract/catalog/apps/keycloak';
import { appDatabaseKubernetesSecretName } from '../../../../contract/naming';
import { persistent } from '../../../../contract/selection';
import { contractFor, FAKE_DATABASE_HOST } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

type KeycloakValues = { database: Record<string, unknown>; extraEnv: string; ingress: { rules: { host: string }[] } };

describe('keycloak', () => {
  const values = () => keycloak.values(contractFor(persistent('prod'))) as KeycloakValues;

  it('keeps its realms in the env PostgreSQL with the password from the app database Secret', () => {
    expect(values().database).toEqual({
      vendor: 'postgres',
      hostname: FAKE_DATABASE_HOST,
      port: 5432,
      database: 'keycloak',
      username: 'keycloak',
      existingSecret: appDatabaseKubernetesSecretName('keycloak'),
      existingSecretKey: 'password',
    });
  });

  it('serves at keycloak.{hostSuffix}', () => {
    expect(values().ingress.rules.map((r) => r.host)).toEqual(['keycloak.prod.goldenpathidp.io']);
  });

  it('bootstraps the admin from the keycloak-admin Secret, as the YAML string the chart templates', () => {
    expect(JSON.parse(values().extraEnv)).toEqual([
      { name: 'KC_BOOTSTRAP_ADMIN_USERNAME', value: KEYCLOAK_ADMIN_USER },
      { name: 'KC_BOOTSTRAP_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: KEYCLOAK_ADMIN_SECRET, key: 'password' } } },
    ]);
  });

  it('passes the values schema of the keycloakx 7.1.5 chart, platform globals included', () => {
    expect(chartSchemaErrors('keycloakx.values.schema.json', keycloak, contractFor(persistent('prod')))).toEqual([]);
  });
});
