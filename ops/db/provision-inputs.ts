import { z } from 'zod';
import { foundationDeployCommand } from '../../contract/deploy-command';
import { DatabaseFoundationSchema } from '../../contract/foundation';
import { foundationParameterName, foundationStackName } from '../../contract/naming';
import { UsageError } from '../errors';
import { appDatabaseTarget, assertAppName, type AppDatabaseConfig, type AppDatabaseTarget } from './app-database-target';
import { SecretNotFoundError, type SecretSource } from './secret-source';

/** The RDS-managed master secret (`manage_master_user_password`) holds only the login. */
const RdsMasterSecretSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });
type RdsMasterSecret = z.infer<typeof RdsMasterSecretSchema>;

/** Everything provisioning needs, validated before any database connection. */
export interface ProvisionInputs {
  readonly host: string;
  readonly port: number;
  readonly master: RdsMasterSecret;
  readonly targets: readonly AppDatabaseTarget[];
}

/**
 * Reads the database foundation document, the RDS-managed master secret and
 * each app's secret from the source, and validates all of them.
 */
export async function loadProvisionInputs(envName: string, apps: readonly AppDatabaseConfig[], source: SecretSource): Promise<ProvisionInputs> {
  apps.forEach((a) => assertAppName(a.name));
  const stack = foundationStackName(envName, 'database');
  const parameter = foundationParameterName(envName, 'database');
  const deploy = foundationDeployCommand(envName, 'database');

  const document = await readOrExplain(() => source.parameterJson(parameter), `deploy the ${stack} stack first (${deploy}); it publishes this document`);
  const foundation = DatabaseFoundationSchema.safeParse(document);
  if (!foundation.success) {
    throw new UsageError(`the database foundation document ${parameter} in ${source.description} does not match schema version 1 (${foundation.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); redeploy the ${stack} stack (${deploy}).`);
  }
  const doc = foundation.data;

  const masterJson = await readOrExplain(() => source.secretJson(doc.masterSecretArn), `the RDS instance of ${stack} manages this secret; redeploy ${stack}`);
  const master = RdsMasterSecretSchema.safeParse(masterJson);
  if (!master.success) throw new UsageError(`the master secret ${doc.masterSecretArn} must hold JSON with username and password (the RDS-managed format).`);
  apps.forEach((a) => assertAppName(a.name, master.data.username));

  const targets: AppDatabaseTarget[] = [];
  for (const app of apps) {
    const secretArn = doc.appSecretArns[app.name];
    if (secretArn === undefined) {
      throw new UsageError(`app "${app.name}" has no secret in the deployed ${stack} stack (its foundation document lists: ${Object.keys(doc.appSecretArns).join(', ') || 'none'}); deploy ${stack} after adding the app (${deploy}).`);
    }
    const secretJson = await readOrExplain(() => source.secretJson(secretArn), `deploy the ${stack} stack (${deploy}); it creates one secret per app`);
    targets.push(appDatabaseTarget(app, secretArn, secretJson));
  }
  return { host: doc.address, port: doc.port, master: master.data, targets };
}

async function readOrExplain(read: () => Promise<unknown>, fix: string): Promise<unknown> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof SecretNotFoundError) throw new UsageError(`${err.message}: ${fix}.`);
    throw err;
  }
}
