import { ROUTE53_RATE, TokenBucket } from '../../../ops/aws/token-bucket';

/** A clock that only moves when someone sleeps. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

describe('TokenBucket', () => {
  it('never lets more than 5 Route53 calls through in any one-second window', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ...ROUTE53_RATE, ...clock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 40 }, () => bucket.take().then(() => times.push(clock.now()))));
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
  });

  it('serves 40 takers in about 40 / rate seconds', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 4, burst: 1, ...clock });
    await Promise.all(Array.from({ length: 40 }, () => bucket.take()));
    expect(clock.now()).toBeGreaterThanOrEqual(9_750);
    expect(clock.now()).toBeLessThanOrEqual(10_000);
  });

  it('lets a burst through without waiting', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 3, ...clock });
    await Promise.all([bucket.take(), bucket.take(), bucket.take()]);
    expect(clock.now()).toBe(0);
  });

  it('rejects a rate that could never refill', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1, ...fakeClock() })).toThrow(/ratePerSecond > 0/);
  });
});
