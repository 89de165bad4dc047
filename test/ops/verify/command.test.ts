import { planFor } from '../../support/plan';
import { ephemeral, persistent } from '../../../contract/selection';
import { clusterName } from '../../../contract/naming';
import { loadEnvironment } from '../../../envs';
import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import type { KubeObject } from '../../../ops/kube/kube-api';
import { expectationOf } from '../../../ops/verify/expected';
import { FakeAws } from '../support/fake-aws';
import { zoneOf } from '../support/inventory';
import { testRuntime } from '../support/runtime';

const dev = loadEnvironment('dev');
let fake: FakeAws;
afterEach(() => fake?.restore());

function world(clusters: readonly string[]): FakeAws {
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  for (const id of clusters) fake.add({ kind: 'cluster', id, tags: {}, owner: 'persistent' });
  return fake;
}
const healthy = (names: readonly string[]) => names.map((name) => ({ metadata: { name }, status: { sync: { status: 'Synced' }, health: { status: 'Healthy' } } }));
const node = { metadata: { name: 'n' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
const kubeWith = (apps: object[]) => () => ({
  list: async (path: string) => (path.endsWith('/nodes') ? [node] : apps) as unknown as KubeObject[],
  create: async () => undefined,
  get: async () => undefined,
  delete: async () => undefined,
});
/** A clock that moves only when the command sleeps. */
function clock() {
  let t = Date.parse('2026-01-23T12:00:00Z');
  return { now: () => new Date(t), sleep: async (ms: number) => void (t += ms) };
}
const http = async (url: string) => (url.startsWith('https:') ? { status: 200 } : { status: 301, location: url.replace('http:', 'https:') });

describe('goldenpath verify', () => {
  it('passes the nightly validation of the persistent dev cluster, reporting each tier-2 app and hostname', async () => {
    const apps = expectationOf(planFor(persistent('dev')), 2).apps.map((a) => a.name);
    const rt = testRuntime(world([clusterName(persistent('dev'))]), { kube: kubeWith(healthy(apps)) as never, http, ...clock() });
    expect(await runCli(['verify', '--env', 'dev', '--min-tier', '2', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join('')).checks.map((c: { check: string }) => c.check)).toEqual([
      'nodes Ready',
      'app backstage (tier 2, wave 100)',
      'app loki (tier 2, wave 101)',
      'app grafana (tier 2, wave 102)',
      'https://backstage.dev.goldenpathidp.io',
      'https://grafana.dev.goldenpathidp.io',
    ]);
  });

  it('fails (exit 1) a build with an unhealthy app after the timeout, naming it', async () => {
    const build = ephemeral('dev', '26-01-23-04');
    const apps = expectationOf(planFor(build), 0).apps.map((a) => a.name).filter((a) => a !== 'alertmanager');
    const rt = testRuntime(world([clusterName(build)]), { kube: kubeWith(healthy(apps)) as never, http, ...clock() });
    expect(await runCli(['verify', '--env', 'dev', '--build-id', '26-01-23-04', '--timeout', '60'], rt)).toBe(EXIT.findings);
    expect(rt.out.join('')).toMatch(/FAIL app alertmanager \(tier 1\.5, wave 51\): no Application yet/);
  });

  it('refuses a cluster that does not exist, naming it', async () => {
    const rt = testRuntime(world([]));
    expect(await runCli(['verify', '--env', 'dev', '--build-id', '26-01-23-09'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/cluster goldenpath-dev-b-26-01-23-09 does not exist/);
  });

  it.each([['2.5'], ['two'], [' ']])('refuses --min-tier %j as a usage error', async (tier) => {
    const rt = testRuntime(world([]));
    expect(await runCli(['verify', '--env', 'dev', '--min-tier', tier], rt)).toBe(EXIT.usage);
  });

  it('refuses a tier the env never runs (dev stops at 2)', async () => {
    const rt = testRuntime(world([]));
    expect(await runCli(['verify', '--env', 'dev', '--min-tier', '3'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/selects no app of tier 3 or above/);
  });
});
