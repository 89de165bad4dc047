import { TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { createAwsDeleter } from '../../../ops/cleanup/deleter';
import { withThrottleRetry } from '../../../ops/aws/throttle-retry';
import { TokenBucket } from '../../../ops/aws/token-bucket';
import { cleanupBuild, type CleanupDeps } from '../../../ops/cleanup/cleanup-build';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';
import type { KubeApi } from '../../../ops/kube/kube-api';
import { buildLoadBalancersAndVolumes, clusterEndpoint } from '../../../ops/teardown/aws-facts';
import {
  IN_CLUSTER_STATE_ADDRESS,
  cleanupStage,
  destroyClusterStage,
  destroyPlatformStage,
  drainStage,
  dropInClusterStateScript,
  runTeardown,
  type TeardownContext,
} from '../../../ops/teardown/stage-table';
import { completeStage, initialState, type TeardownState } from '../../../ops/teardown/stages';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';

const dev = loadEnvironment('dev');
const plan = planOf(dev, '12');
const scope = buildScope(plan);
const RETRY = { maxAttempts: 30, baseDelayMs: 1, maxDelayMs: 1 };
const noSleep = async (): Promise<void> => undefined;

let fakes: FakeAws[] = [];
afterEach(() => {
  fakes.forEach((f) => f.restore());
  fakes = [];
});

function world(options: { lingerCalls?: number; taggingListsDeletedFor?: number } = {}): FakeAws {
  const fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev), ...options });
  fakes.push(fake);
  const foundation = addFoundation(fake, dev);
  addBuild(fake, dev, '12', foundation, FULL_SHAPE);
  // Build 123 shares the prefix and must survive everything done to build 12.
  addBuild(fake, dev, '123', foundation, FULL_SHAPE);
  return fake;
}

function cleanupDepsOf(fake: FakeAws): CleanupDeps {
  const clients = withThrottleRetry(fake.clients(), RETRY, noSleep);
  const route53 = new TokenBucket({ ratePerSecond: 1000, burst: 1, now: Date.now, sleep: noSleep });
  return { clients, route53, deleter: createAwsDeleter(clients, route53), execute: { concurrency: 4, retry: RETRY, sleep: noSleep }, progress: () => undefined };
}

/** A reachable cluster API over the fake: deleting a LoadBalancer Service deletes its load balancer in AWS (as the controller would). */
function reachableKube(fake: FakeAws): KubeApi {
  return {
    list: async (path) => (path.endsWith('/services') ? fake.list('lb').filter((r) => r.owner === 'dev/12').map((r) => ({ metadata: { name: r.id, namespace: 'default' }, spec: { type: 'LoadBalancer' } })) : []),
    delete: async (path) => {
      const lb = fake.list('lb').find((r) => path.endsWith(encodeURIComponent(r.id)));
      if (lb !== undefined) fake.deleteLoadBalancer(lb.id);
    },
  };
}
const unreachableKube: KubeApi = {
  list: async () => {
    throw Object.assign(new Error('connect ETIMEDOUT 10.0.1.5:443'), { code: 'ETIMEDOUT' });
  },
  delete: async () => {
    throw new Error('unreachable');
  },
};

/** What the cluster stack's state holds; load balancers, their ENIs, volumes and snapshots are the controllers'. A non-empty bucket makes Terraform fail, so the bucket is left. */
const TERRAFORM_KINDS: ReadonlySet<string> = new Set(['cluster', 'nodegroup', 'addon', 'fargate', 'lt', 'kms', 'role', 'policy', 'oidc', 'log', 'profile', 'sg', 'vpc', 'subnet', 'igw', 'nat', 'eip']);

type Failure = 'none' | 'api-unreachable' | 'platform-destroy-fails' | 'cluster-destroy-fails-half-way' | 'killed-between-stages' | 'aws-lists-deleted';

/**
 * cdktf over the fake: the platform destroy needs the cluster API while its
 * state holds in-cluster objects; the cluster destroy deletes what the
 * cluster stack's state holds (all of it, or half when it fails half-way).
 */
function simulatedCdktf(fake: FakeAws, failure: Failure, apiReachable: boolean) {
  let inClusterStateDropped = false;
  const runs: string[] = [];
  const run = async (command: string, args: readonly string[]): Promise<number> => {
    if (command === 'sh') {
      runs.push('drop-in-cluster-state');
      inClusterStateDropped = true;
      return 0;
    }
    const stack = args[2] ?? '';
    runs.push(`destroy ${stack}`);
    if (stack.endsWith('-platform')) {
      if (failure === 'platform-destroy-fails') return 1;
      return apiReachable || inClusterStateDropped ? 0 : 1;
    }
    const inState = fake
      .present()
      .map((k) => fake.resources.get(k)!)
      .filter((r) => r.owner === 'dev/12' && r.tags[TAG_KEYS.stack] === 'dev-b-12-cluster' && TERRAFORM_KINDS.has(r.kind));
    const destroyed = failure === 'cluster-destroy-fails-half-way' ? inState.slice(0, Math.floor(inState.length / 2)) : inState;
    for (const r of destroyed) fake.resources.delete(fake.key(r.kind, r.id));
    return failure === 'cluster-destroy-fails-half-way' ? 1 : 0;
  };
  return { run, runs };
}

function contextOf(fake: FakeAws, failure: Failure): { ctx: TeardownContext; runs: string[] } {
  const apiReachable = failure !== 'api-unreachable';
  const cdktf = simulatedCdktf(fake, failure, apiReachable);
  const clients = fake.clients();
  const deps = cleanupDepsOf(fake);
  const ctx: TeardownContext = {
    env: 'dev',
    scope,
    stacks: plan.stacks,
    runtime: { run: (command, args) => cdktf.run(command, args), sleep: noSleep, now: () => new Date('2026-01-23T12:00:00Z') },
    progress: () => undefined,
    drainTimeoutMs: 0,
    drainPollMs: 1,
    cluster: () => clusterEndpoint(clients, scope.clusterName),
    kube: () => (apiReachable ? reachableKube(fake) : unreachableKube),
    awsLeft: () => buildLoadBalancersAndVolumes(clients, scope),
    cleanup: () => cleanupBuild(deps, scope),
  };
  return { ctx, runs: cdktf.runs };
}

const KINDS_OF_A_BUILD = ['cluster', 'nodegroup', 'addon', 'fargate', 'instance', 'lt', 'kms', 'lb', 'tg', 'cert', 'eni', 'sg', 'volume', 'snapshot', 'nat', 'eip', 'subnet', 'igw', 'vpc', 'bucket', 'log', 'record', 'profile', 'oidc', 'role', 'policy'] as const;

function leftOf(fake: FakeAws, owner: string): Record<string, number> {
  const left: Record<string, number> = {};
  for (const k of fake.present()) {
    const r = fake.resources.get(k)!;
    if (r.owner === owner) left[r.kind] = (left[r.kind] ?? 0) + 1;
  }
  return left;
}

describe('the teardown stages, one by one', () => {
  it('drain: deletes LoadBalancer Services through a reachable API and records the API as reachable', async () => {
    const fake = world();
    const { ctx } = contextOf(fake, 'none');
    const result = await drainStage(ctx, initialState('dev', '12'));
    expect(result).toMatchObject({ ok: true, state: { apiUnreachable: false } });
    expect(fake.list('lb').filter((r) => r.owner === 'dev/12')).toEqual([]);
  });

  it('drain: an unreachable API completes the stage with a note and marks the API unreachable', async () => {
    const { ctx } = contextOf(world(), 'api-unreachable');
    const result = await drainStage(ctx, initialState('dev', '12'));
    expect(result).toMatchObject({ ok: true, state: { apiUnreachable: true } });
    expect(result.note).toMatch(/not reachable \(connect ETIMEDOUT/);
  });

  it('drain: a cluster that is gone has nothing to drain', async () => {
    const fake = world();
    fake.resources.delete(fake.key('cluster', scope.clusterName));
    const { ctx } = contextOf(fake, 'none');
    expect(await drainStage(ctx, initialState('dev', '12'))).toMatchObject({ ok: true, state: { apiUnreachable: true } });
  });

  it('destroy-platform: drops in-cluster state first when the API is unreachable, then destroys', async () => {
    const { ctx, runs } = contextOf(world(), 'api-unreachable');
    const result = await destroyPlatformStage(ctx, { ...initialState('dev', '12'), apiUnreachable: true });
    expect([result.ok, runs]).toEqual([true, ['drop-in-cluster-state', 'destroy dev-b-12-platform']]);
  });

  it('destroy-platform: destroys directly when the API was reachable', async () => {
    const { ctx, runs } = contextOf(world(), 'none');
    expect((await destroyPlatformStage(ctx, { ...initialState('dev', '12'), apiUnreachable: false })).ok).toBe(true);
    expect(runs).toEqual(['destroy dev-b-12-platform']);
  });

  it('destroy-cluster: reports a failed destroy as not done', async () => {
    const { ctx } = contextOf(world(), 'cluster-destroy-fails-half-way');
    expect(await destroyClusterStage(ctx, initialState('dev', '12'))).toMatchObject({ ok: false, note: expect.stringMatching(/exited 1; the cleanup deletes what it left/) });
  });

  it('orphans: deletes what the destroys left and reports it', async () => {
    const fake = world();
    const { ctx } = contextOf(fake, 'none');
    const result = await cleanupStage(ctx, initialState('dev', '12'));
    expect(result.ok).toBe(true);
    expect(leftOf(fake, 'dev/12')).toEqual({});
  });
});

describe('runTeardown (stage → run → record)', () => {
  it('records the state after every stage and runs every later stage after a failure', async () => {
    const fake = world();
    const { ctx } = contextOf(fake, 'platform-destroy-fails');
    const recorded: TeardownState[] = [];
    const outcome = await runTeardown(ctx, initialState('dev', '12'), (s) => recorded.push(s));
    expect(recorded.map((s) => s.completed)).toEqual([['drain'], ['drain'], ['drain', 'destroy-cluster'], ['drain', 'destroy-cluster', 'orphans']]);
    expect(outcome.failed).toEqual(['destroy-platform']);
    expect(leftOf(fake, 'dev/12')).toEqual({});
  });
});

describe('fault injection: teardown plus at most one reaper run leave nothing of the build and touch nothing else', () => {
  const failures: Failure[] = ['none', 'api-unreachable', 'platform-destroy-fails', 'cluster-destroy-fails-half-way', 'killed-between-stages', 'aws-lists-deleted'];
  it.each(failures)('%s', async (failure) => {
    const fake = world(failure === 'aws-lists-deleted' ? { lingerCalls: 30, taggingListsDeletedFor: 10_000 } : {});
    const others = fake.present().filter((k) => fake.resources.get(k)!.owner !== 'dev/12');
    const othersState = JSON.stringify(others.map((k) => fake.resources.get(k)));
    const { ctx } = contextOf(fake, failure);
    let start = initialState('dev', '12');
    if (failure === 'killed-between-stages') {
      // The process died after recording the drain and the platform destroy, before the cluster destroy started.
      start = completeStage(completeStage(start, 'drain', 'deleted 0 objects'), 'destroy-platform');
    }
    const outcome = await runTeardown(ctx, start, () => undefined);
    const needsReaper = Object.keys(leftOf(fake, 'dev/12')).length > 0;
    if (needsReaper) await cleanupBuild(cleanupDepsOf(fake), scope);
    expect({ left: leftOf(fake, 'dev/12'), needsReaper: needsReaper && outcome.failed.length === 0 }).toEqual({ left: {}, needsReaper: false });
    for (const kind of KINDS_OF_A_BUILD) expect([kind, fake.list(kind).some((r) => r.owner === 'dev/12' && fake.present().includes(fake.key(kind, r.id)))]).toEqual([kind, false]);
    expect(fake.present().filter((k) => fake.resources.get(k)!.owner !== 'dev/12')).toEqual(others);
    expect(JSON.stringify(others.map((k) => fake.resources.get(k)))).toBe(othersState);
  });
});

describe('dropping in-cluster state', () => {
  it.each([
    ['kubernetes_manifest.argocd_apps', true],
    ['helm_release.argocd', true],
    ['kubernetes_namespace.argocd["x"]', true],
    ['module.gitops.helm_release.argocd', true],
    ['data.kubernetes_secret.cluster', true],
    ['aws_iam_role.argocd', false],
    ['data.aws_eks_cluster.this', false],
    ['aws_kms_key.kubernetes_secrets', false],
  ])('treats %s as in-cluster: %s', (address, inCluster) => {
    expect(IN_CLUSTER_STATE_ADDRESS.test(address)).toBe(inCluster);
  });

  it('synthesizes, initialises the stack folder and removes the addresses state lists', () => {
    expect(dropInClusterStateScript('dev-b-12-platform').split('\n')).toEqual([
      'set -eu',
      'npx cdktf synth >/dev/null',
      'cd cdktf.out/stacks/dev-b-12-platform',
      'terraform init -input=false >/dev/null',
      expect.stringMatching(/^terraform state list \| \{ grep -E '.+' \|\| true; \} \| tr '\\n' '\\0' \| xargs -0 -r terraform state rm$/),
    ]);
  });
});
