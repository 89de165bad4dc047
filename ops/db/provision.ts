import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import { MAINTENANCE_DATABASE, tlsConnector, type Login } from './connection';
import type { AppDatabaseConfig } from './app-database-target';
import { provisionApp, type AppProvisionResult } from './provision-app';
import { loadProvisionInputs } from './provision-inputs';
import type { SecretSource } from './secret-source';

export interface ProvisionDatabasesProps {
  readonly envName: string;
  /** The apps to provision (all of `env.database.apps`, or the one chosen with --app). */
  readonly apps: readonly AppDatabaseConfig[];
  readonly source: SecretSource;
  /** PEM bundle the server certificate must chain to (the RDS CA bundle in AWS). */
  readonly caCertificate: string;
  readonly dryRun: boolean;
  /** Told `done/total app: outcome` after each app. */
  readonly progress?: (line: string) => void;
}

export interface AppFailure {
  readonly app: string;
  readonly outcome: 'failed';
  readonly error: string;
}

export type AppReport = AppProvisionResult | AppFailure;

export interface ProvisionReport {
  readonly env: string;
  readonly dryRun: boolean;
  readonly server: string;
  readonly apps: readonly AppReport[];
}

/**
 * `db provision`: validates every input first, then provisions each app in
 * turn over one verified-TLS admin session. One app's failure is reported and
 * the others still run.
 */
export async function provisionDatabases(props: ProvisionDatabasesProps): Promise<ProvisionReport> {
  const inputs = await loadProvisionInputs(props.envName, props.apps, props.source);
  const connect = tlsConnector({ host: inputs.host, port: inputs.port, caCertificate: props.caCertificate });
  const adminLogin: Login = { user: inputs.master.username, password: inputs.master.password, database: MAINTENANCE_DATABASE };
  const admin = await connect(adminLogin).catch((err: Error) => {
    throw new CliError(
      `cannot open a verified TLS session to ${inputs.host}:${inputs.port} as ${adminLogin.user}: ${err.message}. Check that this machine reaches the database security group, that the CA bundle is the RDS one, and that the master secret is current.`,
      EXIT.partialFailure,
    );
  });
  const apps: AppReport[] = [];
  try {
    for (const target of inputs.targets) {
      try {
        apps.push(await provisionApp({ admin, adminLogin, connect, target, dryRun: props.dryRun }));
      } catch (err) {
        apps.push({ app: target.app, outcome: 'failed', error: (err as Error).message });
      }
      props.progress?.(`${apps.length}/${inputs.targets.length} ${target.app}: ${apps[apps.length - 1]!.outcome}`);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
  return { env: props.envName, dryRun: props.dryRun, server: `${inputs.host}:${inputs.port}`, apps };
}
