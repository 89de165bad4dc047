import { loadEnvironment } from '../../../envs';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';
import { buildLoadBalancersAndVolumes, clusterEndpoint } from '../../../ops/teardown/aws-facts';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';

const dev = loadEnvironment('dev');
let fake: FakeAws;
afterEach(() => fake.restore());

function world(): FakeAws {
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  const foundation = addFoundation(fake, dev);
  addBuild(fake, dev, '12', foundation, { ...FULL_SHAPE, loadBalancers: 2, volumes: 3 });
  addBuild(fake, dev, '123', foundation, FULL_SHAPE);
  return fake;
}

describe('teardown AWS facts', () => {
  it('counts the build load balancers and volumes, whether tagged by us or only by the controllers', async () => {
    const f = world();
    expect(await buildLoadBalancersAndVolumes(f.clients(), buildScope(planOf(dev, '12')))).toBe(5);
    addBuild(f, dev, '12', addFoundation(f, dev), { ...FULL_SHAPE, controllerTagsOnly: true, loadBalancers: 1, volumes: 1 });
    expect(await buildLoadBalancersAndVolumes(f.clients(), buildScope(planOf(dev, '12')))).toBe(7);
  });

  it('reads a cluster that no longer exists as gone', async () => {
    const f = world();
    f.resources.delete(f.key('cluster', 'goldenpath-dev-b-12'));
    expect(await clusterEndpoint(f.clients(), buildScope(planOf(dev, '12')).clusterName)).toBeUndefined();
  });

  it('returns the endpoint and CA of a live cluster', async () => {
    const f = world();
    f.add({ kind: 'cluster', id: 'goldenpath-dev-b-12', tags: {}, owner: 'dev/12' });
    expect(await clusterEndpoint(f.clients(), 'goldenpath-dev-b-12')).toMatchObject({ server: 'https://127.0.0.1:1', caData: '', status: 'ACTIVE' });
  });

  it('reads a cluster that is being deleted as gone', async () => {
    const f = world();
    f.add({ kind: 'cluster', id: 'goldenpath-dev-b-12', tags: {}, owner: 'dev/12', status: 'DELETING' });
    expect(await clusterEndpoint(f.clients(), 'goldenpath-dev-b-12')).toBeUndefined();
  });
});
