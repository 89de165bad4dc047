import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as envs from '../../../envs';
import { defineEnvironment } from '../../../envs/schema';
import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import { ledgerBucketOf, putLedgerRow, readLedgerBucket } from '../../../ops/ledger/bucket-store';
import { appendLedgerRow, readLedgerFile } from '../../../ops/ledger/ledger-file';
import type { LedgerRow } from '../../../ops/ledger/schema';
import { FakeAws } from '../support/fake-aws';
import { s3Error } from '../support/fake-s3';
import { zoneOf } from '../support/inventory';
import { testRuntime } from '../support/runtime';

/** The envs module the commands call through: a spy on an `import * as` copy of its bindings would go unseen. */
const envsModule = jest.requireActual<typeof envs>('../../../envs');
const loadEnvironment = envsModule.loadEnvironment;
const dev = loadEnvironment('dev');
const withBucket = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-west-2', keyPrefix: 'goldenpath' } });
const where = ledgerBucketOf(withBucket)!;

let fake: FakeAws | undefined;
afterEach(() => {
  fake?.restore();
  fake = undefined;
  jest.restoreAllMocks();
});

/** dev as if its definition had a stateBackend (none of the checked-in envs has one yet). */
function devWithBucket(): FakeAws {
  jest.spyOn(envsModule, 'loadEnvironment').mockImplementation((name) => (name === 'dev' ? withBucket : loadEnvironment(name)));
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  return fake;
}

const row = (phase: LedgerRow['phase'], durationS: number, buildId = '26-01-23-01', startUtc = '2026-01-23T10:00:00.000Z', exitCode = 0): LedgerRow => ({
  startUtc,
  endUtc: new Date(Date.parse(startUtc) + durationS * 1000).toISOString(),
  phase,
  env: 'dev',
  buildId,
  durationS,
  exitCode,
  resourcesDeleted: 0,
  resourcesLeft: 0,
  runUrl: '',
});

describe('goldenpath ledger', () => {
  it("reads the env's state bucket by default: p50/p95 per phase and the last builds", async () => {
    const f = devWithBucket();
    const s3 = f.clients().s3;
    for (const [i, d] of [10, 20, 30].entries()) await putLedgerRow(s3, where, row('teardown', d, `26-01-2${i}-01`, `2026-01-2${i}T10:00:00.000Z`));
    await putLedgerRow(s3, where, row('deploy-cluster', 900, '26-01-22-01', '2026-01-22T09:00:00.000Z', 1));
    const rt = testRuntime(f);
    expect(await runCli(['ledger', '--env', 'dev', '--last', '2', '--json'], rt)).toBe(EXIT.ok);
    const json = JSON.parse(rt.out.join(''));
    expect(json.source).toEqual({ kind: 'bucket', bucket: 'goldenpath-state-111111111111', prefix: 'goldenpath/dev/ledger/' });
    expect(json.phases).toEqual([
      { phase: 'deploy-cluster', count: 1, p50DurationS: 900, p95DurationS: 900, failures: 1 },
      { phase: 'teardown', count: 3, p50DurationS: 20, p95DurationS: 30, failures: 0 },
    ]);
    expect(json.builds.map((b: { buildId: string }) => b.buildId)).toEqual(['26-01-22-01', '26-01-21-01']);
  });

  it('counts only rows from --since on', async () => {
    const f = devWithBucket();
    for (const [i, d] of [10, 20, 30].entries()) await putLedgerRow(f.clients().s3, where, row('teardown', d, `26-01-2${i}-01`, `2026-01-2${i}T10:00:00.000Z`));
    const rt = testRuntime(f);
    expect(await runCli(['ledger', '--env', 'dev', '--since', '2026-01-21', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join('')).phases[0]).toMatchObject({ count: 2, p50DurationS: 20 });
  });

  it('skips and counts corrupt or foreign objects and still reports (exit 0)', async () => {
    const f = devWithBucket();
    await putLedgerRow(f.clients().s3, where, row('teardown', 10));
    f.s3.bucket(where.bucket).set(`${where.prefix}x.csv`, 'garbage');
    const rt = testRuntime(f);
    expect(await runCli(['ledger', '--env', 'dev'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/teardown\s+1[\s\S]*skipped 1 corrupt or foreign row\(s\):\n {2}goldenpath\/dev\/ledger\/x.csv: /);
  });

  it('reads the local cache of an env without a stateBackend, and says so', async () => {
    const rt = testRuntime(undefined);
    appendLedgerRow(join(rt.ledgerDir, 'ledger.csv'), row('teardown', 10));
    expect(await runCli(['ledger', '--env', 'dev'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/env dev has no stateBackend, so no shared ledger: reading this machine's cache/);
  });

  it('reads the cache with --local even when the env has a bucket', async () => {
    devWithBucket();
    const rt = testRuntime(undefined);
    appendLedgerRow(join(rt.ledgerDir, 'ledger.csv'), row('orphans', 3));
    expect(await runCli(['ledger', '--env', 'dev', '--local', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join('')).phases).toEqual([expect.objectContaining({ phase: 'orphans', count: 1 })]);
  });

  it('names a missing --file without telling you to pass --file (exit 2)', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['ledger', '--env', 'dev', '--file', '/nonexistent/ledger.csv'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toBe('goldenpath: no ledger at /nonexistent/ledger.csv: check the path\n');
  });

  it('names a --file that is a directory (exit 2, no EISDIR)', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['ledger', '--env', 'dev', '--file', rt.ledgerDir], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toBe(`goldenpath: ${rt.ledgerDir} is a directory: pass the ledger CSV file itself\n`);
  });

  it('refuses a file that is not a ledger at all (exit 2)', async () => {
    const rt = testRuntime(undefined);
    const file = join(rt.ledgerDir, 'package.json');
    writeFileSync(file, '{"name": "x"}\n');
    expect(await runCli(['ledger', '--env', 'dev', '--file', file], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/is not a goldenpath ledger: no header line/);
  });

  it('reports a ledger with one bad line instead of failing on it', async () => {
    const rt = testRuntime(undefined);
    const file = join(rt.ledgerDir, 'ledger.csv');
    appendLedgerRow(file, row('teardown', 10));
    writeFileSync(file, 'not,a,row\n', { flag: 'a' });
    appendLedgerRow(file, row('teardown', 30));
    expect(await runCli(['ledger', '--env', 'dev', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join(''))).toMatchObject({ skipped: 1, phases: [{ phase: 'teardown', count: 2 }] });
  });

  it.each([
    ['--since', 'yesterday', /--since "yesterday" must be a date/],
    ['--last', '0', /--last "0" must be a whole number from 1 to 1000/],
  ])('validates %s %s before reading anything (exit 2)', async (flag, value, message) => {
    devWithBucket();
    const rt = testRuntime(undefined);
    expect(await runCli(['ledger', '--env', 'dev', flag, value], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(message);
  });
});

describe('goldenpath ledger record', () => {
  it("writes the row to the env's bucket and the local cache", async () => {
    const f = devWithBucket();
    const rt = testRuntime(f, { vars: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' } });
    mkdirSync(rt.ledgerDir, { recursive: true });
    const code = await runCli(['ledger', 'record', '--env', 'dev', '--phase', 'deploy-cluster', '--build-id', '26-01-23-01', '--start', '2026-01-23T11:40:00Z', '--exit-code', '0'], { ...rt, vars: { ...rt.vars, GOLDENPATH_LEDGER_DIR: rt.ledgerDir } });
    expect(code).toBe(EXIT.ok);
    const objects = [...f.s3.bucket(where.bucket).entries()];
    expect(objects.map(([k]) => k)).toEqual([expect.stringMatching(/^goldenpath\/dev\/ledger\/20260123T114000.000Z_deploy-cluster_26-01-23-01_[0-9a-f]+\.csv$/)]);
    expect(objects[0]?.[1]).toMatch(/,deploy-cluster,dev,26-01-23-01,1200.000,0,0,0,https:\/\/github.com\/o\/r\/actions\/runs\/42\n$/);
    expect(readLedgerFile(join(rt.ledgerDir, 'ledger.csv')).rows).toHaveLength(1);
  });

  it.each([
    [['--phase', 'deploy'], /--phase "deploy" must be one of deploy-cluster, deploy-platform, health, teardown, orphans/],
    [['--phase', 'health', '--start', 'now'], /--start "now" must be a UTC timestamp/],
    [['--phase', 'health', '--exit-code', '-1'], /--exit-code "-1" must be a whole number/],
    [['--phase', 'health', '--end', '2026-01-23T11:00:00Z'], /--end 2026-01-23T11:00:00.000Z is before --start/],
  ])('refuses %j before writing anything (exit 2)', async (args, message) => {
    const rt = testRuntime(undefined);
    const base: Record<string, string> = { '--env': 'dev', '--start': '2026-01-23T11:40:00Z', '--exit-code': '0' };
    for (let i = 0; i < args.length; i += 2) base[args[i]!] = args[i + 1]!;
    expect(await runCli(['ledger', 'record', ...Object.entries(base).flat()], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(message);
  });
});

describe('goldenpath ledger push', () => {
  const cacheOf = (rt: ReturnType<typeof testRuntime>) => join(rt.ledgerDir, 'ledger.csv');

  it("writes the env's cached rows the bucket lacks, leaves those it holds and other envs' rows alone; again, it adds nothing", async () => {
    const f = devWithBucket();
    const rt = testRuntime(f);
    const rows = [row('teardown', 10, '26-01-23-01'), row('deploy-cluster', 900, '26-01-23-02'), row('orphans', 5, '')];
    for (const r of rows) appendLedgerRow(cacheOf(rt), r);
    appendLedgerRow(cacheOf(rt), { ...row('teardown', 7, '26-01-23-03'), env: 'staging' });
    await putLedgerRow(f.clients().s3, where, rows[0]!);
    expect(await runCli(['ledger', 'push', '--env', 'dev', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join(''))).toMatchObject({ rows: 3, added: 2, present: 1, failed: [] });
    expect((await readLedgerBucket(f.clients().s3, where)).rows.map((r) => r.phase).sort()).toEqual(['deploy-cluster', 'orphans', 'teardown']);
    const again = testRuntime(f);
    expect(await runCli(['ledger', 'push', '--env', 'dev', '--json'], { ...again, vars: { ...again.vars, GOLDENPATH_LEDGER_DIR: rt.ledgerDir } })).toBe(EXIT.ok);
    expect(JSON.parse(again.out.join(''))).toMatchObject({ rows: 3, added: 0, present: 3 });
    expect(f.s3.bucket(where.bucket).size).toBe(3);
  });

  it('writes what it can and exits 4 naming what it could not, to run again', async () => {
    const f = devWithBucket();
    const rt = testRuntime(f);
    appendLedgerRow(cacheOf(rt), row('teardown', 10, '26-01-23-01'));
    appendLedgerRow(cacheOf(rt), row('teardown', 20, '26-01-23-02'));
    f.s3.refusePut = (key) => (key.includes('_26-01-23-02_') ? s3Error('InternalError', 500, 'We encountered an internal error') : undefined);
    expect(await runCli(['ledger', 'push', '--env', 'dev'], rt)).toBe(EXIT.partialFailure);
    expect(rt.out.join('')).toMatch(/1 added, 0 already there\n1 not written \(run it again\): We encountered an internal error/);
  });

  it('exits with the cause when no row could be written (access denied: 9), in one line', async () => {
    const f = devWithBucket();
    const rt = testRuntime(f);
    appendLedgerRow(cacheOf(rt), row('teardown', 10, '26-01-23-01'));
    f.s3.refusePut = () => s3Error('AccessDenied', 403, 'Access Denied');
    expect(await runCli(['ledger', 'push', '--env', 'dev'], rt)).toBe(EXIT.accessDenied);
    expect(rt.err.join('').trim().split('\n')).toHaveLength(1);
  });

  it('waits out a write of the same row in flight (409) and finds the row there', async () => {
    const f = devWithBucket();
    const rt = testRuntime(f);
    appendLedgerRow(cacheOf(rt), row('teardown', 10, '26-01-23-01'));
    let conflicts = 1;
    f.s3.refusePut = () => (conflicts-- > 0 ? s3Error('ConditionalRequestConflict', 409, 'A conflicting operation is in progress') : undefined);
    expect(await runCli(['ledger', 'push', '--env', 'dev', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join(''))).toMatchObject({ added: 1, failed: [] });
  });

  it('refuses an env without a stateBackend, naming the fix (exit 2)', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['ledger', 'push', '--env', 'dev'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/^goldenpath: env dev has no stateBackend, so there is no shared ledger to push to: add stateBackend to envs\/dev\.ts/);
  });

  it('has nothing to push, exit 0 and no AWS call, on a machine that recorded nothing', async () => {
    const f = devWithBucket();
    const rt = testRuntime(f);
    expect(await runCli(['ledger', 'push', '--env', 'dev'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/^ledger push: no local ledger cache at .*, nothing to push\n$/);
    expect(f.s3.calls).toEqual([]);
  });
});

