import {
  APP_DATABASE_SECRET_KEYS,
  AppDatabaseSecretError,
  AppDatabaseSecretSchema,
  appDatabaseSecretFields,
  parseAppDatabaseSecret,
} from '../../contract/database-secret';

const GOOD = { username: 'keycloak', password: 'p4ss', host: 'db.internal', port: 5432, dbname: 'keycloak', engine: 'postgres' };
const NAME = 'goldenpath/dev/keycloak/postgres';

describe('AppDatabaseSecretSchema', () => {
  it('has exactly the keys username, password, host, port, dbname, engine', () => {
    expect([...APP_DATABASE_SECRET_KEYS].sort()).toEqual(['dbname', 'engine', 'host', 'password', 'port', 'username']);
  });

  it('accepts a complete secret', () => {
    expect(AppDatabaseSecretSchema.parse(GOOD)).toEqual(GOOD);
  });

  it('rejects an extra key', () => {
    expect(AppDatabaseSecretSchema.safeParse({ ...GOOD, sslmode: 'require' }).success).toBe(false);
  });

  it('rejects another engine', () => {
    expect(AppDatabaseSecretSchema.safeParse({ ...GOOD, engine: 'mysql' }).success).toBe(false);
  });

  it('rejects a port given as a string', () => {
    expect(AppDatabaseSecretSchema.safeParse({ ...GOOD, port: '5432' }).success).toBe(false);
  });
});

describe('parseAppDatabaseSecret', () => {
  it('returns the parsed secret', () => {
    expect(parseAppDatabaseSecret(NAME, JSON.stringify(GOOD))).toEqual(GOOD);
  });

  it('names the secret, the missing key and the expected keys', () => {
    const { password: _password, ...withoutPassword } = GOOD;
    expect(() => parseAppDatabaseSecret(NAME, JSON.stringify(withoutPassword))).toThrow(AppDatabaseSecretError);
    expect(() => parseAppDatabaseSecret(NAME, JSON.stringify(withoutPassword))).toThrow(
      new RegExp(`${NAME}.*password.*exactly ${APP_DATABASE_SECRET_KEYS.join(', ')}`),
    );
  });

  it('says so when the value is not JSON', () => {
    expect(() => parseAppDatabaseSecret(NAME, 'user:pass')).toThrow(/not valid JSON/);
  });
});

describe('appDatabaseSecretFields', () => {
  it('names the login role and database after the app', () => {
    expect(appDatabaseSecretFields('backstage', 'db.internal', 5432)).toEqual({ username: 'backstage', host: 'db.internal', port: 5432, dbname: 'backstage', engine: 'postgres' });
  });
});
