import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as envs from '../../../envs';
import { defineEnvironment } from '../../../envs/schema';
import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import { readLedgerFile } from '../../../ops/ledger/ledger-file';
import { readState, stateFilePath } from '../../../ops/teardown/state-file';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';
import { testRuntime } from '../support/runtime';

/** The envs module the commands call through: a spy on an `import * as` copy of its bindings would go unseen. */
const envsModule = jest.requireActual<typeof envs>('../../../envs');
const loadEnvironment = envsModule.loadEnvironment;
const dev = loadEnvironment('dev');
let fake: FakeAws;
afterEach(() => {
  fake?.restore();
  jest.restoreAllMocks();
});

function world(): FakeAws {
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  addBuild(fake, dev, '12', addFoundation(fake, dev), FULL_SHAPE);
  return fake;
}
/** Credentials the SDK can sign the cluster token with (the fake answers AWS; the cluster API at 127.0.0.1:1 refuses the connection). */
async function withCredentials<T>(run: () => Promise<T>): Promise<T> {
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKEFAKE';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake';
  try {
    return await run();
  } finally {
    if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    else process.env.AWS_ACCESS_KEY_ID = saved.id;
    if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    else process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  }
}
const owned = (f: FakeAws): number => f.present().filter((k) => f.resources.get(k)?.owner === 'dev/12').length;

describe('goldenpath teardown', () => {
  it('skips the drain when the cluster API is unreachable, drops in-cluster state, destroys platform then cluster, cleans orphans and writes one ledger row', async () => {
    const f = world();
    const rt = testRuntime(f);
    expect(await withCredentials(() => runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], rt))).toBe(EXIT.ok);
    expect(rt.runs.map((r) => `${r.command} ${r.args[0]}`)).toEqual(['sh -c', 'npx cdktf', 'npx cdktf']);
    expect(rt.runs.slice(1).map((r) => r.args.join(' '))).toEqual(['cdktf destroy dev-b-12-platform --auto-approve', 'cdktf destroy dev-b-12-cluster --auto-approve']);
    expect(rt.runs[0]?.args[1]).toContain('terraform state rm');
    expect(rt.runs[1]?.vars).toMatchObject({ GOLDENPATH_ENV: 'dev', GOLDENPATH_LIFECYCLE: 'ephemeral', GOLDENPATH_BUILD_ID: '12' });
    expect(owned(f)).toBe(0);
    expect(readState(stateFilePath(rt.ledgerDir, 'dev', '12'))?.notes[0]).toMatch(/^drain: cluster API not reachable .*drain skipped/);
    const { rows } = readLedgerFile(`${rt.ledgerDir}/ledger.csv`);
    expect(rows.map((r) => [r.phase, r.exitCode])).toEqual([['teardown', 0]]);
  });

  it('goes on to the cleanup after a failed cluster destroy (exit 4), and the next run repeats only that destroy', async () => {
    const f = world();
    let failCluster = true;
    const rt = testRuntime(f);
    const flaky = { ...rt, run: async (command: string, args: readonly string[], vars: Readonly<Record<string, string>>) => {
      rt.runs.push({ command, args, vars });
      return failCluster && args.includes('dev-b-12-cluster') ? 1 : 0;
    } };
    expect(await withCredentials(() => runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], flaky))).toBe(EXIT.partialFailure);
    expect(owned(f)).toBe(0);
    failCluster = false;
    expect(await withCredentials(() => runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], flaky))).toBe(EXIT.ok);
    expect(rt.runs.filter((r) => r.command === 'npx').map((r) => r.args[2])).toEqual(['dev-b-12-platform', 'dev-b-12-cluster', 'dev-b-12-cluster']);
    expect(owned(f)).toBe(0);
    expect(readLedgerFile(`${rt.ledgerDir}/ledger.csv`).rows.map((r) => r.exitCode)).toEqual([EXIT.partialFailure, EXIT.ok]);
  });

  it('refuses to run without --yes when not interactive (exit 3)', async () => {
    expect(await runCli(['teardown', '--env', 'dev', '--build-id', '12'], testRuntime(undefined))).toBe(EXIT.safetyRefusal);
  });
});

describe('goldenpath teardown when a stage fails', () => {
  it('records the failure in the ledger (exit 4), runs every later stage, and keeps the failed one for the next run', async () => {
    const f = world();
    f.interruptAfterMutations = 0;
    const rt = testRuntime(f);
    expect(await withCredentials(() => runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], rt))).toBe(EXIT.partialFailure);
    expect(rt.err.join('')).toMatch(/orphans: FAILED: \d+ resource\(s\) could not be deleted/);
    expect(readState(stateFilePath(rt.ledgerDir, 'dev', '12'))?.completed).toEqual(['drain', 'destroy-platform', 'destroy-cluster']);
    expect(readLedgerFile(`${rt.ledgerDir}/ledger.csv`).rows.map((r) => r.exitCode)).toEqual([EXIT.partialFailure]);
  });
});

describe('goldenpath teardown when a stage throws', () => {
  it('records the failure in the ledger with the exit code of its cause (no credentials to sign the cluster token: 5) and keeps the stage for the next run', async () => {
    const f = world();
    f.add({ kind: 'cluster', id: 'goldenpath-dev-b-12', tags: {}, owner: 'dev/12' });
    const rt = testRuntime(f);
    expect(await runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], rt)).toBe(EXIT.credentials);
    expect(rt.err.join('')).toMatch(/drain: failed: no AWS credentials found .* — set AWS_PROFILE.*; re-run teardown to resume here/);
    expect(rt.runs).toEqual([]);
    expect(readLedgerFile(`${rt.ledgerDir}/ledger.csv`).rows.map((r) => r.exitCode)).toEqual([EXIT.credentials]);
  });
});

describe('goldenpath teardown with a state file of another run', () => {
  it('starts over when the saved state says complete but the build still has resources', async () => {
    const rt = testRuntime(world());
    const file = stateFilePath(rt.ledgerDir, 'dev', '12');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ env: 'dev', buildId: '12', runKey: '2026-01-01T00:00:00.000Z', completed: ['drain', 'destroy-platform', 'destroy-cluster', 'orphans'], notes: [] }));
    expect(await withCredentials(() => runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], rt))).toBe(EXIT.ok);
    expect(rt.err.join('')).toMatch(/another run of build 12|still has resources: starting over/);
    expect(rt.runs.filter((r) => r.command === 'npx')).toHaveLength(2);
    expect(owned(fake)).toBe(0);
  });

  it('says so, and does nothing, when the saved state is complete and nothing of the build is left', async () => {
    const f = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
    fake = f;
    addFoundation(f, dev);
    const rt = testRuntime(f);
    const file = stateFilePath(rt.ledgerDir, 'dev', '12');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ env: 'dev', buildId: '12', runKey: 'none', completed: ['drain', 'destroy-platform', 'destroy-cluster', 'orphans'], notes: [] }));
    expect(await runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/already complete and nothing of it is left/);
    expect(rt.runs).toEqual([]);
  });
});

describe('goldenpath teardown with a damaged state file', () => {
  it.each([
    ['not JSON', '{"completed": ['],
    ['not a teardown state', '{"completed": ["launch"]}'],
    ['JSON null', 'null'],
  ])('refuses a state file that is %s as bad input (exit 2), naming the file and how to start over', async (_what, content) => {
    const rt = testRuntime(world());
    const file = stateFilePath(rt.ledgerDir, 'dev', '12');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    expect(await runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toBe(`goldenpath: ${file} is not a teardown state file: delete it to start the teardown from the beginning\n`);
    expect(rt.runs).toEqual([]);
  });
});

describe('goldenpath teardown and the ledger', () => {
  it('refuses (exit 2) before any work when the CI run URL would make a ledger row it cannot write', async () => {
    const f = world();
    const rt = testRuntime(f);
    const vars = { ...rt.vars, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: `o/${'r'.repeat(1100)}`, GITHUB_RUN_ID: '1' };
    expect(await runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes'], { ...rt, vars })).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/the ledger row this run would write is refused .*shorten run_url.*: nothing was done/);
    expect(rt.runs).toEqual([]);
    expect(f.calls).toEqual([]);
  });

  it("writes its row to the env's state bucket as well as the local cache, and names both in --json", async () => {
    const withBucket = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-west-2', keyPrefix: 'goldenpath' } });
    jest.spyOn(envsModule, 'loadEnvironment').mockReturnValue(withBucket);
    const f = world();
    const rt = testRuntime(f);
    expect(await withCredentials(() => runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes', '--json'], rt))).toBe(EXIT.ok);
    const keys = [...f.s3.bucket('goldenpath-state-111111111111').keys()];
    expect(keys).toEqual([expect.stringMatching(/^goldenpath\/dev\/ledger\/\d{8}T\d{6}\.\d{3}Z_teardown_12_[0-9a-f]+\.csv$/)]);
    expect(JSON.parse(rt.out.join('')).ledger).toEqual({ file: `${rt.ledgerDir}/ledger.csv`, bucket: 's3://goldenpath-state-111111111111/goldenpath/dev/ledger/', key: keys[0] });
    jest.restoreAllMocks();
  });
});

describe('goldenpath teardown --drain-timeout', () => {
  it.each(['-5', 'ten', '1.5', ''])('refuses %j naming what it takes, before any call (exit 2)', async (value) => {
    const rt = testRuntime(undefined);
    expect(await runCli(['teardown', '--env', 'dev', '--build-id', '12', '--yes', `--drain-timeout=${value}`], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toBe(`goldenpath: --drain-timeout "${value}" must be a whole number of seconds, 0 or more (e.g. 600; 0 skips the wait for load balancers and volumes)\n`);
  });
});
