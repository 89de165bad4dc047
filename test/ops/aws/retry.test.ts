import { backoffDelay, deleteWithRetry, RetriesExhausted } from '../../../ops/aws/retry';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 };
const awsError = (name: string): Error => Object.assign(new Error(name), { name });

function failing(...errors: Error[]): () => Promise<void> {
  let call = 0;
  return async () => {
    const e = errors[call++];
    if (e !== undefined) throw e;
  };
}

describe('deleteWithRetry', () => {
  it('retries throttling and dependency violations, then succeeds', async () => {
    const sleeps: number[] = [];
    const result = await deleteWithRetry(failing(awsError('Throttling'), awsError('DependencyViolation')), policy, async (ms) => void sleeps.push(ms), () => 0.5);
    expect(result).toEqual({ value: 'deleted', attempts: 3 });
    expect(sleeps).toHaveLength(2);
  });

  it('counts NotFound as already done', async () => {
    expect(await deleteWithRetry(failing(awsError('InvalidGroup.NotFound')), policy, async () => undefined)).toEqual({ value: 'already-gone', attempts: 1 });
  });

  it('rethrows an error that waiting cannot fix', async () => {
    await expect(deleteWithRetry(failing(awsError('UnauthorizedOperation')), policy, async () => undefined)).rejects.toThrow('UnauthorizedOperation');
  });

  it('gives up after the last attempt', async () => {
    const always = async (): Promise<void> => {
      throw awsError('DependencyViolation');
    };
    await expect(deleteWithRetry(always, policy, async () => undefined)).rejects.toBeInstanceOf(RetriesExhausted);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 0.999999))).toEqual([100, 200, 250, 250]);
  });
});
