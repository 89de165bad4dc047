import type { Sleep } from './retry';

export interface TokenBucketOptions {
  readonly ratePerSecond: number;
  /** Tokens available at once; 1 spreads calls evenly. */
  readonly burst: number;
  readonly now: () => number;
  readonly sleep: Sleep;
}

/**
 * Rate limiter shared by every caller of one API. Takers are served in order,
 * so concurrent callers cannot overtake one another and exceed the rate.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: TokenBucketOptions) {
    if (options.ratePerSecond <= 0 || options.burst < 1) {
      throw new Error(`token bucket needs ratePerSecond > 0 and burst >= 1 (got ${options.ratePerSecond}, ${options.burst})`);
    }
    this.tokens = options.burst;
    this.last = options.now();
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn;
    return turn;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = this.options.now();
      this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.ratePerSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.options.sleep(Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000));
    }
  }
}

/** Route53 allows 5 requests per second per account; stay below it with room for other callers. */
export const ROUTE53_RATE = { ratePerSecond: 4, burst: 1 } as const;
