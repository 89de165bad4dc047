import type { PriceBook, PriceKey } from './price-list';

/** Hours in a month, for per-GB-month storage prices. */
export const HOURS_PER_MONTH = 730;

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
  /** Things found but not priced: the estimate is a lower bound when this is non-empty. */
  readonly unpriced: readonly string[];
  readonly basis: string;
}

/** The price book keys an inventory needs. */
export function priceKeysOf(inventory: CostInventory): PriceKey[] {
  const keys: PriceKey[] = [];
  if (inventory.eksClusters > 0) keys.push('eks-cluster');
  if (inventory.natGateways > 0) keys.push('nat-gateway');
  if (inventory.publicIpv4 > 0) keys.push('public-ipv4');
  for (const t of inventory.instanceTypes) keys.push(`instance:${t}`);
  for (const lb of inventory.loadBalancers) keys.push(`lb:${lb}`);
  for (const v of inventory.volumes) keys.push(`ebs:${v.type}`);
  return [...new Set(keys)];
}

export function estimateHourlyCost(inventory: CostInventory, book: PriceBook): CostEstimate {
  const lines: { item: string; usdPerHour: number }[] = [];
  const unpriced: string[] = [];
  const price = (key: PriceKey): number | undefined => (Object.prototype.hasOwnProperty.call(book.prices, key) ? book.prices[key] : undefined);
  const add = (item: string, key: PriceKey, units: number, perUnit: (usd: number) => number = (usd) => usd): void => {
    if (units <= 0) return;
    const usd = price(key);
    if (usd === undefined) unpriced.push(item);
    else lines.push({ item, usdPerHour: units * perUnit(usd) });
  };
  add(`${inventory.eksClusters} EKS control plane(s)`, 'eks-cluster', inventory.eksClusters);
  for (const type of inventory.instanceTypes) add(`instance type ${type}`, `instance:${type}`, 1);
  for (const lb of inventory.loadBalancers) add(`load balancer type ${lb}`, `lb:${lb}`, 1);
  add(`${inventory.natGateways} NAT gateway(s)`, 'nat-gateway', inventory.natGateways);
  for (const v of inventory.volumes) add(`volume type ${v.type}`, `ebs:${v.type}`, v.sizeGb, (usd) => usd / HOURS_PER_MONTH);
  add(`${inventory.publicIpv4} public IPv4 address(es)`, 'public-ipv4', inventory.publicIpv4);
  const usdPerHour = lines.reduce((sum, l) => sum + l.usdPerHour, 0);
  return { usdPerHour: Math.round(usdPerHour * 10_000) / 10_000, lines, unpriced, basis: book.basis };
}
