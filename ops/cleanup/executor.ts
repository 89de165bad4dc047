import { Semaphore } from './concurrency';
import type { PlannedDeletion } from './plan';
import { DELETION_LANE, type CloudResource, type ResourceKind } from './resource';
import { deleteWithRetry, type RetryPolicy, type Sleep } from '../aws/retry';

/** The I/O side of deletion: one call deletes a batch of resources of one kind (usually a batch of one). */
export interface ResourceDeleter {
  /** Throws the AWS error on failure; a NotFound error means already gone. */
  delete(resources: readonly CloudResource[]): Promise<void>;
  /** How many resources of a kind one call may delete (Route53 changes batch; most APIs take one). */
  batchSize(kind: ResourceKind): number;
}

export type OutcomeStatus = 'deleted' | 'already-gone' | 'failed';

export interface DeletionOutcome {
  readonly resource: CloudResource;
  readonly reason: string;
  readonly status: OutcomeStatus;
  readonly attempts: number;
  readonly error?: string;
}

export interface ExecuteOptions {
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  readonly sleep: Sleep;
  readonly random?: () => number;
  readonly onOutcome?: (outcome: DeletionOutcome) => void;
}

/** Default calls in flight: well inside EC2 and ELB request limits, enough to hide latency. */
export const DEFAULT_CONCURRENCY = 8;

/**
 * Deletes the plan kind by kind within each lane (DELETION_LANE): a kind
 * starts only when every deletion of the kinds before it in its lane has
 * finished; lanes run side by side, all sharing one concurrency limit. One
 * failure never stops the rest (what is left is reported; a re-run picks it up).
 */
export async function executePlan(deletions: readonly PlannedDeletion[], deleter: ResourceDeleter, options: ExecuteOptions): Promise<DeletionOutcome[]> {
  const slots = new Semaphore(options.concurrency);
  const lanes = new Map<string, PlannedDeletion[]>();
  for (const d of deletions) {
    const lane = DELETION_LANE[d.resource.kind];
    lanes.set(lane, [...(lanes.get(lane) ?? []), d]);
  }
  const results = await Promise.all(
    [...lanes.values()].map(async (lane) => {
      const outcomes: DeletionOutcome[] = [];
      for (const phase of phasesOf(lane)) {
        const size = Math.max(1, deleter.batchSize(phase[0]!.resource.kind));
        const batches: PlannedDeletion[][] = [];
        for (let i = 0; i < phase.length; i += size) batches.push(phase.slice(i, i + size));
        const done = await Promise.all(
          batches.map((batch) =>
            slots.run(async () => {
              const batchOutcomes = await runBatch(batch, deleter, options);
              batchOutcomes.forEach((o) => options.onOutcome?.(o));
              return batchOutcomes;
            }),
          ),
        );
        outcomes.push(...done.flat());
      }
      return outcomes;
    }),
  );
  return results.flat();
}

async function runBatch(batch: readonly PlannedDeletion[], deleter: ResourceDeleter, options: ExecuteOptions): Promise<DeletionOutcome[]> {
  const resources = batch.map((d) => d.resource);
  try {
    const { value, attempts } = await deleteWithRetry(() => deleter.delete(resources), options.retry, options.sleep, options.random);
    return batch.map((d) => ({ resource: d.resource, reason: d.reason, status: value, attempts }));
  } catch (err) {
    const attempts = (err as { attempts?: number }).attempts ?? options.retry.maxAttempts;
    const error = (err as Error).message ?? String(err);
    return batch.map((d) => ({ resource: d.resource, reason: d.reason, status: 'failed' as const, attempts, error }));
  }
}

function phasesOf(deletions: readonly PlannedDeletion[]): PlannedDeletion[][] {
  const phases: PlannedDeletion[][] = [];
  for (const d of deletions) {
    const current = phases[phases.length - 1];
    if (current !== undefined && current[0]!.resource.kind === d.resource.kind) current.push(d);
    else phases.push([d]);
  }
  return phases;
}
