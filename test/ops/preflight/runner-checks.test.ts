import { evaluateRunnerReach, observedRunner } from '../../../ops/preflight/runner-checks';

const apiAccess = {
  persistent: { via: 'self-hosted', runsOn: ['self-hosted', 'goldenpath-dev'] },
  builds: { via: 'static-egress', runsOn: ['goldenpath-large'], egressCidrs: ['198.51.100.0/28'] },
} as const;

describe('observedRunner', () => {
  it('takes the flags before the runner variables', () => {
    expect(observedRunner({ egressIp: '192.0.2.1', runnerLabels: 'a,b' }, { RUNNER_EGRESS_IP: '192.0.2.9', RUNNER_LABELS: 'c', RUNNER_ENVIRONMENT: 'self-hosted' })).toEqual({
      egressIp: '192.0.2.1',
      labels: ['a', 'b'],
      hosting: 'self-hosted',
    });
  });

  it('reads RUNNER_EGRESS_IP, RUNNER_LABELS and RUNNER_ENVIRONMENT without flags', () => {
    expect(observedRunner({}, { RUNNER_EGRESS_IP: '192.0.2.9', RUNNER_LABELS: 'x,y', RUNNER_ENVIRONMENT: 'github-hosted' })).toEqual({ egressIp: '192.0.2.9', labels: ['x', 'y'], hosting: 'github-hosted' });
  });
});

describe("the runner stage's check", () => {
  const check = (lifecycle: 'persistent' | 'ephemeral', runner: Parameters<typeof evaluateRunnerReach>[1]) => evaluateRunnerReach({ env: 'dev', lifecycle, apiAccess }, runner);

  it("passes a build whose runner egress is inside the builds' static egress CIDRs", () => {
    expect(check('ephemeral', { egressIp: '198.51.100.3' })).toMatchObject({ ok: true, check: 'runner reaches the cluster API (static-egress)' });
  });

  it('refuses a build whose runner egress is outside them, naming the field to change', () => {
    expect(check('ephemeral', { egressIp: '203.0.113.50' })).toMatchObject({
      ok: false,
      fix: 'run on the static-egress runner [goldenpath-large], or add 203.0.113.50/32 to the egressCidrs of cluster.apiAccess.builds in envs/dev.ts',
    });
  });

  it('refuses a build whose runner egress is unknown, saying it cannot tell', () => {
    expect(check('ephemeral', {})).toMatchObject({ ok: false, detail: 'cannot tell: the runner egress address is unknown' });
  });

  it("judges the persistent cluster by the persistent choice", () => {
    expect(check('persistent', { labels: ['self-hosted', 'goldenpath-dev'] }).ok).toBe(true);
    expect(check('persistent', { egressIp: '198.51.100.3' }).ok).toBe(false);
  });
});
