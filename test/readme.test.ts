import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foundationParameterName } from '../contract/naming';
import { TAG_KEYS } from '../contract/tags';
import { loadEnvironment } from '../envs';
import { runCli } from '../ops/cli';
import { EXIT, type ExitCode } from '../ops/exit-codes';
import { appendLedgerRow, readLedgerFile } from '../ops/ledger/ledger-file';
import { secretFileContent } from './ops/db/support/secret-fixture';
import { describeWithPostgres, startTlsPostgres, type TlsPostgres } from './ops/db/support/tls-postgres';
import { FakeAws } from './ops/support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from './ops/support/inventory';
import { testRuntime, type TestRuntime } from './ops/support/runtime';

/**
 * Every `npx goldenpath …` in the README runs here against the fake AWS, in
 * the world its text describes, and must end the way the README says. A new
 * or changed example without an entry below fails, so the README cannot drift.
 */
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const examples = [...new Set([...README.matchAll(/npx goldenpath ([^`#\n]+)/g)].map((m) => m[1]!.trim()))];

const dev = loadEnvironment('dev');
const BUILD = '26-01-23-01';
let fake: FakeAws | undefined;
afterEach(() => {
  fake?.restore();
  fake = undefined;
});

/** The dev account with its whole foundation published and the database up. */
function foundation(): FakeAws {
  const f = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  const zone = zoneOf(dev);
  f.parameters.set(foundationParameterName('dev', 'network'), JSON.stringify({ schemaVersion: 1, vpcId: 'vpc-1', vpcCidr: '10.10.0.0/16', availabilityZones: ['a', 'b'], publicSubnetIds: ['s1', 's2'], privateSubnetIds: ['s3', 's4'] }));
  f.parameters.set(foundationParameterName('dev', 'dns'), JSON.stringify({ schemaVersion: 1, zoneId: zone.id, zoneName: zone.name, persistentPolicyArn: 'p', buildPolicyArn: 'b', buildBoundaryArn: 'x' }));
  const database = secretFileContent({ host: '127.0.0.1', port: 5432 }, { username: 'gp_master', password: 'x' }, []).parameters;
  for (const [name, doc] of Object.entries(database)) f.parameters.set(name, JSON.stringify(doc));
  f.databases.set('goldenpath-dev', 'available');
  fake = f;
  return f;
}

/** …with build 26-01-23-01 deployed; `expiresAt` sets its expiry tag (the inventory's default has passed). */
function withBuild(expiresAt?: string): FakeAws {
  const f = foundation();
  const resources = addBuild(f, dev, BUILD, addFoundation(f, dev), FULL_SHAPE);
  if (expiresAt !== undefined) for (const r of resources) if (TAG_KEYS.expiresAt in r.tags) r.tags[TAG_KEYS.expiresAt] = expiresAt;
  return f;
}
const ownedBy = (f: FakeAws, owner: string): number => f.present().filter((k) => f.resources.get(k)?.owner === owner).length;

interface Case {
  /** What the README says the command is for, and the world that makes it so. */
  readonly world: () => FakeAws | undefined;
  readonly exit: ExitCode;
  readonly then?: (rt: TestRuntime, f: FakeAws | undefined) => void;
  readonly before?: (rt: TestRuntime) => void;
  /** Run with (fake) AWS credentials in the environment, for commands that sign with them locally (the teardown's cluster token). */
  readonly credentials?: boolean;
}

const CASES: Readonly<Record<string, Case>> = {
  'preflight --env dev': { world: foundation, exit: EXIT.ok, then: (rt) => expect(rt.out.join('')).toMatch(/preflight passed/) },
  [`preflight --env dev --build-id ${BUILD}`]: { world: foundation, exit: EXIT.ok, then: (rt) => expect(rt.out.join('')).toMatch(/preflight passed/) },
  'builds --env dev': {
    world: () => withBuild('2026-01-24T00:00:00Z'),
    exit: EXIT.ok,
    then: (rt) => expect(rt.out.join('')).toMatch(new RegExp(`1 live build\\(s\\) in env dev[\\s\\S]*${BUILD}[\\s\\S]*costs: USD on-demand prices from the AWS Price List API`)),
  },
  [`orphans --env dev --build-id ${BUILD}`]: {
    world: () => withBuild(),
    exit: EXIT.findings,
    then: (rt, f) => {
      expect(rt.out.join('')).toContain(BUILD);
      expect(ownedBy(f!, `dev/${BUILD}`)).toBeGreaterThan(0);
    },
  },
  'orphans --env dev --expired --delete --yes': { world: () => withBuild(), exit: EXIT.ok, then: (_rt, f) => expect(ownedBy(f!, `dev/${BUILD}`)).toBe(0) },
  [`teardown --env dev --build-id ${BUILD} --yes`]: {
    world: () => withBuild(),
    exit: EXIT.ok,
    // Credentials sign the drain's cluster token; the fake cluster's API (127.0.0.1:1) is unreachable, so in-cluster state is dropped first.
    credentials: true,
    then: (rt, f) => {
      expect(rt.runs.filter((r) => r.command === 'npx').map((r) => r.args.join(' '))).toEqual([`cdktf destroy dev-b-${BUILD}-platform --auto-approve`, `cdktf destroy dev-b-${BUILD}-cluster --auto-approve`]);
      expect(ownedBy(f!, `dev/${BUILD}`)).toBe(0);
      expect(readLedgerFile(join(rt.ledgerDir, 'ledger.csv')).rows.map((r) => r.phase)).toEqual(['teardown']);
    },
  },
  'ledger --env dev --since 30d --last 5': {
    world: () => undefined,
    before: (rt) => {
      for (const [i, phase] of (['deploy-cluster', 'deploy-platform', 'health', 'teardown', 'orphans'] as const).entries()) {
        const start = new Date(Date.parse('2026-01-23T10:00:00Z') + i * 600_000);
        appendLedgerRow(join(rt.ledgerDir, 'ledger.csv'), { startUtc: start.toISOString(), endUtc: new Date(start.getTime() + 300_000).toISOString(), phase, env: 'dev', buildId: BUILD, durationS: 300, exitCode: 0, resourcesDeleted: 0, resourcesLeft: 0, runUrl: '' });
      }
    },
    exit: EXIT.ok,
    then: (rt) => expect(rt.out.join('')).toMatch(new RegExp(`deploy-cluster\\s+1\\s+300\\.0[\\s\\S]*last 1 build\\(s\\), newest first:\\n {2}${BUILD} `)),
  },
  [`ledger record --env dev --build-id ${BUILD} --phase health --start 2026-01-23T11:40:00Z --exit-code 0`]: {
    world: () => undefined,
    exit: EXIT.ok,
    then: (rt) => expect(readLedgerFile(join(rt.ledgerDir, 'ledger.csv')).rows).toEqual([expect.objectContaining({ phase: 'health', buildId: BUILD, durationS: 1200 })]),
  },
};
const DB_EXAMPLE = 'db provision --env dev --ca-bundle rds-ca.pem';

describe('the README', () => {
  const workflows = readdirSync(join(__dirname, '..', '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f)).sort();
  const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

  it('lists every workflow in .github/workflows in its table, and counts them right', () => {
    const listed = [...README.matchAll(/^\| `([\w.-]+\.ya?ml)` \|/gm)].map((m) => m[1]!).sort();
    expect(listed).toEqual(workflows);
    expect(README).toMatch(new RegExp(`^${NUMBERS[workflows.length]} GitHub Actions workflows in \`\\.github/workflows/\``, 'mi'));
  });

  it('shows the Dockerfile and .ci/ in its layout', () => {
    const layout = README.slice(README.indexOf('## Layout'));
    expect(layout).toMatch(/^Dockerfile /m);
    expect(layout).toMatch(/^\.ci\/ /m);
  });
});

describe('the README goldenpath examples', () => {
  it('are all covered here, and every case here is in the README', () => {
    expect(examples.sort()).toEqual([...Object.keys(CASES), DB_EXAMPLE].sort());
  });

  it.each(Object.keys(CASES))('npx goldenpath %s', async (example) => {
    const c = CASES[example]!;
    const f = c.world();
    const rt = testRuntime(f);
    c.before?.(rt);
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    if (c.credentials === true) Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake' });
    try {
      expect(await runCli(example.split(/\s+/), rt)).toBe(c.exit);
    } finally {
      for (const [key, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    c.then?.(rt, f);
  });
});

describeWithPostgres('the README database example', () => {
  let pg: TlsPostgres;
  beforeAll(async () => {
    pg = await startTlsPostgres();
    const su = await pg.superSession();
    await su.query(`CREATE ROLE gp_master LOGIN CREATEROLE CREATEDB PASSWORD 'master-pw'`);
    await su.end();
  });
  afterAll(async () => {
    await pg?.stop();
  });

  it(`npx goldenpath ${DB_EXAMPLE} (from inside the VPC: the database is reachable)`, async () => {
    const f = foundation();
    const content = secretFileContent(pg, { username: 'gp_master', password: 'master-pw' }, dev.database.apps.map((a) => ({ name: a.name, password: `${a.name}-pw` })));
    for (const [name, doc] of Object.entries(content.parameters)) f.parameters.set(name, JSON.stringify(doc));
    // The fake's clients first: stubbing its own Secrets Manager instance would undo a class-wide stub made before it.
    const clients = f.clients();
    const secrets = mockClient(SecretsManagerClient);
    secrets.on(GetSecretValueCommand).callsFake(async (i: { SecretId: string }) => {
      const value = (content.secrets as Record<string, unknown>)[i.SecretId];
      if (value === undefined) throw new ResourceNotFoundException({ message: 'not found', $metadata: {} });
      return { SecretString: JSON.stringify(value) };
    });
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'gp-readme-'));
    writeFileSync(join(dir, 'rds-ca.pem'), pg.caCertificate);
    try {
      process.chdir(dir);
      const rt = { ...testRuntime(f), aws: () => clients };
      expect(await runCli(DB_EXAMPLE.split(/\s+/), rt)).toBe(EXIT.ok);
      expect(rt.out.join('')).toMatch(new RegExp(`db provision dev on 127\\.0\\.0\\.1:${pg.port}\\n {2}${dev.database.apps[0]!.name}: created: created login role`));
    } finally {
      process.chdir(cwd);
      secrets.restore();
    }
  });
});
