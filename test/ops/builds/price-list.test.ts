import { PricingClient } from '@aws-sdk/client-pricing';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { livePrices, PRICE_CACHE_TTL_MS, productQuery } from '../../../ops/builds/price-list';
import { FakePricing } from '../support/fake-pricing';

let fake: FakePricing;
afterEach(() => fake?.restore());

const now = new Date('2026-01-23T12:00:00Z');
const KEYS = ['eks-cluster', 'instance:m6i.large', 'instance:t3.large', 'lb:network', 'nat-gateway', 'ebs:gp3', 'public-ipv4'];

function setup(): { pricing: PricingClient; cacheFile: string } {
  fake = new FakePricing();
  return { pricing: fake.serve(new PricingClient({ region: 'us-east-1' })), cacheFile: join(mkdtempSync(join(tmpdir(), 'prices-')), 'prices', 'eu-west-2.json') };
}

describe('livePrices', () => {
  it('prices every key from the Price List API for the env region, picking the on-demand shared Linux product', async () => {
    const { pricing, cacheFile } = setup();
    const book = await livePrices({ pricing, region: 'eu-west-2', keys: KEYS, cacheFile, now });
    expect(book.source).toBe('price-list-api');
    expect(book.prices).toEqual({ 'eks-cluster': 0.1, 'instance:m6i.large': 0.111, 'instance:t3.large': 0.0944, 'lb:network': 0.027, 'nat-gateway': 0.05, 'ebs:gp3': 0.093, 'public-ipv4': 0.005 });
    expect(book.basis).toBe('USD on-demand prices from the AWS Price List API for eu-west-2, fetched 2026-01-23 12:00 UTC or later (kept a day)');
    expect(fake.calls.every((c) => c.Filters?.some((f) => f.Field === 'regionCode' && f.Value === 'eu-west-2'))).toBe(true);
  });

  it('asks the API once a day: a second run within the day reads the cache', async () => {
    const { pricing, cacheFile } = setup();
    await livePrices({ pricing, region: 'eu-west-2', keys: KEYS, cacheFile, now });
    const calls = fake.calls.length;
    const again = await livePrices({ pricing, region: 'eu-west-2', keys: KEYS, cacheFile, now: new Date(now.getTime() + PRICE_CACHE_TTL_MS - 1) });
    expect(fake.calls.length).toBe(calls);
    expect(again.prices['eks-cluster']).toBe(0.1);
    await livePrices({ pricing, region: 'eu-west-2', keys: KEYS, cacheFile, now: new Date(now.getTime() + PRICE_CACHE_TTL_MS) });
    expect(fake.calls.length).toBe(2 * calls);
  });

  it('starts over from a damaged cache file', async () => {
    const { pricing, cacheFile } = setup();
    await livePrices({ pricing, region: 'eu-west-2', keys: ['eks-cluster'], cacheFile, now });
    writeFileSync(cacheFile, '{"region": ');
    expect((await livePrices({ pricing, region: 'eu-west-2', keys: ['eks-cluster'], cacheFile, now })).prices['eks-cluster']).toBe(0.1);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries['eks-cluster'].usd).toBe(0.1);
  });

  it('falls back to the dated built-in table, labelled, when the API cannot be asked', async () => {
    const { pricing, cacheFile } = setup();
    fake.failWith = Object.assign(new Error('User is not authorized to perform: pricing:GetProducts'), { name: 'AccessDeniedException', $metadata: {} });
    const book = await livePrices({ pricing, region: 'eu-west-2', keys: KEYS, cacheFile, now });
    expect(book.source).toBe('fallback');
    expect(book.basis).toMatch(/^OFFLINE FALLBACK: built-in table .* dated 2025-06-01 \(the Price List API could not be asked: AWS denied the call \(AccessDeniedException/);
    expect(fake.calls).toHaveLength(1);
  });

  it('leaves unpriced what the Price List does not have, without falling back', async () => {
    const { pricing, cacheFile } = setup();
    const book = await livePrices({ pricing, region: 'eu-west-2', keys: ['instance:x9.huge', 'eks-cluster'], cacheFile, now });
    expect(book).toMatchObject({ source: 'price-list-api', prices: { 'eks-cluster': 0.1 } });
    expect(book.prices['instance:x9.huge']).toBeUndefined();
  });

  it('has no query for a key it cannot price', () => {
    expect(productQuery('ebs:unknown')).toBeUndefined();
    expect(productQuery('instance:not a type')).toBeUndefined();
  });
});
