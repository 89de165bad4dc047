import { TAG_KEYS } from '../../../contract/tags';
import { isExpired, liveBuilds, loadBalancerTypeOf, resourceTypeOf, type TaggedResource } from '../../../ops/builds/live-builds';

const now = new Date('2026-01-23T12:00:00Z');
const env = { name: 'dev', ttlHours: 8 };
const tags = (buildId: string, expiresAt?: string, extra: Record<string, string> = {}): Record<string, string> => ({
  [TAG_KEYS.env]: 'dev',
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
    expect(builds[0]?.cost.usdPerHour).toBeCloseTo(0.1944, 4);
  });
});

describe('isExpired', () => {
  it('never counts a missing or malformed expiry as expired', () => {
    expect(isExpired(undefined, now)).toBe(false);
    expect(isExpired('tomorrow', now)).toBe(false);
  });
});

describe('resource types from ARNs', () => {
  it('reads service and type, and the load balancer flavour', () => {
    expect(resourceTypeOf('arn:aws:logs:eu-west-2:1:log-group:/aws/eks/x/cluster')).toBe('logs:log-group');
    expect(loadBalancerTypeOf('arn:aws:elasticloadbalancing:eu-west-2:1:loadbalancer/app/k8s/1')).toBe('application');
  });
});
