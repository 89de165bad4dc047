import { appDatabaseSecretFields } from '../../../contract/database-secret';
import { appDatabaseTarget, assertAppName } from '../../../ops/db/app-database-target';
import { UsageError } from '../../../ops/errors';

const SECRET_ID = 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:goldenpath/dev/keycloak/postgres-AbCdEf';
const PASSWORD = 'correct-horse-battery-staple';

function secret(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...appDatabaseSecretFields('keycloak', 'db.internal', 5432), password: PASSWORD, ...overrides };
}

describe('assertAppName', () => {
  it.each([`kc"; DROP DATABASE postgres; --`, "kc'x", 'Keycloak', 'kc-app', '1app', ''])('refuses %j as not a plain identifier', (name) => {
    expect(() => assertAppName(name)).toThrow(/is refused: must be a lowercase PostgreSQL identifier.*Rename the app in envs/);
  });

  it.each(['postgres', 'template1', 'rdsadmin', 'public'])('refuses the reserved name %s', (name) => {
    expect(() => assertAppName(name)).toThrow(/reserved by PostgreSQL or RDS/);
  });

  it.each(['pg_monitor', 'rds_superuser'])('refuses %s for its reserved prefix', (name) => {
    expect(() => assertAppName(name)).toThrow(/names starting with "(pg_|rds_)" are reserved/);
  });

  it("refuses the master user's name", () => {
    expect(() => assertAppName('goldenpath_admin', 'goldenpath_admin')).toThrow(/master user's name/);
  });

  it('refuses with a usage error (exit code 2)', () => {
    expect(() => assertAppName('bad name')).toThrow(UsageError);
  });

  it('accepts a plain lowercase identifier', () => {
    expect(() => assertAppName('backstage_plugins', 'goldenpath_admin')).not.toThrow();
  });
});

describe('appDatabaseTarget', () => {
  it('turns a contract secret into the role, database, password and CREATEDB flag', () => {
    expect(appDatabaseTarget({ name: 'keycloak', createDb: true }, SECRET_ID, secret())).toEqual({
      app: 'keycloak',
      role: 'keycloak',
      database: 'keycloak',
      password: PASSWORD,
      createDb: true,
    });
  });

  it('refuses a secret whose username is not the app name, without echoing the password', () => {
    const attempt = () => appDatabaseTarget({ name: 'keycloak', createDb: false }, SECRET_ID, secret({ username: 'x"; DROP ROLE y; --' }));
    expect(attempt).toThrow(/its username "x\\"; DROP ROLE y; --" must be "keycloak"/);
    expect(attempt).not.toThrow(new RegExp(PASSWORD));
  });

  it('refuses a secret whose dbname is not the app name', () => {
    expect(() => appDatabaseTarget({ name: 'keycloak', createDb: false }, SECRET_ID, secret({ dbname: 'postgres' }))).toThrow(/dbname "postgres" must be "keycloak"/);
  });

  it('refuses a secret with a field beyond the six of the contract, naming the secret', () => {
    expect(() => appDatabaseTarget({ name: 'keycloak', createDb: false }, SECRET_ID, secret({ sslmode: 'disable' }))).toThrow(new RegExp(`${SECRET_ID}.*sslmode`));
  });

  it('refuses a secret without a password, without echoing any value', () => {
    const { password: _omitted, ...rest } = secret();
    const attempt = () => appDatabaseTarget({ name: 'keycloak', createDb: false }, SECRET_ID, rest);
    expect(attempt).toThrow(/password/);
    expect(attempt).not.toThrow(/db\.internal/);
  });
});
