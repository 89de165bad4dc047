import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeAwsFailure } from '../aws/failure';
import { PRICE_TABLE } from './price-table';

/**
 * What a build pays for by the hour, as keys of a price book: `eks-cluster`,
 * `nat-gateway`, `public-ipv4`, `instance:<type>`, `lb:<application|network|gateway>`
 * (USD per hour) and `ebs:<volume type>` (USD per GB-month).
 */
export type PriceKey = string;

export interface PriceBook {
  readonly region: string;
  /** USD per unit by key; a key missing here is unpriced. */
  readonly prices: Readonly<Record<PriceKey, number>>;
  /** `price-list-api` (fetched now or from a cache under a day old) or `fallback` (the built-in table, when the API could not be asked). */
  readonly source: 'price-list-api' | 'fallback';
  /** One line saying where the prices come from, with its date. */
  readonly basis: string;
}

/** Prices read from the API are kept this long. */
export const PRICE_CACHE_TTL_MS = 24 * 3_600_000;

interface ProductQuery {
  readonly serviceCode: string;
  readonly filters: Readonly<Record<string, string>>;
  /** A fragment of the usage type the API matches with CONTAINS; the product's usage type must end with it (`EUW2-BoxUsage:m5.large`). */
  readonly usageType: string;
}

const EBS_USAGE: Readonly<Record<string, string>> = { gp3: 'EBS:VolumeUsage.gp3', gp2: 'EBS:VolumeUsage.gp2', io1: 'EBS:VolumeUsage.piops', io2: 'EBS:VolumeUsage.io2', st1: 'EBS:VolumeUsage.st1', sc1: 'EBS:VolumeUsage.sc1', standard: 'EBS:VolumeUsage' };
const LB_FAMILY: Readonly<Record<string, string>> = { application: 'Load Balancer-Application', network: 'Load Balancer-Network', gateway: 'Load Balancer-Gateway' };

/** The Price List query of one key (on-demand, shared-tenancy Linux for instances), or undefined for a key it cannot price. */
export function productQuery(key: PriceKey): ProductQuery | undefined {
  const [kind, arg = ''] = key.split(/:(.*)/s) as [string, string?];
  if (key === 'eks-cluster') return { serviceCode: 'AmazonEKS', filters: {}, usageType: 'AmazonEKS-Hours:perCluster' };
  if (key === 'nat-gateway') return { serviceCode: 'AmazonEC2', filters: { productFamily: 'NAT Gateway' }, usageType: 'NatGateway-Hours' };
  if (key === 'public-ipv4') return { serviceCode: 'AmazonVPC', filters: {}, usageType: 'PublicIPv4:InUseAddress' };
  if (kind === 'instance' && /^[a-z0-9-]+\.[a-z0-9]+$/.test(arg)) {
    return {
      serviceCode: 'AmazonEC2',
      filters: { instanceType: arg, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required' },
      usageType: `BoxUsage:${arg}`,
    };
  }
  if (kind === 'lb' && LB_FAMILY[arg] !== undefined) return { serviceCode: 'AWSELB', filters: { productFamily: LB_FAMILY[arg] }, usageType: 'LoadBalancerUsage' };
  if (kind === 'ebs' && EBS_USAGE[arg] !== undefined) return { serviceCode: 'AmazonEC2', filters: { productFamily: 'Storage', volumeApiName: arg }, usageType: EBS_USAGE[arg] };
  return undefined;
}

interface PriceListProduct {
  readonly product?: { readonly attributes?: Readonly<Record<string, string>> };
  readonly terms?: { readonly OnDemand?: Readonly<Record<string, { readonly priceDimensions?: Readonly<Record<string, { readonly pricePerUnit?: { readonly USD?: string } }>> }>> };
}

/** The on-demand USD price of the products that are this query's (usage type ends with it), the highest when several; undefined when none. */
export function priceOf(priceList: readonly string[], query: ProductQuery): number | undefined {
  const prices: number[] = [];
  for (const text of priceList) {
    let product: PriceListProduct;
    try {
      product = JSON.parse(text) as PriceListProduct;
    } catch {
      continue;
    }
    const usageType = product.product?.attributes?.usagetype ?? '';
    if (usageType !== query.usageType && !usageType.endsWith(`-${query.usageType}`)) continue;
    for (const term of Object.values(product.terms?.OnDemand ?? {})) {
      for (const dimension of Object.values(term.priceDimensions ?? {})) {
        const usd = Number(dimension.pricePerUnit?.USD);
        if (Number.isFinite(usd) && usd > 0) prices.push(usd);
      }
    }
  }
  return prices.length === 0 ? undefined : Math.max(...prices);
}

const MAX_PAGES = 5;

async function fetchPrice(pricing: PricingClient, region: string, query: ProductQuery): Promise<number | undefined> {
  const filters = [
    { Type: 'TERM_MATCH' as const, Field: 'regionCode', Value: region },
    ...Object.entries(query.filters).map(([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value })),
    { Type: 'CONTAINS' as const, Field: 'usagetype', Value: query.usageType },
  ];
  const list: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await pricing.send(new GetProductsCommand({ ServiceCode: query.serviceCode, FormatVersion: 'aws_v1', Filters: filters, MaxResults: 100, NextToken: token }));
    list.push(...(out.PriceList ?? []));
    token = out.NextToken;
    if (token === undefined || token === '') break;
  }
  return priceOf(list, query);
}

interface PriceCache {
  readonly region: string;
  readonly entries: Record<PriceKey, { readonly usd: number; readonly fetchedAt: string }>;
}

function readCache(file: string, region: string): PriceCache {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as PriceCache;
    if (cache.region === region && typeof cache.entries === 'object' && cache.entries !== null) return cache;
  } catch {
    // Missing or damaged: start over; the cache only saves calls.
  }
  return { region, entries: {} };
}

function writeCache(file: string, cache: PriceCache): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(cache, null, 2)}\n`);
    renameSync(temp, file);
  } catch {
    // A read-only disk costs the next run a few calls, nothing more.
  }
}

/** The built-in table as a price book: dated and labelled, never passed off as live. */
export function fallbackPrices(region: string, reason: string): PriceBook {
  const prices: Record<PriceKey, number> = {
    'eks-cluster': PRICE_TABLE.eksClusterPerHour,
    'nat-gateway': PRICE_TABLE.natGatewayPerHour,
    'public-ipv4': PRICE_TABLE.publicIpv4PerHour,
  };
  for (const [type, usd] of Object.entries(PRICE_TABLE.instancePerHour)) prices[`instance:${type}`] = usd;
  for (const [type, usd] of Object.entries(PRICE_TABLE.loadBalancerPerHour)) prices[`lb:${type}`] = usd;
  for (const [type, usd] of Object.entries(PRICE_TABLE.ebsPerGbMonth)) prices[`ebs:${type}`] = usd;
  const elsewhere = region === PRICE_TABLE.region ? '' : `, used for ${region}`;
  return {
    region,
    prices,
    source: 'fallback',
    basis: `OFFLINE FALLBACK: built-in table of ${PRICE_TABLE.currency} on-demand list prices for ${PRICE_TABLE.region} dated ${PRICE_TABLE.pinnedOn}${elsewhere} (the Price List API could not be asked: ${reason})`,
  };
}

export interface LivePricesInput {
  readonly pricing: PricingClient;
  readonly region: string;
  readonly keys: readonly PriceKey[];
  readonly cacheFile: string;
  readonly now: Date;
}

/**
 * Hourly prices from the AWS Price List API (pricing:GetProducts), each kept a
 * day in the cache file. When the API cannot be asked (no network, no right
 * to call it), the whole book is the built-in table, labelled as such.
 */
export async function livePrices(input: LivePricesInput): Promise<PriceBook> {
  const cache = readCache(input.cacheFile, input.region);
  const fresh = (key: PriceKey): boolean => {
    const entry = cache.entries[key];
    return entry !== undefined && input.now.getTime() - Date.parse(entry.fetchedAt) < PRICE_CACHE_TTL_MS && Date.parse(entry.fetchedAt) <= input.now.getTime();
  };
  const prices: Record<PriceKey, number> = {};
  const keys = [...new Set(input.keys)].sort();
  let fetched = 0;
  for (const key of keys) {
    if (fresh(key)) {
      prices[key] = cache.entries[key]!.usd;
      continue;
    }
    const query = productQuery(key);
    if (query === undefined) continue;
    let usd: number | undefined;
    try {
      usd = await fetchPrice(input.pricing, input.region, query);
    } catch (err) {
      return fallbackPrices(input.region, describeAwsFailure(err));
    }
    fetched++;
    if (usd !== undefined) {
      prices[key] = usd;
      cache.entries[key] = { usd, fetchedAt: input.now.toISOString() };
    }
  }
  if (fetched > 0) writeCache(input.cacheFile, cache);
  const oldest = keys.map((k) => (fresh(k) ? cache.entries[k]!.fetchedAt : undefined)).filter((d): d is string => d !== undefined).sort()[0];
  return {
    region: input.region,
    prices,
    source: 'price-list-api',
    basis: `USD on-demand prices from the AWS Price List API for ${input.region}${oldest === undefined ? '' : `, fetched ${oldest.slice(0, 16).replace('T', ' ')} UTC or later (kept a day)`}`,
  };
}
