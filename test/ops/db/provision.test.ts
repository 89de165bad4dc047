import type { Client } from 'pg';
import { fileSecretSource } from '../../../ops/db/file-secret-source';
import { provisionDatabases, type AppReport, type ProvisionReport } from '../../../ops/db/provision';
import { REDACTED } from '../../../ops/db/statements';
import { FIXTURE_ENV, MASTER_SECRET_ARN, secretFileContent, writeSecretFile, type FixtureApp } from './support/secret-fixture';
import { describeWithPostgres, startTlsPostgres, type TlsPostgres } from './support/tls-postgres';

/** Like the RDS master: may create roles and databases, but is no superuser. */
const MASTER = { username: 'gp_master', password: 'master-password-1' };

describe('db provision before connecting', () => {
  /** Nothing listens on port 1: any connection attempt would fail with ECONNREFUSED, not a refusal. */
  const NO_SERVER = { host: '127.0.0.1', port: 1 };

  it('refuses a hostile username in an app secret before opening any connection', async () => {
    const content = secretFileContent(NO_SERVER, MASTER, [{ name: 'keycloak', password: 'kc' }]);
    const secrets = Object.fromEntries(Object.entries(content.secrets).map(([id, v]) => [id, id === MASTER_SECRET_ARN ? v : { ...(v as object), username: `keycloak"; DROP ROLE gp_master; --` }]));

    const run = provisionDatabases({
      envName: FIXTURE_ENV,
      apps: [{ name: 'keycloak', createDb: false }],
      source: await fileSecretSource(writeSecretFile({ ...content, secrets })),
      caCertificate: '',
      dryRun: false,
    });

    await expect(run).rejects.toThrow(/its username .* must be "keycloak"/);
  });

  it('refuses a hostile app name before opening any connection', async () => {
    const run = provisionDatabases({
      envName: FIXTURE_ENV,
      apps: [{ name: `app"; DROP DATABASE postgres; --`, createDb: false }],
      source: await fileSecretSource(writeSecretFile(secretFileContent(NO_SERVER, MASTER, []))),
      caCertificate: '',
      dryRun: false,
    });

    await expect(run).rejects.toThrow(/app name .* is refused: must be a lowercase PostgreSQL identifier/);
  });
});

describeWithPostgres('db provision against PostgreSQL over verified TLS', () => {
  let pg: TlsPostgres;

  beforeAll(async () => {
    pg = await startTlsPostgres();
    const su = await pg.superSession();
    await su.query(`CREATE ROLE ${MASTER.username} LOGIN CREATEROLE CREATEDB PASSWORD '${MASTER.password}'`);
    await su.end();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  async function provision(apps: readonly (FixtureApp & { createDb?: boolean })[], options: { dryRun?: boolean } = {}): Promise<ProvisionReport> {
    const path = writeSecretFile(secretFileContent(pg, MASTER, apps));
    return provisionDatabases({
      envName: FIXTURE_ENV,
      apps: apps.map((a) => ({ name: a.name, createDb: a.createDb ?? false })),
      source: await fileSecretSource(path),
      caCertificate: pg.caCertificate,
      dryRun: options.dryRun ?? false,
    });
  }

  function outcomes(report: ProvisionReport): Record<string, string> {
    return Object.fromEntries(report.apps.map((a: AppReport) => [a.app, a.outcome === 'failed' ? `failed: ${a.error}` : a.outcome]));
  }

  async function sessionAs(app: FixtureApp): Promise<Client> {
    return pg.connect(app.name, app.password, app.name);
  }

  async function loginFails(app: FixtureApp): Promise<string | undefined> {
    try {
      const c = await sessionAs(app);
      await c.end();
      return undefined;
    } catch (err) {
      return (err as { code?: string }).code;
    }
  }

  async function superQuery<R extends object>(sql: string, values: unknown[] = []): Promise<R[]> {
    const su = await pg.superSession();
    try {
      return (await su.query<R>(sql, values)).rows;
    } finally {
      await su.end();
    }
  }

  it('creates login roles and owned databases the apps log into over TLS and create tables in', async () => {
    const apps = [{ name: 'first_keycloak', password: 'kc-pass-1' }, { name: 'first_backstage', password: 'bs-pass-1', createDb: true }];

    const report = await provision(apps);

    expect(outcomes(report)).toEqual({ first_keycloak: 'created', first_backstage: 'created' });
    for (const app of apps) {
      const session = await sessionAs(app);
      const ssl = await session.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      await session.query('CREATE TABLE widgets (id int PRIMARY KEY)');
      await session.query('INSERT INTO widgets VALUES (1)');
      const owner = await session.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()');
      await session.end();
      expect(ssl.rows[0]?.ssl).toBe(true);
      expect(owner.rows[0]?.owner).toBe(app.name);
    }
  });

  it('grants CREATEDB only to apps that ask for it', async () => {
    await provision([{ name: 'attr_plain', password: 'p-1' }, { name: 'attr_creator', password: 'p-2', createDb: true }]);

    const rows = await superQuery<{ rolname: string; rolcreatedb: boolean }>("SELECT rolname, rolcreatedb FROM pg_roles WHERE rolname LIKE 'attr_%' ORDER BY rolname");

    expect(rows).toEqual([{ rolname: 'attr_creator', rolcreatedb: true }, { rolname: 'attr_plain', rolcreatedb: false }]);
  });

  it('reports every app unchanged and runs no SQL on a second run', async () => {
    const apps = [{ name: 'again_keycloak', password: 'kc-pass-2' }, { name: 'again_backstage', password: 'bs-pass-2', createDb: true }];
    await provision(apps);

    const second = await provision(apps);

    expect(second.apps).toEqual([
      { app: 'again_keycloak', outcome: 'unchanged', changes: [], sql: [] },
      { app: 'again_backstage', outcome: 'unchanged', changes: [], sql: [] },
    ]);
  });

  it('applies a changed secret password: the old one fails, the new one logs in', async () => {
    await provision([{ name: 'rotated', password: 'old-password' }]);
    const rotated = { name: 'rotated', password: 'new-password' };

    const report = await provision([rotated]);

    expect(outcomes(report)).toEqual({ rotated: 'updated' });
    expect(await loginFails({ name: 'rotated', password: 'old-password' })).toBe('28P01');
    expect(await loginFails(rotated)).toBeUndefined();
  });

  it('leaves an app that was removed from the list untouched', async () => {
    const kept = { name: 'kept_app', password: 'kept-pass' };
    const removed = { name: 'removed_app', password: 'removed-pass' };
    await provision([kept, removed]);
    const session = await sessionAs(removed);
    await session.query('CREATE TABLE keepme (id int)');
    await session.end();

    const report = await provision([{ ...kept, password: 'kept-pass-rotated' }]);

    expect(report.apps.map((a) => a.app)).toEqual(['kept_app']);
    const after = await sessionAs(removed);
    const tables = await after.query("SELECT 1 FROM pg_tables WHERE tablename = 'keepme'");
    await after.end();
    expect(tables.rowCount).toBe(1);
  });

  it('lets two concurrent runs finish without failures or duplicates', async () => {
    const apps = [{ name: 'race_one', password: 'race-1' }, { name: 'race_two', password: 'race-2', createDb: true }];

    const [a, b] = await Promise.all([provision(apps), provision(apps)]);

    for (const app of apps) {
      expect([outcomes(a)[app.name], outcomes(b)[app.name]].sort()).toEqual(['created', 'unchanged']);
      expect(await loginFails(app)).toBeUndefined();
    }
    const databases = await superQuery("SELECT datname FROM pg_database WHERE datname LIKE 'race_%'");
    expect(databases).toHaveLength(2);
  });

  it('prints the SQL a dry run would run with the password redacted and changes nothing', async () => {
    const app = { name: 'dry_app', password: 'dry-secret-password', createDb: true };

    const report = await provision([app], { dryRun: true });

    const result = report.apps[0];
    expect(result?.outcome).toBe('created');
    const sql = result !== undefined && result.outcome !== 'failed' ? result.sql : [];
    expect(sql).toEqual([
      `CREATE ROLE "dry_app" WITH LOGIN CREATEDB PASSWORD ${REDACTED};`,
      'GRANT "dry_app" TO CURRENT_USER;',
      'CREATE DATABASE "dry_app" OWNER "dry_app";',
    ]);
    expect(JSON.stringify(report)).not.toContain(app.password);
    expect(await superQuery("SELECT 1 FROM pg_roles WHERE rolname = 'dry_app'")).toHaveLength(0);
  });

  it('reports a pending password change in a dry run without applying it', async () => {
    await provision([{ name: 'dry_rotate', password: 'before' }]);

    const report = await provision([{ name: 'dry_rotate', password: 'after' }], { dryRun: true });

    expect(report.apps).toEqual([
      { app: 'dry_rotate', outcome: 'updated', changes: ['set the password of role dry_rotate from its secret'], sql: [`ALTER ROLE "dry_rotate" WITH PASSWORD ${REDACTED};`] },
    ]);
    expect(await loginFails({ name: 'dry_rotate', password: 'before' })).toBeUndefined();
  });

  it('restores LOGIN and database ownership that were taken away', async () => {
    const app = { name: 'drifted', password: 'drift-pass' };
    await provision([app]);
    const su = await pg.superSession();
    await su.query('ALTER ROLE drifted NOLOGIN');
    await su.query(`ALTER DATABASE drifted OWNER TO ${MASTER.username}`);
    await su.end();

    const report = await provision([app]);

    expect(outcomes(report)).toEqual({ drifted: 'updated' });
    const session = await sessionAs(app);
    await session.query('CREATE TABLE after_drift (id int)');
    await session.end();
  });

  it('restores a CONNECT grant the owner lost without touching its current password', async () => {
    const app = { name: 'no_connect', password: 'nc-pass' };
    await provision([app]);
    const owner = await sessionAs(app);
    await owner.query('REVOKE CONNECT ON DATABASE no_connect FROM PUBLIC, no_connect');
    await owner.end();

    const report = await provision([app]);

    expect(report.apps).toEqual([
      {
        app: 'no_connect',
        outcome: 'updated',
        changes: ['granted CONNECT on database no_connect to no_connect'],
        sql: ['GRANT CONNECT ON DATABASE "no_connect" TO "no_connect";'],
      },
    ]);
    expect(await loginFails(app)).toBeUndefined();
  });

  it('grants USAGE and CREATE on schema public when the app does not own it', async () => {
    const app = { name: 'schema_app', password: 'schema-pass' };
    await provision([app]);
    const su = await pg.connect(pg.superuser.user, pg.superuser.password, app.name);
    await su.query(`ALTER SCHEMA public OWNER TO ${MASTER.username}`);
    await su.end();

    const report = await provision([app]);

    expect(report.apps).toEqual([
      {
        app: 'schema_app',
        outcome: 'updated',
        changes: ['granted USAGE, CREATE on schema public of schema_app to schema_app'],
        sql: ['GRANT USAGE, CREATE ON SCHEMA public TO "schema_app"; -- in database "schema_app"'],
      },
    ]);
    const session = await sessionAs(app);
    await session.query('CREATE TABLE in_public (id int)');
    await session.end();
  });

  it('refuses to change an existing privileged role and still provisions the other apps', async () => {
    await superQuery('CREATE ROLE powerful LOGIN CREATEROLE');

    const report = await provision([{ name: 'powerful', password: 'x-1' }, { name: 'bystander', password: 'x-2' }]);

    expect(outcomes(report).powerful).toMatch(/^failed: role "powerful" of app "powerful" exists with CREATEROLE/);
    expect(outcomes(report).bystander).toBe('created');
  });
});
