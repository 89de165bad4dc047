import type { Plan } from '../../contract/plan';
import { classifyAwsFailure, type AwsFailure } from '../aws/failure';
import type { CleanupReport } from '../cleanup/cleanup-build';
import type { BuildScope } from '../cleanup/scope';
import type { KubeApi } from '../kube/kube-api';
import type { Runtime } from '../runtime';
import type { BuildCluster } from './aws-facts';
import { drainCluster } from './drain';
import { completeStage, noteStage, remainingStages, type TeardownStage, type TeardownState } from './stages';

/** What every stage may use; the command wires the real AWS, Kubernetes and cdktf behind it. */
export interface TeardownContext {
  readonly env: string;
  readonly scope: BuildScope;
  /** The build's platform and cluster stacks: names and the selection variables that synthesize them. */
  readonly stacks: Pick<Plan['stacks'], 'platform' | 'cluster'>;
  readonly runtime: Pick<Runtime, 'run' | 'sleep' | 'now'>;
  readonly progress: (line: string) => void;
  readonly drainTimeoutMs: number;
  readonly drainPollMs: number;
  /** The build's cluster as it is now (undefined when gone or deleting). */
  readonly cluster: () => Promise<BuildCluster | undefined>;
  readonly kube: (cluster: BuildCluster) => KubeApi;
  /** How many of the build's load balancers and volumes AWS still shows. */
  readonly awsLeft: () => Promise<number>;
  readonly cleanup: () => Promise<CleanupReport>;
}

export interface StageResult {
  /** false: the stage did not finish; the teardown goes on where that is safe, and a re-run repeats the stage. */
  readonly ok: boolean;
  readonly note: string;
  /** Fields the stage sets on the state (e.g. the drain finding the API unreachable). */
  readonly state?: Partial<Pick<TeardownState, 'apiUnreachable'>>;
  readonly cleanup?: CleanupReport;
}

export type StageRun = (ctx: TeardownContext, state: TeardownState) => Promise<StageResult>;

/**
 * The drain: bounded and best-effort. It deletes what makes AWS resources
 * outside Terraform state and waits (up to the drain timeout) for AWS to show
 * them gone. An unreachable API or a gone cluster never stops the teardown:
 * the orphan cleanup takes what the drain could not.
 */
export const drainStage: StageRun = async (ctx) => {
  const cluster = await ctx.cluster();
  if (cluster === undefined) return { ok: true, note: `cluster ${ctx.scope.clusterName} gone: nothing to drain`, state: { apiUnreachable: true } };
  try {
    const result = await drainCluster(ctx.kube(cluster), {
      awsLeft: ctx.awsLeft,
      timeoutMs: ctx.drainTimeoutMs,
      pollMs: ctx.drainPollMs,
      sleep: ctx.runtime.sleep,
      now: () => ctx.runtime.now().getTime(),
      progress: ctx.progress,
    });
    const note = result.timedOut ? `timed out with ${result.awsLeft} load balancer(s)/volume(s) left; orphan cleanup takes them` : `deleted ${result.deleted} objects`;
    return { ok: true, note, state: { apiUnreachable: false } };
  } catch (err) {
    // No credentials to sign the cluster token fails every later stage too: that is not an unreachable API.
    if (isCredentialsFailure(classifyAwsFailure(err))) throw err;
    return { ok: true, note: `cluster API not reachable (${(err as Error).message}): drain skipped, orphan cleanup takes what it would have deleted`, state: { apiUnreachable: true } };
  }
};

/** Failures no later stage can get past: the teardown stops, with the failure's own exit code. */
function isCredentialsFailure(failure: AwsFailure | undefined): boolean {
  return failure !== undefined && (failure.kind === 'credentials' || failure.kind === 'expired-credentials' || failure.kind === 'invalid-credentials');
}

/** Addresses of in-cluster objects in a stack's state: they live in the cluster's etcd and die with it. */
export const IN_CLUSTER_STATE_ADDRESS = /^(module\.[^ ]+\.)?(data\.)?(kubernetes|helm)_[a-z0-9_]+\./;

/**
 * A shell script, run in the project folder, that drops every in-cluster
 * object from a stack's state: synth, init the stack's folder, then
 * `terraform state rm` each address `terraform state list` shows (NUL-separated,
 * so addresses with quotes pass through intact).
 */
export function dropInClusterStateScript(stack: string): string {
  return [
    'set -eu',
    'npx cdktf synth >/dev/null',
    `cd cdktf.out/stacks/${stack}`,
    'terraform init -input=false >/dev/null',
    `terraform state list | { grep -E '${IN_CLUSTER_STATE_ADDRESS.source}' || true; } | tr '\\n' '\\0' | xargs -0 -r terraform state rm`,
  ].join('\n');
}

function selectionVars(ctx: TeardownContext, kind: 'platform' | 'cluster'): Record<string, string> {
  return { ...ctx.stacks[kind].variables, CHECKPOINT_DISABLE: '1' };
}

function destroy(ctx: TeardownContext, kind: 'platform' | 'cluster'): Promise<number> {
  return ctx.runtime.run('npx', ['cdktf', 'destroy', ctx.stacks[kind].name, '--auto-approve'], selectionVars(ctx, kind));
}

/**
 * The platform destroy. When the cluster API cannot be reached its in-cluster
 * objects cannot be deleted and need not be (they die with the cluster): they
 * are dropped from the build's state first, and the destroy takes the rest.
 */
export const destroyPlatformStage: StageRun = async (ctx, state) => {
  const stack = ctx.stacks.platform.name;
  let dropped = false;
  if (state.apiUnreachable === true) {
    ctx.progress(`destroy-platform: cluster API unreachable: dropping in-cluster objects from the state of ${stack}`);
    const exit = await ctx.runtime.run('sh', ['-c', dropInClusterStateScript(stack)], selectionVars(ctx, 'platform'));
    if (exit !== 0) return { ok: false, note: `dropping in-cluster objects from the state of ${stack} exited ${exit}` };
    dropped = true;
  }
  const exit = await destroy(ctx, 'platform');
  if (exit !== 0) return { ok: false, note: `cdktf destroy ${stack} exited ${exit}; the cluster destroy and the cleanup run anyway` };
  return { ok: true, note: dropped ? 'in-cluster objects dropped from state (API unreachable), the rest destroyed' : `${stack} destroyed` };
};

/** The cluster destroy: EKS, nodes, IRSA, key, bucket. A failure half-way leaves the rest to the cleanup that follows. */
export const destroyClusterStage: StageRun = async (ctx) => {
  const stack = ctx.stacks.cluster.name;
  const exit = await destroy(ctx, 'cluster');
  if (exit !== 0) return { ok: false, note: `cdktf destroy ${stack} exited ${exit}; the cleanup deletes what it left` };
  return { ok: true, note: `${stack} destroyed` };
};

/** The orphan cleanup scoped to the build. Unmanaged leftovers are findings, not a failure: a re-run could not delete them either. */
export const cleanupStage: StageRun = async (ctx) => {
  const report = await ctx.cleanup();
  const unmanaged = report.unsupported.length > 0 ? `, ${report.unsupported.length} unmanaged (see the hints)` : '';
  if (report.left > 0) return { ok: false, note: `${report.left} resource(s) could not be deleted${unmanaged}`, cleanup: report };
  return { ok: true, note: `deleted ${report.deleted}${unmanaged}`, cleanup: report };
};

/** stage → run: the teardown, in order. */
export const TEARDOWN_STAGE_TABLE: Readonly<Record<TeardownStage, StageRun>> = {
  drain: drainStage,
  'destroy-platform': destroyPlatformStage,
  'destroy-cluster': destroyClusterStage,
  orphans: cleanupStage,
};

export interface TeardownOutcome {
  readonly state: TeardownState;
  readonly failed: readonly TeardownStage[];
  readonly cleanup?: CleanupReport;
  /** Set when the teardown stopped on a failure outside the tool (no or expired credentials): its exit code. */
  readonly stoppedBy?: AwsFailure;
}

/**
 * stage → run → record, for every stage not yet completed. A failed stage is
 * noted and the next one still runs (the cluster destroy and the cleanup must
 * run whatever happened before them); it stays incomplete, so a re-run
 * repeats it. `record` persists the state after every stage.
 */
export interface RunOptions {
  readonly table?: Readonly<Record<TeardownStage, StageRun>>;
  /** Runs around each stage (the live progress of a terminal); by default the stage alone. */
  readonly around?: <T>(stage: TeardownStage, work: () => Promise<T>) => Promise<T>;
}

export async function runTeardown(ctx: TeardownContext, start: TeardownState, record: (state: TeardownState) => void, options: RunOptions = {}): Promise<TeardownOutcome> {
  const table = options.table ?? TEARDOWN_STAGE_TABLE;
  const around = options.around ?? (<T>(_: TeardownStage, work: () => Promise<T>) => work());
  let state = start;
  const failed: TeardownStage[] = [];
  let cleanup: CleanupReport | undefined;
  for (const stage of remainingStages(state)) {
    let result: StageResult;
    try {
      const current = state;
      result = await around(stage, () => table[stage](ctx, current));
    } catch (err) {
      const failure = classifyAwsFailure(err);
      ctx.progress(`${stage}: failed: ${failure === undefined ? (err as Error).message : `${failure.message} — ${failure.hint}`}; re-run teardown to resume here`);
      if (failure !== undefined && isCredentialsFailure(failure)) {
        failed.push(stage);
        record(noteStage(state, stage, `failed: ${failure.message}`));
        return { state: noteStage(state, stage, `failed: ${failure.message}`), failed, cleanup, stoppedBy: failure };
      }
      result = { ok: false, note: `failed: ${failure?.message ?? (err as Error).message}` };
    }
    state = { ...state, ...result.state };
    state = result.ok ? completeStage(state, stage, result.note) : noteStage(state, stage, result.note);
    record(state);
    cleanup = result.cleanup ?? cleanup;
    if (!result.ok) failed.push(stage);
    ctx.progress(`${stage}: ${result.ok ? '' : 'FAILED: '}${result.note}`);
  }
  return { state, failed, cleanup };
}
