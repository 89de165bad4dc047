import { HOURS_PER_MONTH, PRICE_TABLE } from './price-table';

/** What a build runs that costs money by the hour. */
export interface CostInventory {
  readonly eksClusters: number;
  readonly instanceTypes: readonly string[];
  readonly loadBalancers: readonly string[];
  readonly natGateways: number;
  readonly volumes: readonly { readonly type: string; readonly sizeGb: number }[];
  readonly publicIpv4: number;
}

export interface CostEstimate {
  readonly usdPerHour: number;
  readonly lines: readonly { readonly item: string; readonly usdPerHour: number }[];
  /** Things found but not in the price table: the estimate is a lower bound when this is non-empty. */
  readonly unpriced: readonly string[];
  readonly basis: string;
}

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, key);
}

export function estimateHourlyCost(inventory: CostInventory): CostEstimate {
  const lines: { item: string; usdPerHour: number }[] = [];
  const unpriced: string[] = [];
  const add = (item: string, usd: number): void => {
    if (usd > 0) lines.push({ item, usdPerHour: usd });
  };
  add(`${inventory.eksClusters} EKS control plane(s)`, inventory.eksClusters * PRICE_TABLE.eksClusterPerHour);
  for (const type of inventory.instanceTypes) {
    const price = PRICE_TABLE.instancePerHour[type];
    if (price === undefined) unpriced.push(`instance type ${type}`);
    else add(`instance ${type}`, price);
  }
  for (const lb of inventory.loadBalancers) {
    if (has(PRICE_TABLE.loadBalancerPerHour, lb)) add(`${lb} load balancer`, PRICE_TABLE.loadBalancerPerHour[lb]);
    else unpriced.push(`load balancer type ${lb}`);
  }
  add(`${inventory.natGateways} NAT gateway(s)`, inventory.natGateways * PRICE_TABLE.natGatewayPerHour);
  for (const v of inventory.volumes) {
    if (has(PRICE_TABLE.ebsPerGbMonth, v.type)) add(`${v.sizeGb} GB ${v.type} volume`, (v.sizeGb * PRICE_TABLE.ebsPerGbMonth[v.type]) / HOURS_PER_MONTH);
    else unpriced.push(`volume type ${v.type}`);
  }
  add(`${inventory.publicIpv4} public IPv4 address(es)`, inventory.publicIpv4 * PRICE_TABLE.publicIpv4PerHour);
  const usdPerHour = lines.reduce((sum, l) => sum + l.usdPerHour, 0);
  return {
    usdPerHour: Math.round(usdPerHour * 10_000) / 10_000,
    lines,
    unpriced,
    basis: `${PRICE_TABLE.currency} on-demand list prices, ${PRICE_TABLE.region}, pinned ${PRICE_TABLE.pinnedOn}`,
  };
}
