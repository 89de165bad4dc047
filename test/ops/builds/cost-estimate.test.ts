import { estimateHourlyCost, priceKeysOf, type CostInventory } from '../../../ops/builds/cost-estimate';
import { fallbackPrices } from '../../../ops/builds/price-list';
import { PRICE_TABLE } from '../../../ops/builds/price-table';

const EMPTY_INVENTORY: CostInventory = { eksClusters: 0, instanceTypes: [], loadBalancers: [], natGateways: 0, volumes: [], publicIpv4: 0 };
const table = fallbackPrices('eu-west-2', 'test');

describe('estimateHourlyCost', () => {
  it('adds control plane, nodes, load balancers, NAT, volumes and public IPs', () => {
    const estimate = estimateHourlyCost({ eksClusters: 1, instanceTypes: ['t3.large', 't3.large'], loadBalancers: ['network'], natGateways: 1, volumes: [{ type: 'gp3', sizeGb: 730 }], publicIpv4: 2 }, table);
    const expected = 0.1 + 2 * 0.0944 + 0.02646 + 0.05 + 0.0928 + 2 * 0.005;
    expect(estimate.usdPerHour).toBeCloseTo(expected, 4);
    expect(estimate.unpriced).toEqual([]);
  });

  it('names what the book has no price for instead of pricing it at zero silently', () => {
    expect(estimateHourlyCost({ ...EMPTY_INVENTORY, instanceTypes: ['x9.huge'] }, table).unpriced).toEqual(['instance type x9.huge']);
  });

  it("carries the book's basis", () => {
    expect(estimateHourlyCost(EMPTY_INVENTORY, table).basis).toBe(table.basis);
  });

  it('asks for each price once', () => {
    expect(priceKeysOf({ eksClusters: 1, instanceTypes: ['t3.large', 't3.large'], loadBalancers: ['network'], natGateways: 2, volumes: [{ type: 'gp3', sizeGb: 1 }, { type: 'gp3', sizeGb: 2 }], publicIpv4: 0 }).sort()).toEqual([
      'ebs:gp3',
      'eks-cluster',
      'instance:t3.large',
      'lb:network',
      'nat-gateway',
    ]);
  });
});

describe('fallbackPrices', () => {
  it('is dated and labelled as the offline fallback, with the reason', () => {
    expect(fallbackPrices('eu-west-2', 'no network')).toMatchObject({ source: 'fallback', basis: `OFFLINE FALLBACK: built-in table of USD on-demand list prices for eu-west-2 dated ${PRICE_TABLE.pinnedOn} (the Price List API could not be asked: no network)` });
  });

  it('says when the table is for another region than the env', () => {
    expect(fallbackPrices('us-east-1', 'x').basis).toMatch(/for eu-west-2 dated .*, used for us-east-1/);
  });
});
