import { loadEnvironment } from '../../../envs';
import { discoverBuild } from '../../../ops/cleanup/discovery';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';
import { TokenBucket } from '../../../ops/aws/token-bucket';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';

const dev = loadEnvironment('dev');
const bucket = (): TokenBucket => new TokenBucket({ ratePerSecond: 1000, burst: 1, now: Date.now, sleep: async () => undefined });
let fake: FakeAws;
afterEach(() => fake.restore());

function world(route53StringOrder: boolean): FakeAws {
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev), route53StringOrder, route53PageSize: 2 });
  const foundation = addFoundation(fake, dev);
  addBuild(fake, dev, '12', foundation, { ...FULL_SHAPE, records: 3, loadBalancers: 10 });
  for (const b of ['12-3', '120', '123']) addBuild(fake, dev, b, foundation, { ...FULL_SHAPE, records: 3 });
  return fake;
}

describe('discoverBuild', () => {
  it.each([false, true])('finds every record of build 12 across pages and none of 12-3, 120 or 123 (Route53 string order: %s)', async (stringOrder) => {
    const f = world(stringOrder);
    const { resources } = await discoverBuild(f.clients(), buildScope(planOf(dev, '12')), bucket());
    const names = resources.filter((r) => r.kind === 'route53-record').map((r) => r.attributes.name).sort();
    expect(names).toEqual(
      ['app0', 'app1', 'app2', '_gp-a.app0', '_gp-a.app1', '_gp-a.app2', '_3f2a9c.app0', '_acme-challenge.app0'].map((n) => `${n}.b-12.dev.goldenpathidp.io`).sort(),
    );
  });

  it('asks ELBv2 for tags only of load balancers and target groups the tagging API did not return, 20 per call', async () => {
    const f = world(false);
    await discoverBuild(f.clients(), buildScope(planOf(dev, '12')), bucket());
    // The other builds' 6 load balancers and 6 target groups take one call; build 12's 20 come with the tagging API (all 32 would take two).
    expect(f.calls.filter((c) => c === 'ELB.DescribeTags')).toHaveLength(1);
  });
});
