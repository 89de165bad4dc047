import { isNotFound, isRetryable } from './errors';

export interface RetryPolicy {
  /** Attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Enough for a load balancer's network interfaces to drain (a few minutes) before we give up. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 30_000 };

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter; `random` in [0, 1). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

export type DeleteResult = 'deleted' | 'already-gone';

export interface Attempted<T> {
  readonly value: T;
  readonly attempts: number;
}

export class RetriesExhausted extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`gave up after ${attempts} attempts: ${(lastError as Error)?.message ?? String(lastError)}`);
    this.name = 'RetriesExhausted';
  }
}

/**
 * Runs a deletion, retrying throttling and dependency violations with backoff.
 * NotFound means another run (or AWS) finished the job: it counts as done.
 */
export async function deleteWithRetry(
  run: () => Promise<void>,
  policy: RetryPolicy,
  sleep: Sleep,
  random: () => number = Math.random,
): Promise<Attempted<DeleteResult>> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return { value: 'deleted', attempts: attempt };
    } catch (err) {
      if (isNotFound(err)) return { value: 'already-gone', attempts: attempt };
      if (!isRetryable(err)) throw Object.assign(err as object, { attempts: attempt });
      if (attempt >= policy.maxAttempts) throw new RetriesExhausted(attempt, err);
      await sleep(backoffDelay(attempt, policy, random));
    }
  }
}
