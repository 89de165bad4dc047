import { TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';
import { testRuntime } from '../support/runtime';

const dev = loadEnvironment('dev');
let fake: FakeAws;
afterEach(() => fake?.restore());

describe('goldenpath builds', () => {
  it('lists live builds by tag with resource counts and cost, and exits 1 when one has expired', async () => {
    fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
    const foundation = addFoundation(fake, dev);
    addBuild(fake, dev, '12', foundation, FULL_SHAPE);
    addBuild(fake, dev, '123', foundation, FULL_SHAPE);
    for (const r of fake.resources.values()) if (r.owner === 'dev/123') r.tags[TAG_KEYS.expiresAt] = '2026-01-24T00:00:00Z';
    const rt = testRuntime(fake);
    expect(await runCli(['builds', '--env', 'dev', '--json'], rt)).toBe(EXIT.findings);
    const json = JSON.parse(rt.out.join(''));
    expect(json.builds.map((b: { buildId: string; expired: boolean }) => [b.buildId, b.expired])).toEqual([
      ['12', true],
      ['123', false],
    ]);
    expect(json.builds[0].resourcesByType['ec2:volume']).toBe(2);
    expect(json.builds[0].cost.usdPerHour).toBeGreaterThan(0);
  });
});

describe('goldenpath builds prices', () => {
  it('prices from the Price List API and says so', async () => {
    fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
    addBuild(fake, dev, '12', addFoundation(fake, dev), FULL_SHAPE);
    const rt = testRuntime(fake);
    await runCli(['builds', '--env', 'dev', '--json'], rt);
    const json = JSON.parse(rt.out.join(''));
    expect(json.prices).toEqual({ source: 'price-list-api', basis: expect.stringMatching(/^USD on-demand prices from the AWS Price List API for eu-west-2/) });
    expect(fake.pricing.calls.length).toBeGreaterThan(0);
  });

  it('falls back to the dated built-in table, labelled in the text, when the API is unreachable', async () => {
    fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
    addBuild(fake, dev, '12', addFoundation(fake, dev), FULL_SHAPE);
    fake.pricing.failWith = Object.assign(new Error('getaddrinfo ENOTFOUND api.pricing.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' });
    const rt = testRuntime(fake);
    await runCli(['builds', '--env', 'dev'], rt);
    expect(rt.out.join('')).toMatch(/costs: OFFLINE FALLBACK: built-in table of USD on-demand list prices for eu-west-2 dated 2025-06-01 \(the Price List API could not be asked: cannot reach AWS \(ENOTFOUND/);
  });
});
