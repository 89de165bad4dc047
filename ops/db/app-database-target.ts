import { AppDatabaseSecretError, appDatabaseSecretFields, AppDatabaseSecretSchema } from '../../contract/database-secret';
import { AppNameSchema } from '../../envs/schema';
import { UsageError } from '../errors';

/** An app as the environment declares it (`env.database.apps`). */
export interface AppDatabaseConfig {
  readonly name: string;
  readonly createDb: boolean;
}

/** What provisioning makes true for one app: a login role owning a database. */
export interface AppDatabaseTarget {
  readonly app: string;
  readonly role: string;
  readonly database: string;
  readonly password: string;
  readonly createDb: boolean;
}

/** Names PostgreSQL or RDS reserve or own; an app role or database must never be one of them. */
const RESERVED_NAMES = new Set(['postgres', 'public', 'template0', 'template1', 'rdsadmin', 'rdsrepladmin', 'rdstopmgr']);
const RESERVED_PREFIXES = ['pg_', 'rds_'];

/**
 * Refuses an app name that is not a plain PostgreSQL identifier, is reserved,
 * or is the master user. Runs before any secret is read or connection opened.
 */
export function assertAppName(app: string, masterUsername?: string): void {
  const fix = 'Rename the app in envs/<env>.ts database.apps.';
  const parsed = AppNameSchema.safeParse(app);
  if (!parsed.success) throw new UsageError(`app name ${JSON.stringify(app)} is refused: ${parsed.error.issues[0]?.message}. ${fix}`);
  if (RESERVED_NAMES.has(app)) throw new UsageError(`app name "${app}" is refused: it is reserved by PostgreSQL or RDS. ${fix}`);
  const prefix = RESERVED_PREFIXES.find((p) => app.startsWith(p));
  if (prefix !== undefined) throw new UsageError(`app name "${app}" is refused: names starting with "${prefix}" are reserved by PostgreSQL or RDS. ${fix}`);
  if (app === masterUsername) throw new UsageError(`app name "${app}" is refused: it is the master user's name; an app needs its own role. ${fix}`);
}

/**
 * Validates an app's secret against the contract and turns it into a target.
 * The role and database must be the ones the contract names after the app, so
 * a tampered secret cannot point provisioning at another role. The secret's
 * value is never echoed: messages name only the secret and the fields.
 */
export function appDatabaseTarget(app: AppDatabaseConfig, secretId: string, secretJson: unknown): AppDatabaseTarget {
  const parsed = AppDatabaseSecretSchema.safeParse(secretJson);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError(new AppDatabaseSecretError(secretId, detail).message);
  }
  const secret = parsed.data;
  const expected = appDatabaseSecretFields(app.name, secret.host, secret.port);
  for (const field of ['username', 'dbname'] as const) {
    if (secret[field] !== expected[field]) {
      throw new UsageError(`secret "${secretId}" of app "${app.name}" is refused: its ${field} ${JSON.stringify(secret[field])} must be "${expected[field]}". Redeploy the database stack or fix the secret value.`);
    }
  }
  return { app: app.name, role: secret.username, database: secret.dbname, password: secret.password, createDb: app.createDb };
}
