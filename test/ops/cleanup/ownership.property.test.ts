import fc from 'fast-check';
import { clusterLogGroupName, clusterName, dnsOwnerId, hostSuffix, irsaRoleName } from '../../../contract/naming';
import { ephemeral, persistent } from '../../../contract/selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { liveBuilds, type TaggedResource } from '../../../ops/builds/live-builds';
import { RECORD_NAME_ATTRIBUTE, RECORD_OWNER_ATTRIBUTE } from '../../../ops/cleanup/ownership';
import { planCleanup } from '../../../ops/cleanup/plan';
import { GLOBAL_REGION, type CloudResource } from '../../../ops/cleanup/resource';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';

/**
 * Random inventories of one account: builds whose ids share prefixes, the
 * persistent cluster and the foundation, other envs, accounts and regions,
 * and tags in odd case, with whitespace, empty or garbage. Every generated
 * resource carries its ground truth (the build that really owns it, or none);
 * the tool sees only kind, id, ARN, region, tags and attributes.
 */

const dev = loadEnvironment('dev');
const ENV = { name: dev.name, baseDomain: dev.dns.baseDomain };
const ACCOUNT = dev.account.id;
const REGION = dev.account.region;
const BUILDS = ['12', '123', '12-3', '1', '26-01-23-01'] as const;
type Build = (typeof BUILDS)[number];
const NOW = new Date('2026-01-23T12:00:00Z');

interface Truth {
  /** The build that owns the resource in this env, account and region; undefined for anything cleanup must keep. */
  readonly build?: Build;
}
type Generated = { resource: CloudResource; truth: Truth };

const exactTags = (build: Build, expiresAt: string | undefined): Record<string, string> => ({
  [TAG_KEYS.env]: 'dev',
  [TAG_KEYS.lifecycle]: 'ephemeral',
  [TAG_KEYS.plane]: 'disposable',
  [TAG_KEYS.buildId]: build,
  ...(expiresAt === undefined ? {} : { [TAG_KEYS.expiresAt]: expiresAt }),
});

const expiryValue = fc.constantFrom(
  '2026-01-23T10:00:00Z',
  '2026-01-23T20:00:00Z',
  '2025-06-01T00:00:00Z',
  '2027-01-01T00:00:00Z',
  '1',
  '0',
  '12',
  '',
  ' 2026-01-23T10:00:00Z',
  '2026-01-23T10:00:00',
  '2026-02-30T10:00:00Z',
  'garbage',
  undefined,
);

const TAGGED_KINDS = ['elbv2-load-balancer', 'elbv2-target-group', 'ec2-network-interface', 'ec2-security-group', 'ec2-volume', 'ec2-launch-template', 'ec2-elastic-ip', 'logs-log-group', 'iam-role', 'iam-policy', 'iam-oidc-provider'] as const;
const GLOBAL_KINDS: ReadonlySet<string> = new Set(['iam-role', 'iam-policy', 'iam-oidc-provider']);

let serial = 0;
const nextId = (kind: string): string => `${kind}-${(serial++).toString(36)}`;

function resourceOf(kind: (typeof TAGGED_KINDS)[number], tags: Record<string, string>, place: { region?: string; account?: string } = {}): CloudResource {
  const id = nextId(kind);
  const region = GLOBAL_KINDS.has(kind) ? GLOBAL_REGION : (place.region ?? REGION);
  const arnRegion = region === GLOBAL_REGION ? '' : region;
  return { kind, id, arn: `arn:aws:svc:${arnRegion}:${place.account ?? ACCOUNT}:${kind}/${id}`, region, tags, attributes: {} };
}

/** Exactly tagged by a build of this env. */
const ownedTagged: fc.Arbitrary<Generated> = fc
  .record({ build: fc.constantFrom(...BUILDS), kind: fc.constantFrom(...TAGGED_KINDS), expiresAt: expiryValue, withPlane: fc.boolean() })
  .map(({ build, kind, expiresAt, withPlane }) => {
    const tags = exactTags(build, expiresAt);
    if (!withPlane) delete tags[TAG_KEYS.plane];
    return { resource: resourceOf(kind, tags), truth: { build } };
  });

/** A build's tags with one value made odd, or a build's resource in another place: never any build's. */
const perturbed: fc.Arbitrary<Generated> = fc
  .record({
    build: fc.constantFrom(...BUILDS),
    kind: fc.constantFrom(...TAGGED_KINDS),
    expiresAt: expiryValue,
    change: fc.constantFrom<[string, string | undefined]>(
      [TAG_KEYS.lifecycle, 'persistent'],
      [TAG_KEYS.lifecycle, 'Persistent'],
      [TAG_KEYS.lifecycle, 'persistent '],
      [TAG_KEYS.lifecycle, 'Ephemeral'],
      [TAG_KEYS.lifecycle, ' ephemeral'],
      [TAG_KEYS.lifecycle, ''],
      [TAG_KEYS.lifecycle, 'temporary'],
      [TAG_KEYS.lifecycle, undefined],
      [TAG_KEYS.plane, 'foundational'],
      [TAG_KEYS.plane, 'Foundational'],
      [TAG_KEYS.plane, 'disposable '],
      [TAG_KEYS.plane, ''],
      [TAG_KEYS.env, 'staging'],
      [TAG_KEYS.env, 'Dev'],
      [TAG_KEYS.env, 'dev '],
      [TAG_KEYS.env, ''],
      [TAG_KEYS.env, undefined],
      [TAG_KEYS.buildId, ''],
      [TAG_KEYS.buildId, ' 12'],
      [TAG_KEYS.buildId, '12 '],
      [TAG_KEYS.buildId, 'B-12'],
      ['place', 'other-region'],
      ['place', 'other-account'],
    ),
  })
  .map(({ build, kind, expiresAt, change: [key, value] }) => {
    const tags = exactTags(build, expiresAt);
    if (key === 'place') {
      const place = value === 'other-region' ? { region: 'us-west-2' } : { account: '999999999999' };
      // IAM is global: a region change does not move it, so only the account variant is foreign for it.
      const foreign = !(GLOBAL_KINDS.has(kind) && value === 'other-region');
      return { resource: resourceOf(kind, tags, place), truth: foreign ? {} : { build } };
    }
    if (value === undefined) delete tags[key];
    else tags[key] = value;
    return { resource: resourceOf(kind, tags), truth: {} };
  });

/** The persistent cluster and the foundation, tagged as the stacks tag them. */
const persistentOrFoundational: fc.Arbitrary<Generated> = fc
  .record({ kind: fc.constantFrom(...TAGGED_KINDS), plane: fc.constantFrom('foundational', 'disposable'), withBuildId: fc.constantFrom(undefined, ...BUILDS) })
  .map(({ kind, plane, withBuildId }) => {
    const tags: Record<string, string> = { [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'persistent', [TAG_KEYS.plane]: plane };
    if (withBuildId !== undefined) tags[TAG_KEYS.buildId] = withBuildId;
    return { resource: resourceOf(kind, tags), truth: {} };
  });

/** What controllers and AWS make without our tags: found by exact cluster markers, derived names and the DNS owner. */
const evidenceOnly: fc.Arbitrary<Generated> = fc
  .record({ build: fc.constantFrom(...BUILDS), persistentCluster: fc.boolean(), form: fc.constantFrom('lb-controller', 'eks', 'cni', 'k8s-owned', 'role', 'log-group', 'record', 'record-outside') })
  .map(({ build, persistentCluster, form }) => {
    const selection = persistentCluster ? persistent('dev') : ephemeral('dev', build);
    const cluster = clusterName(selection);
    const owner = persistentCluster ? undefined : build;
    const place = (kind: CloudResource['kind'], id: string, tags: Record<string, string>, attributes: Record<string, string> = {}): Generated => ({
      resource: { kind, id, region: kind === 'route53-record' || kind === 'iam-role' ? GLOBAL_REGION : REGION, tags, attributes },
      truth: { build: owner },
    });
    switch (form) {
      case 'lb-controller':
        return place('elbv2-load-balancer', nextId('lb'), { [CONTROLLER_TAGS.lbControllerCluster]: cluster });
      case 'eks':
        return place('ec2-security-group', nextId('sg'), { [CONTROLLER_TAGS.eksClusterName]: cluster });
      case 'cni':
        return place('ec2-network-interface', nextId('eni'), { [CONTROLLER_TAGS.vpcCniCluster]: cluster });
      case 'k8s-owned':
        return place('ec2-volume', nextId('vol'), { [`${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned' });
      case 'role':
        return place('iam-role', irsaRoleName(selection, 'external-dns'), {});
      case 'log-group':
        return place('logs-log-group', clusterLogGroupName(selection), {});
      case 'record': {
        const suffix = hostSuffix(selection, ENV);
        return place('route53-record', `Z|app.${suffix}|A|`, {}, { [RECORD_OWNER_ATTRIBUTE]: dnsOwnerId(selection), [RECORD_NAME_ATTRIBUTE]: `app.${suffix}` });
      }
      default: {
        // The build's owner id on a name outside its suffix: never deleted, left for review.
        const name = `app.${hostSuffix(persistent('dev'), ENV)}`;
        return { ...place('route53-record', `Z|${name}|A|`, {}, { [RECORD_OWNER_ATTRIBUTE]: dnsOwnerId(selection), [RECORD_NAME_ATTRIBUTE]: name }), truth: {} };
      }
    }
  });

const inventory = fc.array(fc.oneof(ownedTagged, perturbed, persistentOrFoundational, evidenceOnly), { minLength: 1, maxLength: 60 });

describe('orphan cleanup over random inventories', () => {
  it('deletes exactly the resources of the build in scope, and nothing else', () => {
    fc.assert(
      fc.property(inventory, fc.constantFrom(...BUILDS), (items, build) => {
        const plan = planCleanup(
          items.map((i) => i.resource),
          buildScope(planOf(dev, build)),
        );
        const deleted = new Set(plan.deletions.map((d) => d.resource.id));
        const expected = new Set(items.filter((i) => i.truth.build === build).map((i) => i.resource.id));
        expect([...deleted].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('reaps only builds whose every expiry is valid and whose latest has passed, and only their resources', () => {
    fc.assert(
      fc.property(inventory, (items) => {
        // Discovery lists the env's own account and region only.
        const tagged: TaggedResource[] = items
          .filter((i) => i.resource.arn !== undefined && i.resource.arn.split(':')[4] === ACCOUNT && ['', REGION].includes(i.resource.arn.split(':')[3] ?? ''))
          .map((i) => ({ arn: i.resource.arn!, tags: i.resource.tags }));
        const expired = liveBuilds(tagged, { ...ENV, ttlHours: 8 }, NOW).filter((b) => b.expired);
        for (const b of expired) {
          // The oracle: every exactly tagged resource of the build carries a valid expiry, and the latest has passed.
          const expiries = items
            .filter((i) => i.truth.build === b.buildId && i.resource.tags[TAG_KEYS.buildId] === b.buildId && i.resource.arn !== undefined)
            .map((i) => i.resource.tags[TAG_KEYS.expiresAt])
            .filter((e): e is string => e !== undefined);
          expect(expiries.length).toBeGreaterThan(0);
          expect(expiries.every((e) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(e) && !e.startsWith('2026-02-30'))).toBe(true);
          expect(expiries.every((e) => Date.parse(e) <= NOW.getTime())).toBe(true);
          const plan = planCleanup(
            items.map((i) => i.resource),
            buildScope(planOf(dev, b.buildId)),
          );
          for (const d of plan.deletions) expect(items.find((i) => i.resource.id === d.resource.id)?.truth.build).toBe(b.buildId);
        }
      }),
      { numRuns: 300 },
    );
  });
});
