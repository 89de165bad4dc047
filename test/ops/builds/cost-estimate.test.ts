import { estimateHourlyCost, type CostInventory } from '../../../ops/builds/cost-estimate';
import { PRICE_TABLE } from '../../../ops/builds/price-table';

const EMPTY_INVENTORY: CostInventory = { eksClusters: 0, instanceTypes: [], loadBalancers: [], natGateways: 0, volumes: [], publicIpv4: 0 };

describe('estimateHourlyCost', () => {
  it('adds control plane, nodes, load balancers, NAT, volumes and public IPs from the pinned table', () => {
    const estimate = estimateHourlyCost({
      eksClusters: 1,
      instanceTypes: ['t3.large', 't3.large'],
      loadBalancers: ['network'],
      natGateways: 1,
      volumes: [{ type: 'gp3', sizeGb: 730 }],
      publicIpv4: 2,
    });
    const expected = 0.1 + 2 * 0.0944 + 0.02646 + 0.05 + 0.0928 + 2 * 0.005;
    expect(estimate.usdPerHour).toBeCloseTo(expected, 4);
    expect(estimate.unpriced).toEqual([]);
  });

  it('names what the table has no price for instead of pricing it at zero silently', () => {
    expect(estimateHourlyCost({ ...EMPTY_INVENTORY, instanceTypes: ['x9.huge'] }).unpriced).toEqual(['instance type x9.huge']);
  });

  it('states the region and date of its prices', () => {
    expect(estimateHourlyCost(EMPTY_INVENTORY).basis).toBe(`USD on-demand list prices, ${PRICE_TABLE.region}, pinned ${PRICE_TABLE.pinnedOn}`);
  });
});
