import { executePlan, type ResourceDeleter } from '../../../ops/cleanup/executor';
import type { PlannedDeletion } from '../../../ops/cleanup/plan';
import type { CloudResource, ResourceKind } from '../../../ops/cleanup/resource';

const planned = (kind: ResourceKind, id: string): PlannedDeletion => ({ resource: { kind, id, region: 'eu-west-2', tags: {}, attributes: {} } as CloudResource, reason: 'test' });
const options = { concurrency: 3, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, sleep: async () => undefined };

function recorder(fail: Set<string> = new Set()): ResourceDeleter & { log: string[]; maxInFlight: number } {
  let inFlight = 0;
  const d = {
    log: [] as string[],
    maxInFlight: 0,
    batchSize: (kind: ResourceKind) => (kind === 'route53-record' ? 2 : 1),
    async delete(resources: readonly CloudResource[]) {
      inFlight++;
      d.maxInFlight = Math.max(d.maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      d.log.push(resources.map((r) => r.id).join('+'));
      if (resources.some((r) => fail.has(r.id))) throw Object.assign(new Error('AccessDenied'), { name: 'AccessDenied' });
    },
  };
  return d;
}

describe('executePlan', () => {
  it('starts a kind only after every deletion of the kinds before it in its lane', async () => {
    const d = recorder();
    await executePlan([planned('elbv2-load-balancer', 'lb1'), planned('elbv2-load-balancer', 'lb2'), planned('elbv2-target-group', 'tg1'), planned('ec2-security-group', 'sg1')], d, options);
    expect(d.log.indexOf('tg1')).toBeGreaterThan(Math.max(d.log.indexOf('lb1'), d.log.indexOf('lb2')));
    expect(d.log.indexOf('sg1')).toBeGreaterThan(d.log.indexOf('tg1'));
  });

  it('keeps at most the concurrency limit in flight across lanes', async () => {
    const d = recorder();
    const plan = [...Array.from({ length: 10 }, (_, i) => planned('ec2-volume', `v${i}`)), ...Array.from({ length: 10 }, (_, i) => planned('logs-log-group', `l${i}`))];
    await executePlan(plan, d, options);
    expect(d.maxInFlight).toBe(3);
  });

  it('batches kinds the deleter batches', async () => {
    const d = recorder();
    await executePlan([planned('route53-record', 'r1'), planned('route53-record', 'r2'), planned('route53-record', 'r3')], d, options);
    expect(d.log).toEqual(['r1+r2', 'r3']);
  });

  it('records a failure and carries on with the rest', async () => {
    const outcomes = await executePlan([planned('ec2-volume', 'bad'), planned('ec2-volume', 'good')], recorder(new Set(['bad'])), options);
    expect(outcomes.map((o) => [o.resource.id, o.status])).toEqual([
      ['bad', 'failed'],
      ['good', 'deleted'],
    ]);
  });
});
