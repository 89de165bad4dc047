import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDatabaseSecretFields } from '../../../../contract/database-secret';
import { FOUNDATION_SCHEMA_VERSION, type DatabaseFoundation } from '../../../../contract/foundation';
import { appDatabaseSecretName, foundationParameterName } from '../../../../contract/naming';
import type { SecretFile } from '../../../../ops/db/file-secret-source';

export const FIXTURE_ENV = 'dev';
export const MASTER_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:rds!db-0123456789abcdef-AbCdEf';

export interface FixtureApp {
  readonly name: string;
  readonly password: string;
}

export interface FixtureServer {
  readonly host: string;
  readonly port: number;
}

export function appSecretArn(app: string): string {
  return `arn:aws:secretsmanager:eu-west-2:111111111111:secret:${appDatabaseSecretName(FIXTURE_ENV, app)}-AbCdEf`;
}

/** What the database stack publishes and Secrets Manager holds, for a server and a set of apps. */
export function secretFileContent(server: FixtureServer, master: { username: string; password: string }, apps: readonly FixtureApp[]): SecretFile {
  const foundation: DatabaseFoundation = {
    schemaVersion: FOUNDATION_SCHEMA_VERSION,
    endpoint: `${server.host}:${server.port}`,
    address: server.host,
    port: server.port,
    masterSecretArn: MASTER_SECRET_ARN,
    appSecretArns: Object.fromEntries(apps.map((a) => [a.name, appSecretArn(a.name)])),
    securityGroupId: 'sg-0123456789abcdef0',
  };
  return {
    parameters: { [foundationParameterName(FIXTURE_ENV, 'database')]: foundation },
    secrets: {
      [MASTER_SECRET_ARN]: master,
      ...Object.fromEntries(apps.map((a) => [appSecretArn(a.name), { ...appDatabaseSecretFields(a.name, server.host, server.port), password: a.password }])),
    },
  };
}

/** Writes the content to a fresh temp file and returns its path. */
export function writeSecretFile(content: SecretFile): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gp-db-secrets-')), 'secrets.json');
  writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}
