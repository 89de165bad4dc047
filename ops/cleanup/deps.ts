import type { AwsClients } from '../aws/clients';
import { createAwsDeleter } from './deleter';
import { withThrottleRetry } from '../aws/throttle-retry';
import { DEFAULT_CONCURRENCY } from './executor';
import { DEFAULT_RETRY, type Sleep } from '../aws/retry';
import { ROUTE53_RATE, TokenBucket } from '../aws/token-bucket';
import type { CleanupDeps } from './cleanup-build';

/** The real wiring of cleanup: one Route53 bucket shared by discovery and deletion. */
export function cleanupDeps(rawClients: AwsClients, sleep: Sleep, progress: (line: string) => void, concurrency = DEFAULT_CONCURRENCY): CleanupDeps {
  const clients = withThrottleRetry(rawClients, DEFAULT_RETRY, sleep);
  const route53 = new TokenBucket({ ...ROUTE53_RATE, now: Date.now, sleep });
  return {
    clients,
    route53,
    deleter: createAwsDeleter(clients, route53),
    execute: { concurrency, retry: DEFAULT_RETRY, sleep },
    progress,
  };
}
