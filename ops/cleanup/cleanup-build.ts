import type { AwsClients } from '../aws/clients';
import { discoverBuild } from './discovery';
import { executePlan, type DeletionOutcome, type ExecuteOptions, type ResourceDeleter } from './executor';
import { planCleanup, type CleanupPlan } from './plan';
import type { UnsupportedResource } from './resource';
import type { BuildScope } from './scope';
import type { TokenBucket } from '../aws/token-bucket';

export interface CleanupDeps {
  readonly clients: AwsClients;
  readonly route53: TokenBucket;
  readonly deleter: ResourceDeleter;
  readonly execute: ExecuteOptions;
  readonly progress: (line: string) => void;
}

export interface PlannedCleanup {
  readonly scope: BuildScope;
  readonly plan: CleanupPlan;
  readonly unsupported: readonly UnsupportedResource[];
}

export interface CleanupReport extends PlannedCleanup {
  /** Absent in a dry run. */
  readonly outcomes?: readonly DeletionOutcome[];
  readonly deleted: number;
  /** Still there afterwards: planned but not deleted (all of them in a dry run) or failed; a re-run retries them. */
  readonly left: number;
}

export async function planBuildCleanup(deps: CleanupDeps, scope: BuildScope): Promise<PlannedCleanup> {
  deps.progress(`[${scope.buildId}] discovering resources of cluster ${scope.clusterName} in ${scope.region}`);
  const discovery = await discoverBuild(deps.clients, scope, deps.route53);
  const plan = planCleanup(discovery.resources, scope);
  deps.progress(
    `[${scope.buildId}] ${plan.deletions.length} to delete, ${plan.going.length} already going, ${plan.skipped.length} protected or foreign, ${discovery.unsupported.length} unmanaged`,
  );
  return { scope, plan, unsupported: discovery.unsupported };
}

export function dryRunReport(planned: PlannedCleanup): CleanupReport {
  return { ...planned, deleted: 0, left: planned.plan.deletions.length };
}

export async function runBuildCleanup(deps: CleanupDeps, planned: PlannedCleanup): Promise<CleanupReport> {
  const total = planned.plan.deletions.length;
  let done = 0;
  const outcomes = await executePlan(planned.plan.deletions, deps.deleter, {
    ...deps.execute,
    onOutcome: (o) => {
      done++;
      deps.progress(`[${planned.scope.buildId}] ${done}/${total} ${o.status} ${o.resource.kind} ${o.resource.id}${o.error ? `: ${o.error}` : ''}`);
    },
  });
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  return {
    ...planned,
    outcomes,
    deleted: outcomes.filter((o) => o.status === 'deleted').length,
    left: failed,
  };
}

/** Discover, plan and delete one build's leftovers. */
export async function cleanupBuild(deps: CleanupDeps, scope: BuildScope): Promise<CleanupReport> {
  return runBuildCleanup(deps, await planBuildCleanup(deps, scope));
}
