import type { Client } from 'pg';
import { SafetyRefusal } from '../errors';
import type { AppDatabaseTarget } from './app-database-target';
import { MAINTENANCE_DATABASE, type Connector, type Login } from './connection';
import {
  alterDatabaseOwner,
  alterRoleAttributes,
  createDatabase,
  createRole,
  grantConnect,
  grantPublicSchema,
  grantRoleToAdmin,
  setPassword,
  sqlState,
  SQLSTATE,
  type Statement,
} from './statements';

export type AppOutcome = 'created' | 'updated' | 'unchanged';

export interface AppProvisionResult {
  readonly app: string;
  readonly outcome: AppOutcome;
  /** What changed (or would change in a dry run), in words. */
  readonly changes: readonly string[];
  /** The statements run (or that would run), password redacted. */
  readonly sql: readonly string[];
}

export interface ProvisionAppProps {
  /** The admin (master) session on the maintenance database. */
  readonly admin: Client;
  /** The admin login, reused for the admin session on the app's database. */
  readonly adminLogin: Login;
  readonly connect: Connector;
  readonly target: AppDatabaseTarget;
  /** Inspect and report, change nothing. */
  readonly dryRun: boolean;
}

/** Advisory lock namespace of `db provision`; the second key is the hash of the app name. */
const ADVISORY_LOCK_NAMESPACE = 0x67706462;

interface RoleState {
  readonly canLogin: boolean;
  readonly createDb: boolean;
  readonly privileges: readonly string[];
}

async function inspectRole(admin: Client, role: string): Promise<RoleState | undefined> {
  const r = await admin.query<{ rolcanlogin: boolean; rolcreatedb: boolean; rolsuper: boolean; rolcreaterole: boolean; rolreplication: boolean; rolbypassrls: boolean }>(
    'SELECT rolcanlogin, rolcreatedb, rolsuper, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1',
    [role],
  );
  const row = r.rows[0];
  if (row === undefined) return undefined;
  const privileges = [
    row.rolsuper ? 'SUPERUSER' : '',
    row.rolcreaterole ? 'CREATEROLE' : '',
    row.rolreplication ? 'REPLICATION' : '',
    row.rolbypassrls ? 'BYPASSRLS' : '',
  ].filter((p) => p !== '');
  return { canLogin: row.rolcanlogin, createDb: row.rolcreatedb, privileges };
}

async function databaseOwner(admin: Client, database: string): Promise<string | undefined> {
  const r = await admin.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [database]);
  return r.rows[0]?.owner;
}

async function adminIsSuperuser(admin: Client): Promise<boolean> {
  const r = await admin.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  return r.rows[0]?.rolsuper === true;
}

/** PostgreSQL 16 separates membership from the right to SET ROLE; before 16, membership is that right. */
async function adminCanSetRole(admin: Client, role: string): Promise<boolean> {
  const r = await admin.query<{ can: boolean }>(
    "SELECT pg_has_role(current_user, $1, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) AS can",
    [role],
  );
  return r.rows[0]?.can === true;
}

async function hasConnect(admin: Client, role: string, database: string): Promise<boolean> {
  const r = await admin.query<{ can: boolean }>("SELECT has_database_privilege($1, $2, 'CONNECT') AS can", [role, database]);
  return r.rows[0]?.can === true;
}

/** has_schema_privilege with a list answers "any of"; both are needed, so each is asked. */
async function hasPublicSchemaUse(appSession: Client, role: string): Promise<boolean> {
  const r = await appSession.query<{ can: boolean }>(
    "SELECT has_schema_privilege($1, 'public', 'USAGE') AND has_schema_privilege($1, 'public', 'CREATE') AS can",
    [role],
  );
  return r.rows[0]?.can === true;
}

/**
 * Whether the secret's password is the role's password. The server keeps only
 * a salted SCRAM verifier (and RDS denies reading pg_authid), so the sound test
 * is a login attempt with the app's own credentials over the same verified TLS.
 */
async function passwordMatches(props: ProvisionAppProps, databaseExists: boolean): Promise<boolean> {
  const { target } = props;
  try {
    const session = await props.connect({ user: target.role, password: target.password, database: databaseExists ? target.database : MAINTENANCE_DATABASE });
    await session.end();
    return true;
  } catch (err) {
    if (sqlState(err) === SQLSTATE.invalidPassword) return false;
    // CONNECT is checked after authentication: the password was right, the missing grant is restored below.
    if (sqlState(err) === SQLSTATE.insufficientPrivilege) return true;
    throw new Error(`checking the password of role ${target.role} by logging in failed: ${(err as Error).message}`);
  }
}

/**
 * Makes one app's role and database match its secret and config, under an
 * advisory lock so concurrent runs take turns. Only ever creates, alters or
 * grants; never drops or revokes.
 */
export async function provisionApp(props: ProvisionAppProps): Promise<AppProvisionResult> {
  const { admin, target } = props;
  const done: Statement[] = [];
  let appSession: Client | undefined;
  const apply = async (statement: Statement): Promise<void> => {
    done.push(statement);
    if (props.dryRun) return;
    if (statement.database === 'maintenance') {
      await statement.run(admin);
      return;
    }
    appSession ??= await props.connect({ ...props.adminLogin, database: target.database });
    await statement.run(appSession);
  };

  await admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [ADVISORY_LOCK_NAMESPACE, target.app]);
  try {
    let created = false;
    const role = await inspectRole(admin, target.role);
    if (role !== undefined && role.privileges.length > 0) {
      throw new SafetyRefusal(
        `role "${target.role}" of app "${target.app}" exists with ${role.privileges.join(', ')}; db provision manages only plain app roles and will not change it. Rename the app, or remove those privileges by hand.`,
      );
    }
    const ownerBefore = await databaseOwner(admin, target.database);

    if (role === undefined) {
      await apply(createRole(target.role, target.password, target.createDb));
      created = true;
    } else {
      if (!role.canLogin || role.createDb !== target.createDb) await apply(alterRoleAttributes(target.role, target.createDb));
      if (!role.canLogin || !(await passwordMatches(props, ownerBefore !== undefined))) await apply(setPassword(target.role, target.password));
    }

    // A role created in a dry run does not exist yet; what a real run would find is known: no membership.
    const roleExistsNow = role !== undefined || !props.dryRun;
    if (ownerBefore !== target.role && !(await adminIsSuperuser(admin)) && !(roleExistsNow && (await adminCanSetRole(admin, target.role)))) {
      await apply(grantRoleToAdmin(target.role));
    }
    if (ownerBefore === undefined) {
      await apply(createDatabase(target.database, target.role));
      created = true;
    } else if (ownerBefore !== target.role) {
      await apply(alterDatabaseOwner(target.database, target.role));
    }
    if (!props.dryRun && ownerBefore === undefined && (await databaseOwner(admin, target.database)) !== target.role) {
      // Another session created it first with a different owner.
      await apply(alterDatabaseOwner(target.database, target.role));
    }

    // Privileges can only be inspected on objects that exist; a dry run that would create them stops here.
    if (roleExistsNow && (ownerBefore !== undefined || !props.dryRun)) {
      if (!(await hasConnect(admin, target.role, target.database))) await apply(grantConnect(target.database, target.role));
      appSession ??= await props.connect({ ...props.adminLogin, database: target.database });
      if (!(await hasPublicSchemaUse(appSession, target.role))) await apply(grantPublicSchema(target.database, target.role));
    }

    const outcome: AppOutcome = created ? 'created' : done.length > 0 ? 'updated' : 'unchanged';
    return { app: target.app, outcome, changes: done.map((s) => (props.dryRun ? s.planned : s.change)), sql: done.map((s) => s.display) };
  } finally {
    await appSession?.end().catch(() => undefined);
    // A broken session has released the lock already; its error is the one to report.
    await admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ADVISORY_LOCK_NAMESPACE, target.app]).catch(() => undefined);
  }
}
