import { apiAccessFor, endpointAccess, runnerReach, type ClusterApiAccess } from '../../contract/cluster-api-access';

const STATIC: ClusterApiAccess = { via: 'static-egress', runsOn: ['goldenpath-large'], egressCidrs: ['198.51.100.0/28', '192.0.2.7/32'] };
const SELF_HOSTED: ClusterApiAccess = { via: 'self-hosted', runsOn: ['self-hosted', 'linux', 'goldenpath-dev'] };
const PUBLIC: ClusterApiAccess = { via: 'public-endpoint', runsOn: ['ubuntu-24.04'] };

describe('endpointAccess', () => {
  it('lists the static egress CIDRs as the public access CIDRs', () => {
    expect(endpointAccess(STATIC)).toEqual({ privateAccess: true, publicAccess: true, publicAccessCidrs: ['198.51.100.0/28', '192.0.2.7/32'] });
  });

  it('keeps a self-hosted choice private only', () => {
    expect(endpointAccess(SELF_HOSTED)).toEqual({ privateAccess: true, publicAccess: false, publicAccessCidrs: [] });
  });

  it('opens a public-endpoint choice to every address', () => {
    expect(endpointAccess(PUBLIC)).toEqual({ privateAccess: true, publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] });
  });
});

describe('apiAccessFor', () => {
  it("picks the persistent choice for a persistent cluster and the builds' choice for a build", () => {
    const access = { persistent: SELF_HOSTED, builds: PUBLIC };
    expect(apiAccessFor(access, 'persistent')).toBe(SELF_HOSTED);
    expect(apiAccessFor(access, 'ephemeral')).toBe(PUBLIC);
  });
});

describe('runnerReach', () => {
  const reach = (access: ClusterApiAccess, runner: Parameters<typeof runnerReach>[1]) => runnerReach(access, runner, 'cluster.apiAccess.builds in envs/dev.ts');

  it('reaches a public endpoint from any runner, even one that observed nothing', () => {
    expect(reach(PUBLIC, {}).verdict).toBe('reachable');
  });

  it('reaches a static-egress endpoint from an egress address inside its CIDRs', () => {
    expect(reach(STATIC, { egressIp: ' 198.51.100.9\n' }).verdict).toBe('reachable');
    expect(reach(STATIC, { egressIp: '192.0.2.7' }).verdict).toBe('reachable');
  });

  it('refuses an egress address outside the CIDRs, naming the runner and the CIDR to add', () => {
    const r = reach(STATIC, { egressIp: '198.51.100.16' });
    expect(r.verdict).toBe('unreachable');
    expect(r.fix).toBe('run on the static-egress runner [goldenpath-large], or add 198.51.100.16/32 to the egressCidrs of cluster.apiAccess.builds in envs/dev.ts');
  });

  it('cannot tell without an egress address, or with one that is not IPv4', () => {
    expect(reach(STATIC, {})).toMatchObject({ verdict: 'unknown', fix: expect.stringMatching(/--egress-ip.*RUNNER_EGRESS_IP/) });
    expect(reach(STATIC, { egressIp: '  ' }).verdict).toBe('unknown');
    expect(reach(STATIC, { egressIp: '300.1.1.1' }).verdict).toBe('unknown');
    expect(reach(STATIC, { egressIp: '2001:db8::1' }).verdict).toBe('unknown');
  });

  it('reaches a private endpoint from a runner carrying every self-hosted label, in any case', () => {
    expect(reach(SELF_HOSTED, { labels: ['Self-Hosted', ' linux', 'goldenpath-dev', 'x64'], hosting: 'self-hosted' }).verdict).toBe('reachable');
  });

  it('refuses a GitHub-hosted runner for a private endpoint whatever labels it claims', () => {
    const r = reach(SELF_HOSTED, { labels: ['self-hosted', 'linux', 'goldenpath-dev'], hosting: 'github-hosted' });
    expect(r.verdict).toBe('unreachable');
    expect(r.fix).toMatch(/self-hosted runner \[self-hosted, linux, goldenpath-dev\] inside the VPC/);
  });

  it('refuses a runner missing a self-hosted label, naming it', () => {
    const r = reach(SELF_HOSTED, { labels: ['self-hosted', 'linux', 'goldenpath-staging'] });
    expect(r).toMatchObject({ verdict: 'unreachable', detail: expect.stringContaining('lacks the self-hosted labels goldenpath-dev') });
  });

  it('cannot tell without runner labels', () => {
    expect(reach(SELF_HOSTED, {}).verdict).toBe('unknown');
    expect(reach(SELF_HOSTED, { labels: ['', ' '] }).verdict).toBe('unknown');
  });
});
