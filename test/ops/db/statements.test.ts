import type { Client } from 'pg';
import { createDatabase, createRole, REDACTED, setPassword } from '../../../ops/db/statements';
import { describeWithPostgres, startTlsPostgres, type TlsPostgres } from './support/tls-postgres';

/** Every character that could end a literal, a dollar quote or a format() placeholder. */
const HOSTILE_PASSWORD = `it's "x"; $gp$ END $gp$; \\ %s %L %I '' -- /*`;

describe('statement display', () => {
  it('shows a role with its password redacted', () => {
    expect(createRole('keycloak', HOSTILE_PASSWORD, false).display).toBe(`CREATE ROLE "keycloak" WITH LOGIN NOCREATEDB PASSWORD ${REDACTED};`);
  });

  it('never shows the password of a password change', () => {
    expect(setPassword('keycloak', HOSTILE_PASSWORD).display).not.toContain(HOSTILE_PASSWORD);
  });
});

describeWithPostgres('statements against PostgreSQL', () => {
  let pg: TlsPostgres;
  let su: Client;

  beforeAll(async () => {
    pg = await startTlsPostgres();
    su = await pg.superSession();
  });

  afterAll(async () => {
    await su?.end();
    await pg?.stop();
  });

  async function logsIn(user: string, password: string): Promise<boolean> {
    try {
      await (await pg.connect(user, password)).end();
      return true;
    } catch {
      return false;
    }
  }

  it('sets a password holding quotes, dollar quotes and format placeholders exactly', async () => {
    await createRole('hostile_pw', HOSTILE_PASSWORD, false).run(su);

    expect(await logsIn('hostile_pw', HOSTILE_PASSWORD)).toBe(true);
  });

  it('stores the password as a SCRAM verifier even when the server is set to md5', async () => {
    await su.query("SET password_encryption = 'md5'");
    try {
      await createRole('scram_only', 'pw-1', false).run(su);
    } finally {
      await su.query('RESET password_encryption');
    }

    const r = await su.query<{ rolpassword: string }>("SELECT rolpassword FROM pg_authid WHERE rolname = 'scram_only'");
    expect(r.rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
  });

  it('leaves no password setting behind in the session', async () => {
    await createRole('no_trace', 'trace-me', false).run(su);

    const r = await su.query<{ v: string | null }>("SELECT current_setting('goldenpath.provision_password', true) AS v");
    expect(r.rows[0]?.v ?? '').toBe('');
  });

  it('converges a role another session created meanwhile instead of failing', async () => {
    await su.query("CREATE ROLE raced NOLOGIN PASSWORD 'other'");

    await createRole('raced', 'mine', true).run(su);

    const r = await su.query<{ rolcanlogin: boolean; rolcreatedb: boolean }>("SELECT rolcanlogin, rolcreatedb FROM pg_roles WHERE rolname = 'raced'");
    expect(r.rows[0]).toEqual({ rolcanlogin: true, rolcreatedb: true });
    expect(await logsIn('raced', 'mine')).toBe(true);
  });

  it('accepts a database another session created meanwhile', async () => {
    await su.query('CREATE DATABASE raced_db');

    await expect(createDatabase('raced_db', pg.superuser.user).run(su)).resolves.toBeUndefined();
  });

  it('still fails on errors other than a duplicate', async () => {
    await expect(createDatabase('orphan_db', 'no_such_role').run(su)).rejects.toThrow(/role "no_such_role" does not exist/);
  });
});
