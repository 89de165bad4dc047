import { TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import { readLedgerFile } from '../../../ops/ledger/ledger-file';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';
import { testRuntime } from '../support/runtime';

const dev = loadEnvironment('dev');
let fake: FakeAws;

function world(account = dev.account.id): FakeAws {
  fake = new FakeAws({ account, region: dev.account.region, zone: zoneOf(dev) });
  const foundation = addFoundation(fake, dev);
  addBuild(fake, dev, '12', foundation, FULL_SHAPE);
  addBuild(fake, dev, '123', foundation, FULL_SHAPE);
  return fake;
}
afterEach(() => fake?.restore());

const owned = (f: FakeAws, owner: string): number => f.present().filter((k) => f.resources.get(k)?.owner === owner).length;

describe('goldenpath orphans', () => {
  it('prints the plan and deletes nothing by default, exiting 1 when there are orphans', async () => {
    const f = world();
    const before = f.present();
    const rt = testRuntime(f);
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', '12', '--json'], rt)).toBe(EXIT.findings);
    expect(f.present()).toEqual(before);
    const json = JSON.parse(rt.out.join(''));
    expect(json.mode).toBe('dry-run');
    expect(json.builds[0].deletions[0]).toMatchObject({ order: 1, kind: 'eks-addon' });
  });

  it('refuses --delete without --yes when not interactive, before any AWS call (exit 3)', async () => {
    const f = world();
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', '12', '--delete'], testRuntime(f))).toBe(EXIT.safetyRefusal);
    expect(f.calls).toEqual([]);
  });

  it('refuses credentials of another account after only STS (exit 6)', async () => {
    const f = world('999999999999');
    const rt = testRuntime(f);
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', '12', '--delete', '--yes'], rt)).toBe(EXIT.wrongAccount);
    expect(f.calls).toEqual(['STS.GetCallerIdentity']);
    expect(rt.err.join('')).toMatch(/account 999999999999/);
  });

  it('refuses when the shell region is not the env region (exit 6)', async () => {
    const f = world();
    const rt = testRuntime(f);
    const code = await runCli(['orphans', '--env', 'dev', '--build-id', '12'], { ...rt, vars: { ...rt.vars, AWS_REGION: 'us-east-1' } });
    expect(code).toBe(EXIT.wrongAccount);
  });

  it('deletes build 12 with --delete --yes, leaves build 123, and appends one ledger row', async () => {
    const f = world();
    const rt = testRuntime(f);
    const build123 = owned(f, 'dev/123');
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', '12', '--delete', '--yes'], rt)).toBe(EXIT.ok);
    expect(owned(f, 'dev/12')).toBe(0);
    expect(owned(f, 'dev/123')).toBe(build123);
    const { rows } = readLedgerFile(`${rt.ledgerDir}/ledger.csv`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ phase: 'orphans', env: 'dev', buildId: '12', exitCode: 0, resourcesLeft: 0 });
    expect(rows[0]?.resourcesDeleted).toBeGreaterThan(0);
  });

  it('reaps only builds whose expires-at has passed in --expired mode', async () => {
    const f = world();
    for (const r of f.resources.values()) if (r.owner === 'dev/123') r.tags[TAG_KEYS.expiresAt] = '2026-01-24T00:00:00Z';
    const build123 = owned(f, 'dev/123');
    expect(await runCli(['orphans', '--env', 'dev', '--expired', '--delete', '--yes'], testRuntime(f))).toBe(EXIT.ok);
    expect(owned(f, 'dev/12')).toBe(0);
    expect(owned(f, 'dev/123')).toBe(build123);
  });

  it('asks before deleting when run at a terminal, and refuses when not confirmed', async () => {
    const f = world();
    const before = f.present();
    const rt = testRuntime(f, { interactive: true, confirm: async () => false });
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', '12', '--delete'], rt)).toBe(EXIT.safetyRefusal);
    expect(f.present()).toEqual(before);
  });
});
