import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment } from '../../../envs';
import { runCli } from '../../../ops/cli';
import { COMMANDS } from '../../../ops/command-registry';
import { EXIT } from '../../../ops/exit-codes';
import type { Runtime } from '../../../ops/runtime';
import { REDACTED } from '../../../ops/db/statements';
import { FIXTURE_ENV, MASTER_SECRET_ARN, secretFileContent, writeSecretFile } from './support/secret-fixture';
import { describeWithPostgres, makeTestCaBundle, startTlsPostgres, type TlsPostgres } from './support/tls-postgres';

const DB_COMMANDS = COMMANDS.filter((c) => c.name === 'db');
const MASTER = { username: 'gp_master', password: 'master-password-2' };
/** The apps envs/dev.ts declares, with passwords for their secrets. */
const DEV_DATABASE_APPS = loadEnvironment(FIXTURE_ENV).database.apps;
const DEV_APPS = DEV_DATABASE_APPS.map((a) => ({ name: a.name, password: `${a.name}-pass` }));

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with only the db command group; AWS is never reachable from these tests. */
async function goldenpath(args: readonly string[], vars: Record<string, string> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const runtime: Runtime = {
    vars,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date('2026-11-22T03:00:00Z'),
    sleep: async () => undefined,
    interactive: false,
    confirm: async () => false,
    aws: () => {
      throw new Error('these tests must not call AWS');
    },
    run: async () => 1,
  };
  const code = await runCli(args, runtime, DB_COMMANDS);
  return { code, stdout, stderr };
}

describe('goldenpath db provision input errors', () => {
  let caBundle: string;
  beforeAll(() => {
    caBundle = makeTestCaBundle(mkdtempSync(join(tmpdir(), 'gp-ca-')));
  });

  it.each([
    ['an empty file', '', /holds no PEM certificate/],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n', /holds no PEM certificate/],
    ['a damaged certificate', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n', /has a certificate \(#1\) that does not parse/],
  ])('refuses a --ca-bundle that is %s before connecting (exit 2)', async (_what, content, message) => {
    const file = join(mkdtempSync(join(tmpdir(), 'gp-ca-')), 'bundle.pem');
    writeFileSync(file, content);
    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--ca-bundle', file, '--source-file', '/nonexistent']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`the CA bundle ${file}`);
  });

  it('refuses an app the env does not declare, listing the ones it does', async () => {
    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--app', 'not_declared', '--source-file', '/nonexistent']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(`app "not_declared" is not in env "dev" database.apps (${DEV_APPS.map((a) => a.name).join(', ')}); add it to envs/dev.ts first.`);
  });

  it('refuses to run without a CA bundle and says where to get one', async () => {
    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--source-file', '/nonexistent']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('download https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem and pass --ca-bundle <path>');
  });

  it('refuses an unreadable --source-file with a usage error naming the file', async () => {
    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--ca-bundle', caBundle, '--source-file', '/nonexistent']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/^goldenpath: cannot read the secrets file \/nonexistent: ENOENT/);
  });

  it('refuses an unknown env with a usage error', async () => {
    const r = await goldenpath(['db', 'provision', '--env', 'nope', '--ca-bundle', '/dev/null', '--source-file', '/nonexistent']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('unknown environment "nope"');
  });
});

describeWithPostgres('goldenpath db provision with a local secrets file', () => {
  let pg: TlsPostgres;
  let caPath: string;
  let secretsPath: string;

  beforeAll(async () => {
    pg = await startTlsPostgres();
    const su = await pg.superSession();
    await su.query(`CREATE ROLE ${MASTER.username} LOGIN CREATEROLE CREATEDB PASSWORD '${MASTER.password}'`);
    await su.end();
    secretsPath = writeSecretFile(secretFileContent(pg, MASTER, DEV_APPS));
    caPath = join(secretsPath, '..', 'ca.pem');
    writeFileSync(caPath, pg.caCertificate);
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('prints the SQL of a dry run as JSON with passwords redacted, exit 0', async () => {
    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--dry-run', '--json', '--source-file', secretsPath], { GOLDENPATH_RDS_CA_BUNDLE: caPath });
    const report = JSON.parse(r.stdout) as { dryRun: boolean; apps: { app: string; outcome: string; sql: string[] }[] };
    expect(r.code).toBe(EXIT.ok);
    expect(report.dryRun).toBe(true);
    expect(report.apps.map((a) => [a.app, a.outcome, a.sql[0]])).toEqual(
      DEV_DATABASE_APPS.map((a) => [a.name, 'created', `CREATE ROLE "${a.name}" WITH LOGIN ${a.createDb ? 'CREATEDB' : 'NOCREATEDB'} PASSWORD ${REDACTED};`]),
    );
    for (const app of DEV_APPS) expect(r.stdout).not.toContain(app.password);
  });

  it('provisions every app of the env, then says each is unchanged on the next run', async () => {
    const args = ['db', 'provision', '--env', 'dev', '--ca-bundle', caPath, '--source-file', secretsPath];

    const first = await goldenpath(args);
    const second = await goldenpath(args);

    expect(first.code).toBe(EXIT.ok);
    for (const app of DEV_DATABASE_APPS) {
      expect(first.stdout).toContain(`  ${app.name}: created: created login role ${app.name}${app.createDb ? ' with CREATEDB' : ''};`);
    }
    expect(second.code).toBe(EXIT.ok);
    expect(second.stdout).toBe([`db provision dev on ${pg.host}:${pg.port}`, ...DEV_APPS.map((a) => `  ${a.name}: unchanged`), ''].join('\n'));
  });

  it('exits 4 naming the server, the user and the reason when the master login is refused', async () => {
    const content = secretFileContent(pg, MASTER, DEV_APPS);
    const wrongMaster = writeSecretFile({ ...content, secrets: { ...content.secrets, [MASTER_SECRET_ARN]: { ...MASTER, password: 'wrong' } } });

    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--ca-bundle', caPath, '--source-file', wrongMaster]);

    expect(r.code).toBe(EXIT.partialFailure);
    expect(r.stderr).toContain(`goldenpath: cannot open a verified TLS session to ${pg.host}:${pg.port} as gp_master: password authentication failed for user "gp_master".`);
  });

  it('exits 4 when one app fails and still reports the others', async () => {
    const [refused, ...others] = DEV_APPS.map((a) => a.name);
    const su = await pg.superSession();
    await su.query(`ALTER ROLE ${refused} CREATEROLE`);
    await su.end();

    const r = await goldenpath(['db', 'provision', '--env', 'dev', '--ca-bundle', caPath, '--source-file', secretsPath]);

    expect(r.code).toBe(EXIT.partialFailure);
    expect(r.stdout).toContain(`  ${refused}: FAILED: role "${refused}" of app "${refused}" exists with CREATEROLE`);
    for (const app of others) expect(r.stdout).toContain(`  ${app}: unchanged`);
  });
});
