import { escapeLiteral, type Client } from 'pg';
import { quoteIdent } from './quote-ident';

/** Which session a statement runs in: the admin session on the maintenance database, or one on the app's database. */
export type StatementDatabase = 'maintenance' | 'app';

/** One change provisioning makes, as it is reported, printed and run. */
export interface Statement {
  /** What it did, in words, for the per-app report (`created login role grafana`). */
  readonly change: string;
  /** What it would do, for a dry run's report (`create login role grafana`). */
  readonly planned: string;
  /** The SQL as printed: identifiers quoted, the password redacted. */
  readonly display: string;
  readonly database: StatementDatabase;
  readonly run: (client: Client) => Promise<void>;
}

export const REDACTED = "'<redacted>'";

/** The SQLSTATEs provisioning reacts to. */
export const SQLSTATE = {
  duplicateObject: '42710',
  duplicateDatabase: '42P04',
  invalidPassword: '28P01',
  insufficientPrivilege: '42501',
} as const;

export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const ROLE_SETTING = 'goldenpath.provision_role';
const PASSWORD_SETTING = 'goldenpath.provision_password';

/** The `format()` templates a password travels through; keywords are fixed here, %I is the role, %L the password. */
type PasswordTemplate =
  | 'CREATE ROLE %I WITH LOGIN CREATEDB PASSWORD %L'
  | 'CREATE ROLE %I WITH LOGIN NOCREATEDB PASSWORD %L'
  | 'ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L'
  | 'ALTER ROLE %I WITH LOGIN NOCREATEDB PASSWORD %L'
  | 'ALTER ROLE %I WITH PASSWORD %L';

/**
 * Runs a role statement carrying a password without the password ever being
 * part of any SQL text: it travels as a bind parameter into a transaction-local
 * setting, and a DO block builds the statement server-side with format(%I, %L).
 * The setting vanishes at commit; password_encryption is forced to SCRAM so a
 * server configured for md5 never stores an md5 hash.
 */
async function runWithPassword(client: Client, template: PasswordTemplate, role: string, password: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('password_encryption', 'scram-sha-256', true), set_config($1, $2, true), set_config($3, $4, true)", [
      ROLE_SETTING,
      role,
      PASSWORD_SETTING,
      password,
    ]);
    await client.query(
      `DO $gp$ BEGIN EXECUTE format(${escapeLiteral(template)}, current_setting(${escapeLiteral(ROLE_SETTING)}), current_setting(${escapeLiteral(PASSWORD_SETTING)})); END $gp$`,
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function createDbKeyword(createDb: boolean): 'CREATEDB' | 'NOCREATEDB' {
  return createDb ? 'CREATEDB' : 'NOCREATEDB';
}

export function createRole(role: string, password: string, createDb: boolean): Statement {
  const keyword = createDbKeyword(createDb);
  return {
    change: `created login role ${role}${createDb ? ' with CREATEDB' : ''}`,
    planned: `create login role ${role}${createDb ? ' with CREATEDB' : ''}`,
    display: `CREATE ROLE ${quoteIdent(role)} WITH LOGIN ${keyword} PASSWORD ${REDACTED};`,
    database: 'maintenance',
    run: async (client) => {
      try {
        await runWithPassword(client, `CREATE ROLE %I WITH LOGIN ${keyword} PASSWORD %L`, role, password);
      } catch (err) {
        // Created meanwhile by a session outside the advisory lock: converge it instead.
        if (sqlState(err) !== SQLSTATE.duplicateObject) throw err;
        await runWithPassword(client, `ALTER ROLE %I WITH LOGIN ${keyword} PASSWORD %L`, role, password);
      }
    },
  };
}

export function alterRoleAttributes(role: string, createDb: boolean): Statement {
  const keyword = createDbKeyword(createDb);
  const sql = `ALTER ROLE ${quoteIdent(role)} WITH LOGIN ${keyword}`;
  return {
    change: `set role ${role} to LOGIN ${keyword}`,
    planned: `set role ${role} to LOGIN ${keyword}`,
    display: `${sql};`,
    database: 'maintenance',
    run: async (client) => {
      await client.query(sql);
    },
  };
}

export function setPassword(role: string, password: string): Statement {
  return {
    change: `set the password of role ${role} from its secret`,
    planned: `set the password of role ${role} from its secret`,
    display: `ALTER ROLE ${quoteIdent(role)} WITH PASSWORD ${REDACTED};`,
    database: 'maintenance',
    run: (client) => runWithPassword(client, 'ALTER ROLE %I WITH PASSWORD %L', role, password),
  };
}

/** A non-superuser admin (the RDS master) may create or hand over a database to a role only when it can SET ROLE to it. */
export function grantRoleToAdmin(role: string): Statement {
  const sql = `GRANT ${quoteIdent(role)} TO CURRENT_USER`;
  return {
    change: `granted role ${role} to the admin user (needed to make it a database owner)`,
    planned: `grant role ${role} to the admin user (needed to make it a database owner)`,
    display: `${sql};`,
    database: 'maintenance',
    run: async (client) => {
      await client.query(sql);
    },
  };
}

export function createDatabase(database: string, owner: string): Statement {
  // CREATE DATABASE cannot run inside a transaction or DO block: it is sent on its own.
  const sql = `CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(owner)}`;
  return {
    change: `created database ${database} owned by ${owner}`,
    planned: `create database ${database} owned by ${owner}`,
    display: `${sql};`,
    database: 'maintenance',
    run: async (client) => {
      try {
        await client.query(sql);
      } catch (err) {
        // Created meanwhile by a session outside the advisory lock; its owner is checked next.
        if (sqlState(err) !== SQLSTATE.duplicateDatabase) throw err;
      }
    },
  };
}

export function alterDatabaseOwner(database: string, owner: string): Statement {
  const sql = `ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(owner)}`;
  return {
    change: `made ${owner} the owner of database ${database}`,
    planned: `make ${owner} the owner of database ${database}`,
    display: `${sql};`,
    database: 'maintenance',
    run: async (client) => {
      await client.query(sql);
    },
  };
}

export function grantConnect(database: string, role: string): Statement {
  const sql = `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${quoteIdent(role)}`;
  return {
    change: `granted CONNECT on database ${database} to ${role}`,
    planned: `grant CONNECT on database ${database} to ${role}`,
    display: `${sql};`,
    database: 'maintenance',
    run: async (client) => {
      await client.query(sql);
    },
  };
}

/** PostgreSQL 15 no longer lets PUBLIC create in schema public; the app's role gets it explicitly when it lacks it. */
export function grantPublicSchema(database: string, role: string): Statement {
  const sql = `GRANT USAGE, CREATE ON SCHEMA public TO ${quoteIdent(role)}`;
  return {
    change: `granted USAGE, CREATE on schema public of ${database} to ${role}`,
    planned: `grant USAGE, CREATE on schema public of ${database} to ${role}`,
    display: `${sql}; -- in database ${quoteIdent(database)}`,
    database: 'app',
    run: async (client) => {
      await client.query(sql);
    },
  };
}
