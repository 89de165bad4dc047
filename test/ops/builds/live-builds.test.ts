import { TAG_KEYS } from '../../../contract/tags';
import { buildExpiry, buildIdOfResource, isExpired, liveBuilds, loadBalancerTypeOf, type TaggedResource } from '../../../ops/builds/live-builds';
import { resourceTypeOf } from '../../../ops/aws/tagged-resources';

const now = new Date('2026-01-23T12:00:00Z');
const env = { name: 'dev', baseDomain: 'goldenpathidp.io', ttlHours: 8 };
const tags = (buildId: string, expiresAt?: string, extra: Record<string, string> = {}): Record<string, string> => ({
  [TAG_KEYS.env]: 'dev',
  [TAG_KEYS.lifecycle]: 'ephemeral',
  [TAG_KEYS.buildId]: buildId,
  ...(expiresAt === undefined ? {} : { [TAG_KEYS.expiresAt]: expiresAt }),
  ...extra,
});
const r = (arn: string, t: Record<string, string>, more: Partial<TaggedResource> = {}): TaggedResource => ({ arn, tags: t, ...more });

describe('liveBuilds', () => {
  const resources = [
    r('arn:aws:eks:eu-west-2:1:cluster/goldenpath-dev-b-12', tags('12', '2026-01-23T10:00:00Z')),
    r('arn:aws:ec2:eu-west-2:1:instance/i-1', tags('12', '2026-01-23T10:00:00Z'), { instanceType: 't3.large' }),
    r('arn:aws:ec2:eu-west-2:1:volume/vol-1', tags('123', '2026-01-23T20:00:00Z'), { volume: { type: 'gp3', sizeGb: 20 } }),
    r('arn:aws:ec2:eu-west-2:1:volume/vol-2', tags('9', undefined, { [TAG_KEYS.lifecycle]: 'persistent' })),
    r('arn:aws:ec2:eu-west-2:1:volume/vol-3', { ...tags('77', '2026-01-01T00:00:00Z'), [TAG_KEYS.env]: 'staging' }),
  ];
  const builds = liveBuilds(resources, env, now);

  it('groups resources by build id and keeps 12 and 123 apart', () => {
    expect(builds.map((b) => [b.buildId, b.resourceCount])).toEqual([
      ['12', 2],
      ['123', 1],
    ]);
  });

  it('flags a build whose expires-at has passed', () => {
    expect(builds.map((b) => b.expired)).toEqual([true, false]);
  });

  it('derives age from expires-at minus the env TTL', () => {
    expect(builds[0]).toMatchObject({ startedAt: '2026-01-23T02:00:00.000Z', ageHours: 10 });
  });

  it('counts resources by type and prices them', () => {
    expect(builds[0]?.resourcesByType).toEqual({ 'eks:cluster': 1, 'ec2:instance': 1 });
    expect(builds[0]?.costInventory).toEqual({ eksClusters: 1, instanceTypes: ['t3.large'], loadBalancers: [], natGateways: 0, volumes: [], publicIpv4: 0 });
  });
});

describe('isExpired: what the reaper reaps (now = 2026-01-23T12:00:00Z)', () => {
  const table: [string | undefined, boolean][] = [
    ['2026-01-23T11:59:59Z', true],
    ['2026-01-23T12:00:00Z', true],
    ['2026-01-23T12:00:00.000Z', true],
    ['2026-01-23T12:00:01Z', false],
    ['2025-12-31T23:59:59Z', true],
    // Date.parse reads these as years or local dates; strict ISO-8601 UTC never does.
    ['1', false],
    ['0', false],
    ['12', false],
    ['2026', false],
    ['2026-01-23', false],
    ['2026-01-23T10:00:00', false],
    ['2026-01-23T10:00Z', false],
    ['2026-01-23T10:00:00+00:00', false],
    ['2026-01-23 10:00:00Z', false],
    [' 2026-01-23T10:00:00Z', false],
    ['2026-01-23T10:00:00Z ', false],
    ['2026-01-23t10:00:00z', false],
    ['2026-02-30T10:00:00Z', false],
    ['2026-13-01T10:00:00Z', false],
    ['2026-01-23T24:00:00Z', false],
    ['2026-01-23T10:60:00Z', false],
    ['Fri, 23 Jan 2026 10:00:00 GMT', false],
    ['yesterday', false],
    ['', false],
    [undefined, false],
  ];
  it.each(table)('expires-at %j is expired: %s', (value, expired) => {
    expect(isExpired(value, now)).toBe(expired);
  });
});

describe('buildExpiry', () => {
  const res = (expiresAt?: string): TaggedResource => r(`arn:aws:ec2:eu-west-2:1:volume/vol-${expiresAt}`, tags('12', expiresAt));

  it('is the latest expiry of the build, so one stale resource never brings it forward', () => {
    expect(buildExpiry([res('2026-01-01T00:00:00Z'), res('2026-01-24T08:00:00Z'), res('2026-01-20T00:00:00Z')]).expiresAt).toBe('2026-01-24T08:00:00Z');
  });

  it('ignores resources without the tag when others carry it', () => {
    expect(buildExpiry([res(undefined), res('2026-01-22T00:00:00Z')])).toEqual({ expiresAt: '2026-01-22T00:00:00Z', problems: [] });
  });

  it('is unknown and reported when no resource carries the tag', () => {
    expect(buildExpiry([res(undefined)])).toEqual({ problems: [`no resource carries ${TAG_KEYS.expiresAt}`] });
  });

  it('is unknown and reported when any resource carries a value that is not ISO-8601 UTC', () => {
    const result = buildExpiry([res('2026-01-01T00:00:00Z'), res('12')]);
    expect(result.expiresAt).toBeUndefined();
    expect(result.problems).toEqual([expect.stringContaining(`${TAG_KEYS.expiresAt}="12" is not ISO-8601 UTC`)]);
  });
});

describe('liveBuilds keeps what it cannot prove expired', () => {
  it('never marks a build expired whose expiry is garbage, and says why', () => {
    const [build] = liveBuilds([r('arn:aws:eks:eu-west-2:1:cluster/c', tags('12', '1'))], env, now);
    expect(build).toMatchObject({ buildId: '12', expired: false, expiresAt: undefined, expiryProblems: [expect.stringContaining('"1"')] });
  });

  it('keeps a live build whose cluster expires later than an old leftover of the same build id', () => {
    const [build] = liveBuilds(
      [r('arn:aws:logs:eu-west-2:1:log-group:/old', tags('12', '2026-01-20T00:00:00Z')), r('arn:aws:eks:eu-west-2:1:cluster/c', tags('12', '2026-01-23T20:00:00Z'))],
      env,
      now,
    );
    expect(build).toMatchObject({ expired: false, expiresAt: '2026-01-23T20:00:00Z' });
  });
});

describe('buildIdOfResource: only exact tags make a build', () => {
  const base = tags('12', '2026-01-01T00:00:00Z');
  it('claims env, lifecycle ephemeral and a valid build id', () => {
    expect(buildIdOfResource(base, env)).toBe('12');
    expect(buildIdOfResource({ ...base, [TAG_KEYS.plane]: 'disposable' }, env)).toBe('12');
  });
  it.each([
    ['an empty build id', { [TAG_KEYS.buildId]: '' }],
    ['a build id with whitespace', { [TAG_KEYS.buildId]: ' 12' }],
    ['an upper-case build id', { [TAG_KEYS.buildId]: 'B12' }],
    ['lifecycle Persistent', { [TAG_KEYS.lifecycle]: 'Persistent' }],
    ['lifecycle "persistent "', { [TAG_KEYS.lifecycle]: 'persistent ' }],
    ['lifecycle Ephemeral', { [TAG_KEYS.lifecycle]: 'Ephemeral' }],
    ['plane Foundational', { [TAG_KEYS.plane]: 'Foundational' }],
    ['plane foundational', { [TAG_KEYS.plane]: 'foundational' }],
    ['env Dev', { [TAG_KEYS.env]: 'Dev' }],
    ['env staging', { [TAG_KEYS.env]: 'staging' }],
  ])('never reads a build from %s', (_, extra) => {
    expect(buildIdOfResource({ ...base, ...extra }, env)).toBeUndefined();
  });
  it('never reads a build from a resource without a lifecycle tag', () => {
    const { [TAG_KEYS.lifecycle]: _, ...rest } = base;
    expect(buildIdOfResource(rest, env)).toBeUndefined();
  });
});

describe('resource types from ARNs', () => {
  it('reads service and type, and the load balancer flavour', () => {
    expect(resourceTypeOf('arn:aws:logs:eu-west-2:1:log-group:/aws/eks/x/cluster')).toBe('logs:log-group');
    expect(loadBalancerTypeOf('arn:aws:elasticloadbalancing:eu-west-2:1:loadbalancer/app/k8s/1')).toBe('application');
  });
});
