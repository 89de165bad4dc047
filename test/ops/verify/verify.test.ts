import { planFor } from '../../support/plan';
import { BOOTSTRAP_NAMES } from '../../../contract/argocd';
import { ephemeral } from '../../../contract/selection';
import type { KubeApi, KubeObject } from '../../../ops/kube/kube-api';
import { expectationOf } from '../../../ops/verify/expected';
import type { HttpAnswer } from '../../../ops/verify/http-probe';
import { verifyCluster } from '../../../ops/verify/verify';

const expectation = expectationOf(planFor(ephemeral('dev', '26-01-23-01')), 0);
const readyNode = { metadata: { name: 'n1' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
const app = (name: string, sync: string, health: string, extra: object = {}) => ({ metadata: { name, namespace: 'argocd' }, status: { sync: { status: sync }, health: { status: health }, ...extra } });
const allHealthy = expectation.apps.map((a) => app(a.name, 'Synced', 'Healthy'));

/** A cluster whose Applications change with each poll. */
function kubeOf(polls: readonly object[][], nodes: object[] = [readyNode]): KubeApi {
  let i = 0;
  return {
    list: async (path) => (path.endsWith('/nodes') ? nodes : polls[Math.min(i++, polls.length - 1)]) as unknown as KubeObject[],
    delete: async () => undefined,
  };
}
/** Every hostname answers 200 over HTTPS and redirects HTTP, unless overridden. */
function web(overrides: Record<string, HttpAnswer> = {}) {
  return async (url: string): Promise<HttpAnswer> => overrides[url] ?? (url.startsWith('https:') ? { status: 200 } : { status: 301, location: url.replace('http:', 'https:') });
}
function clock(timeoutMs = 60_000) {
  let t = 0;
  return { timeoutMs, pollMs: 20_000, now: () => t, sleep: async (ms: number) => void (t += ms), progress: () => undefined };
}
const failed = (checks: { check: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.check);

describe('verifyCluster', () => {
  it('passes once every selected app is Synced and Healthy, every node Ready and every hostname answers over HTTPS and redirects HTTP', async () => {
    const checks = await verifyCluster(kubeOf([[app('kong', 'OutOfSync', 'Progressing')], allHealthy]), web(), expectation, clock());
    expect([failed(checks), checks.filter((c) => c.check.startsWith('app ')).length, checks.filter((c) => c.check.startsWith('https://')).length]).toEqual([[], 9, 4]);
  });

  it('checks the tier-1.5 apps of a build, not only tiers 0 and 1', async () => {
    const noGrafana = allHealthy.filter((a) => a.metadata.name !== 'grafana');
    const checks = await verifyCluster(kubeOf([noGrafana]), web(), expectation, clock());
    expect(failed(checks).filter((c) => c.startsWith('app '))).toEqual(['app grafana (tier 1.5, wave 52)']);
  });

  it("fails at the timeout naming each app not Healthy, and the app-of-apps' own account of the wave it waits on", async () => {
    const parent = app(BOOTSTRAP_NAMES.appOfApps, 'OutOfSync', 'Progressing', { operationState: { phase: 'Running', message: 'waiting for healthy state of argoproj.io/Application/kong' } });
    const stuck = [...allHealthy.filter((a) => !['kong', 'cluster-autoscaler'].includes(a.metadata.name)), app('kong', 'Synced', 'Degraded'), parent];
    const checks = await verifyCluster(kubeOf([stuck]), web(), expectation, clock());
    expect([failed(checks), checks.find((c) => c.check.startsWith('app-of-apps'))?.detail]).toEqual([
      ['app kong (tier 1, wave 30)', 'app cluster-autoscaler (tier 1, wave 40)', `app-of-apps ${BOOTSTRAP_NAMES.appOfApps}`],
      'health Progressing, operation Running: waiting for healthy state of argoproj.io/Application/kong',
    ]);
  });

  it('fails a hostname whose certificate is not valid, with the TLS error', async () => {
    const host = 'grafana.b-26-01-23-01.dev.goldenpathidp.io';
    const checks = await verifyCluster(kubeOf([allHealthy]), web({ [`https://${host}/`]: { error: 'ERR_TLS_CERT_ALTNAME_INVALID' } }), expectation, clock());
    expect(checks.filter((c) => !c.ok)).toEqual([{ check: `https://${host}`, ok: false, detail: expect.stringMatching(/^https: ERR_TLS_CERT_ALTNAME_INVALID; http: HTTP 301/) }]);
  });

  it('fails a hostname that serves plain HTTP instead of redirecting it', async () => {
    const host = 'argocd.b-26-01-23-01.dev.goldenpathidp.io';
    expect(failed(await verifyCluster(kubeOf([allHealthy]), web({ [`http://${host}/`]: { status: 200 } }), expectation, clock()))).toEqual([`https://${host}`]);
  });

  it('fails a cluster whose nodes are not all Ready', async () => {
    const notReady = { metadata: { name: 'n2' }, status: { conditions: [{ type: 'Ready', status: 'False' }] } };
    expect(failed(await verifyCluster(kubeOf([allHealthy], [readyNode, notReady]), web(), expectation, clock()))).toContain('nodes Ready');
  });
});
