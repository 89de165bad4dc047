import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Command } from 'commander';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Environment } from '../../envs';
import { assertCallerMatchesEnv } from '../aws/identity';
import { envOrUsage, printResult, progressOf, type CommandContext } from '../command-context';
import { awsSecretSource } from './aws-secret-source';
import { fileSecretSource } from './file-secret-source';
import { provisionDatabases } from './provision';
import { formatProvisionReport } from './report';
import type { SecretSource } from './secret-source';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';

/** Where AWS publishes the CA bundle every RDS server certificate chains to. */
export const RDS_CA_BUNDLE_URL = 'https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem';
export const CA_BUNDLE_VAR = 'GOLDENPATH_RDS_CA_BUNDLE';

interface DbProvisionOptions {
  readonly env: string;
  readonly app?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly caBundle?: string;
  readonly sourceFile?: string;
}

async function caCertificate(path: string | undefined): Promise<string> {
  if (path === undefined || path === '') {
    throw new UsageError(`the server certificate is verified against the RDS CA bundle: download ${RDS_CA_BUNDLE_URL} and pass --ca-bundle <path> (or set ${CA_BUNDLE_VAR}).`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the CA bundle ${path}: ${(err as Error).message}`);
  }
  const problem = pemBundleProblem(text);
  if (problem !== undefined) throw new UsageError(`the CA bundle ${path} ${problem}: download ${RDS_CA_BUNDLE_URL} and pass its path`);
  return text;
}

/** Why a CA bundle is not one (checked before any connection, so a wrong file is bad input, not a failed run). */
export function pemBundleProblem(text: string): string | undefined {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)';
  for (const [i, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch (err) {
      return `has a certificate (#${i + 1}) that does not parse: ${(err as Error).message}`;
    }
  }
  return undefined;
}

async function secretSource(ctx: CommandContext, env: Environment, sourceFile: string | undefined): Promise<SecretSource> {
  if (sourceFile !== undefined) return fileSecretSource(sourceFile);
  const clients = ctx.runtime.aws(env.account.region);
  await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
  return awsSecretSource({
    ssm: clients.ssm,
    secretsManager: new SecretsManagerClient({ region: env.account.region, maxAttempts: 3 }),
    description: `AWS account ${env.account.id} ${env.account.region}`,
  });
}

/** The `db` command group: `db provision` (exit 4 when any app failed, 2 on bad input before anything ran). */
export function register(program: Command, ctx: CommandContext): void {
  const db = program.command('db');
  db.command('provision')
    .description('Create or update each app login role and its database from the app secrets; idempotent, never drops or revokes')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--app <app>', 'provision only this app (default: every app in the env database.apps)')
    .option('--dry-run', 'inspect and print the SQL that would run (passwords redacted); change nothing')
    .option('--json', 'machine-readable output on stdout')
    .option('--ca-bundle <path>', `PEM CA bundle the server certificate must chain to (${RDS_CA_BUNDLE_URL}); default $${CA_BUNDLE_VAR}`)
    .option('--source-file <path>', 'read the foundation document and secrets from this JSON file instead of AWS (local development and tests)')
    .action(async (opts: DbProvisionOptions) => {
      const env = envOrUsage(opts.env);
      const apps = opts.app === undefined ? env.database.apps : env.database.apps.filter((a) => a.name === opts.app);
      if (apps.length === 0) {
        throw new UsageError(`app "${opts.app}" is not in env "${env.name}" database.apps (${env.database.apps.map((a) => a.name).join(', ') || 'none'}); add it to envs/${env.name}.ts first.`);
      }
      const ca = await caCertificate(opts.caBundle ?? ctx.runtime.vars[CA_BUNDLE_VAR]);
      const source = await secretSource(ctx, env, opts.sourceFile);
      const progress = progressOf(ctx, opts.json === true);
      const report = await progress.stage(`${opts.dryRun === true ? 'inspect' : 'provision'} ${apps.length} app database(s) of env ${env.name}`, () =>
        provisionDatabases({ envName: env.name, apps, source, caCertificate: ca, dryRun: opts.dryRun === true, progress: (line) => progress.note(line) }),
      );
      printResult(ctx, opts.json === true, report, formatProvisionReport(report));
      if (report.apps.some((a) => a.outcome === 'failed')) ctx.exitWith(EXIT.partialFailure);
    });
}
