import fc from 'fast-check';
import { TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { createAwsDeleter } from '../../../ops/cleanup/deleter';
import { withThrottleRetry } from '../../../ops/aws/throttle-retry';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';
import { TokenBucket } from '../../../ops/aws/token-bucket';
import { cleanupBuild, type CleanupDeps } from '../../../ops/cleanup/cleanup-build';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf, type BuildShape } from '../support/inventory';

const dev = loadEnvironment('dev');
const staging = loadEnvironment('staging');

const noSleep = async (): Promise<void> => undefined;

function world(options: { lingerCalls?: number; throttleEvery?: number; iamInTagging?: boolean } = {}): FakeAws {
  return new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev), ...options });
}

const RETRY = { maxAttempts: 30, baseDelayMs: 1, maxDelayMs: 1 };

function deps(fake: FakeAws): CleanupDeps {
  const clients = withThrottleRetry(fake.clients(), RETRY, noSleep);
  const route53 = new TokenBucket({ ratePerSecond: 1000, burst: 1, now: Date.now, sleep: noSleep });
  return {
    clients,
    route53,
    deleter: createAwsDeleter(clients, route53),
    execute: { concurrency: 4, retry: RETRY, sleep: noSleep },
    progress: () => undefined,
  };
}

function ownedBy(fake: FakeAws, owner: string): string[] {
  return fake.present().filter((k) => fake.resources.get(k)?.owner === owner);
}

function notOwnedBy(fake: FakeAws, owner: string): string[] {
  return fake.present().filter((k) => fake.resources.get(k)?.owner !== owner);
}

let fakes: FakeAws[] = [];
afterEach(() => {
  fakes.forEach((f) => f.restore());
  fakes = [];
});
function track(fake: FakeAws): FakeAws {
  fakes.push(fake);
  return fake;
}

describe('cleanupBuild against the stateful fake', () => {
  it('deletes a whole build, including its own VPC with an attached internet gateway, and leaves the foundation', async () => {
    const fake = track(world());
    const foundation = addFoundation(fake, dev);
    addBuild(fake, dev, '12', foundation, FULL_SHAPE);
    const before = notOwnedBy(fake, 'dev/12');
    const report = await cleanupBuild(deps(fake), buildScope(planOf(dev, '12')));
    expect(ownedBy(fake, 'dev/12')).toEqual([]);
    expect(fake.present()).toEqual(before);
    expect(report.left).toBe(0);
  });

  it('waits out a load balancer whose network interfaces linger while it deletes', async () => {
    const fake = track(world({ lingerCalls: 60 }));
    addBuild(fake, dev, '12', addFoundation(fake, dev), FULL_SHAPE);
    const report = await cleanupBuild(deps(fake), buildScope(planOf(dev, '12')));
    expect(ownedBy(fake, 'dev/12')).toEqual([]);
    expect(fake.calls.filter((c) => c === 'EC2.DeleteSecurityGroup').length).toBeGreaterThan(report.plan.deletions.filter((d) => d.resource.kind === 'ec2-security-group').length);
  });

  it('retries throttled calls until the build is gone', async () => {
    const fake = track(world({ throttleEvery: 7 }));
    addBuild(fake, dev, '12', addFoundation(fake, dev), FULL_SHAPE);
    await cleanupBuild(deps(fake), buildScope(planOf(dev, '12')));
    expect(ownedBy(fake, 'dev/12')).toEqual([]);
  });

  it('finds controller-made resources that carry only the load balancer controller tags', async () => {
    const fake = track(world());
    addBuild(fake, dev, '12', addFoundation(fake, dev), { ...FULL_SHAPE, controllerTagsOnly: true, taggedRoles: false });
    await cleanupBuild(deps(fake), buildScope(planOf(dev, '12')));
    expect(ownedBy(fake, 'dev/12')).toEqual([]);
  });

  it('never deletes a resource tagged with the build id when it is also tagged persistent', async () => {
    const fake = track(world());
    addBuild(fake, dev, '12', addFoundation(fake, dev), FULL_SHAPE);
    fake.add({ kind: 'volume', id: 'vol-keep', owner: 'persistent', tags: { [TAG_KEYS.env]: 'dev', [TAG_KEYS.buildId]: '12', [TAG_KEYS.lifecycle]: 'persistent' } });
    const report = await cleanupBuild(deps(fake), buildScope(planOf(dev, '12')));
    expect(fake.present()).toContain('volume:vol-keep');
    expect(report.plan.skipped.map((s) => s.resource.id)).toContain('vol-keep');
  });

  it('finishes the job when re-run after an interruption, ending where an uninterrupted run ends', async () => {
    const build = (): FakeAws => {
      const f = track(world());
      addBuild(f, dev, '12', addFoundation(f, dev), FULL_SHAPE);
      addBuild(f, dev, '123', addFoundation(f, dev), FULL_SHAPE);
      return f;
    };
    const clean = build();
    await cleanupBuild(deps(clean), buildScope(planOf(dev, '12')));
    const interrupted = build();
    interrupted.interruptAfterMutations = 9;
    const first = await cleanupBuild(deps(interrupted), buildScope(planOf(dev, '12')));
    expect(first.left).toBeGreaterThan(0);
    interrupted.interruptAfterMutations = undefined;
    const second = await cleanupBuild(deps(interrupted), buildScope(planOf(dev, '12')));
    expect(second.left).toBe(0);
    expect(interrupted.present().map((k) => `${interrupted.resources.get(k)?.owner}`).sort()).toEqual(clean.present().map((k) => `${clean.resources.get(k)?.owner}`).sort());
    expect(ownedBy(interrupted, 'dev/12')).toEqual([]);
  });
});

const BUILD_IDS = ['12', '123', '12-3', '1', '26-01-23-01', '26-01-23-011'];

const shapeArb: fc.Arbitrary<BuildShape> = fc.record({
  controllerTagsOnly: fc.boolean(),
  ownVpc: fc.boolean(),
  loadBalancers: fc.integer({ min: 0, max: 3 }),
  volumes: fc.integer({ min: 0, max: 3 }),
  records: fc.integer({ min: 0, max: 3 }),
  taggedRoles: fc.boolean(),
});

const inventoryArb = fc.record({
  builds: fc.uniqueArray(fc.record({ env: fc.constantFrom('dev', 'staging'), buildId: fc.constantFrom(...BUILD_IDS), shape: shapeArb }), {
    minLength: 1,
    maxLength: 5,
    selector: (b) => `${b.env}/${b.buildId}`,
  }),
  target: fc.constantFrom(...BUILD_IDS),
  throttleEvery: fc.constantFrom(0, 5, 11),
  lingerCalls: fc.integer({ min: 0, max: 20 }),
  interruptAfter: fc.integer({ min: 0, max: 40 }),
});

function populate(fake: FakeAws, builds: readonly { env: string; buildId: string; shape: BuildShape }[]): void {
  const devFoundation = addFoundation(fake, dev);
  const stagingFoundation = addFoundation(fake, staging);
  for (const b of builds) addBuild(fake, b.env === 'dev' ? dev : staging, b.buildId, b.env === 'dev' ? devFoundation : stagingFoundation, b.shape);
}

describe('cleanup properties over random inventories of several envs and builds', () => {
  it('cleanup of build B deletes every resource of B and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(inventoryArb, async ({ builds, target, throttleEvery, lingerCalls }) => {
        const fake = world({ throttleEvery, lingerCalls });
        try {
          populate(fake, builds);
          const others = notOwnedBy(fake, `dev/${target}`);
          await cleanupBuild(deps(fake), buildScope(planOf(dev, target)));
          expect(ownedBy(fake, `dev/${target}`)).toEqual([]);
          expect(fake.present()).toEqual(others);
        } finally {
          fake.restore();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an interrupted cleanup followed by a re-run ends in the same state as one uninterrupted run', async () => {
    await fc.assert(
      fc.asyncProperty(inventoryArb, async ({ builds, target, lingerCalls, interruptAfter }) => {
        const straight = world({ lingerCalls });
        const resumed = world({ lingerCalls });
        try {
          populate(straight, builds);
          populate(resumed, builds);
          await cleanupBuild(deps(straight), buildScope(planOf(dev, target)));
          resumed.interruptAfterMutations = interruptAfter;
          await cleanupBuild(deps(resumed), buildScope(planOf(dev, target)));
          resumed.interruptAfterMutations = undefined;
          await cleanupBuild(deps(resumed), buildScope(planOf(dev, target)));
          const owners = (f: FakeAws): string[] => f.present().map((k) => `${f.resources.get(k)?.kind}:${f.resources.get(k)?.owner}`).sort();
          expect(owners(resumed)).toEqual(owners(straight));
          expect(ownedBy(resumed, `dev/${target}`)).toEqual([]);
        } finally {
          straight.restore();
          resumed.restore();
        }
      }),
      { numRuns: 25 },
    );
  });
});
