/**
 * Orphan cleanup of one build with 300 resources behind the stateful fake AWS
 * at 50 ms per call: the tool (parallel discovery, bounded-concurrency
 * deletion, batched Route53) against a one-call-at-a-time sequential baseline
 * of the same plan, in the same run.
 * Targets: wall time <= 0.25 x baseline; discovery calls <= resources/100 + 20.
 */
import { loadEnvironment } from '../envs';
import type { AwsClients } from '../ops/aws/clients';
import { createAwsDeleter } from '../ops/cleanup/deleter';
import { withThrottleRetry } from '../ops/aws/throttle-retry';
import { DEFAULT_CONCURRENCY } from '../ops/cleanup/executor';
import { DEFAULT_RETRY, realSleep } from '../ops/aws/retry';
import { buildScope } from '../ops/cleanup/scope';
import { planOf } from '../ops/command-context';
import { ROUTE53_RATE, TokenBucket } from '../ops/aws/token-bucket';
import { planBuildCleanup, runBuildCleanup, type CleanupDeps } from '../ops/cleanup/cleanup-build';
import { addBuild, addFoundation, FakeAws, zoneOf, type BuildShape } from '../test/ops/support/fake-account.fixture';

const LATENCY_MS = 50;
const RESOURCES = 300;
const env = loadEnvironment('dev');
const BUILD = '26-01-23-01';

/** 25 load balancers (LB, target group, security group, ENI each), 30 names (A + TXT), 13 fixed, the rest volumes: 300 in all. */
const SHAPE: BuildShape = { controllerTagsOnly: false, ownVpc: true, loadBalancers: 25, records: 30, taggedRoles: true, volumes: RESOURCES - 25 * 4 - 30 * 2 - 13 };

/** Serializes every call of every client: exactly one request in flight. */
function oneCallAtATime(clients: AwsClients): AwsClients {
  let chain: Promise<unknown> = Promise.resolve();
  const wrapped: Record<string, unknown> = { region: clients.region };
  for (const [name, client] of Object.entries(clients)) {
    if (name === 'region') continue;
    wrapped[name] = new Proxy(client as object, {
      get(target, prop, receiver) {
        if (prop !== 'send') return Reflect.get(target, prop, receiver);
        const send = (target as { send: (...a: unknown[]) => Promise<unknown> }).send.bind(target);
        return (...args: unknown[]) => {
          const turn = chain.then(() => send(...args));
          chain = turn.catch(() => undefined);
          return turn;
        };
      },
    });
  }
  return wrapped as unknown as AwsClients;
}

interface Run {
  readonly label: string;
  readonly resources: number;
  readonly discoveryCalls: number;
  readonly totalCalls: number;
  readonly wallMs: number;
  readonly left: number;
}

async function run(label: string, sequential: boolean): Promise<Run> {
  const fake = new FakeAws({ account: env.account.id, region: env.account.region, zone: zoneOf(env), latencyMs: LATENCY_MS });
  try {
    const foundation = addFoundation(fake, env);
    const resources = addBuild(fake, env, BUILD, foundation, SHAPE).length + SHAPE.records * 2;
    const raw = fake.clients();
    const clients = withThrottleRetry(sequential ? oneCallAtATime(raw) : raw, DEFAULT_RETRY, realSleep);
    const route53 = new TokenBucket({ ...ROUTE53_RATE, now: Date.now, sleep: realSleep });
    const deps: CleanupDeps = {
      clients,
      route53,
      deleter: createAwsDeleter(clients, route53),
      execute: { concurrency: sequential ? 1 : DEFAULT_CONCURRENCY, retry: DEFAULT_RETRY, sleep: realSleep },
      progress: () => undefined,
    };
    const start = Date.now();
    const planned = await planBuildCleanup(deps, buildScope(planOf(env, BUILD)));
    const discoveryCalls = fake.calls.length;
    const report = await runBuildCleanup(deps, planned);
    return { label, resources, discoveryCalls, totalCalls: fake.calls.length, wallMs: Date.now() - start, left: report.left + fake.present().filter((k) => fake.resources.get(k)?.owner === `dev/${BUILD}`).length };
  } finally {
    fake.restore();
  }
}

async function main(): Promise<void> {
  const tool = await run('goldenpath orphans', false);
  const baseline = await run('sequential baseline', true);
  for (const r of [tool, baseline]) {
    console.log(`${r.label.padEnd(20)} resources ${r.resources}  discovery calls ${r.discoveryCalls}  total calls ${r.totalCalls}  wall ${(r.wallMs / 1000).toFixed(2)} s  left ${r.left}`);
  }
  const ratio = tool.wallMs / baseline.wallMs;
  const callBudget = tool.resources / 100 + 20;
  const wallOk = ratio <= 0.25;
  const callsOk = tool.discoveryCalls <= callBudget;
  console.log(`wall time ratio ${ratio.toFixed(3)} (target <= 0.25): ${wallOk ? 'met' : 'NOT met'}`);
  console.log(`discovery calls ${tool.discoveryCalls} (target <= ${callBudget}): ${callsOk ? 'met' : 'NOT met'}`);
  console.log(`all resources deleted: ${tool.left === 0 && baseline.left === 0 ? 'yes' : 'NO'}`);
  if (!wallOk || !callsOk || tool.left > 0 || baseline.left > 0) process.exitCode = 1;
}

void main();
