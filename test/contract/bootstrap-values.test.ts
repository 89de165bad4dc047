import { BootstrapValuesSchema, deriveBootstrapValues, helmGlobals } from '../../contract/bootstrap-values';
import { EXTERNAL_DNS_REGISTRY } from '../../contract/external-dns';
import { dnsOwnerId, hostSuffix } from '../../contract/naming';
import { envIdentity } from '../../contract/naming';
import { derivePlan } from '../../contract/plan';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { loadEnvironment } from '../../envs';
import type { Environment } from '../../envs/schema';

const dev = loadEnvironment('dev');
const staging = loadEnvironment('staging');
const planOf = (env: Environment, selection: Selection) => derivePlan({ env, selection });
const noPlatform = { irsaConfigured: false, storageClassReady: false, rdsAvailable: false, objectStorageAvailable: false };
const build = ephemeral('dev', '26-01-23-01');

describe('deriveBootstrapValues', () => {
  it('produces values the schema accepts', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect(BootstrapValuesSchema.safeParse(values).success).toBe(true);
  });

  it('derives maxTier 3 and every tier for a persistent selection of an env without a ceiling (prod)', () => {
    const prod = loadEnvironment('prod');
    const values = deriveBootstrapValues({ plan: planOf(prod, persistent('prod')), platform: noPlatform });
    expect([values.maxTier, values.tiers]).toEqual([3, [0, 1, 1.5, 2, 3]]);
  });

  it('derives maxTier 1.5 and tiers 0, 1, 1.5 for a build', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect([values.maxTier, values.tiers]).toEqual([1.5, [0, 1, 1.5]]);
  });

  it("lowers maxTier to the env's ceiling (staging: 2)", () => {
    const values = deriveBootstrapValues({ plan: planOf(staging, persistent('staging')), platform: noPlatform });
    expect([values.maxTier, values.tiers]).toEqual([2, [0, 1, 1.5, 2]]);
  });

  it('filters ExternalDNS to exactly the host suffix', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect(values.dns.domainFilters).toEqual([hostSuffix(build, envIdentity(dev))]);
    expect(values.hostSuffix).toBe(hostSuffix(build, envIdentity(dev)));
  });

  it('carries the DNS owner id and the TXT registry settings', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect(values.dns).toMatchObject({
      ownerId: dnsOwnerId(build),
      txtPrefix: EXTERNAL_DNS_REGISTRY.txtPrefix,
      txtWildcardReplacement: EXTERNAL_DNS_REGISTRY.txtWildcardReplacement,
      policy: EXTERNAL_DNS_REGISTRY.policy,
    });
  });

  it('has buildId null and the env zone as suffix for a persistent selection', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, persistent('dev')), platform: noPlatform });
    expect([values.buildId, values.hostSuffix]).toEqual([null, 'dev.goldenpathidp.io']);
  });

  it('carries the platform flags as given', () => {
    const platform = { irsaConfigured: true, storageClassReady: true, rdsAvailable: false, objectStorageAvailable: false };
    expect(deriveBootstrapValues({ plan: planOf(dev, build), platform }).platform).toEqual(platform);
  });

  it('passes zone id, role ARNs and database wiring through', () => {
    const wiring = {
      zoneId: 'Z123',
      roleArns: { 'external-dns': 'arn:aws:iam::111111111111:role/x' },
      database: { endpoint: 'db.example:5432', port: 5432, secretNames: { backstage: 'goldenpath/dev/backstage/postgres' } },
    };
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform, wiring });
    expect([values.dns.zoneId, values.roleArns, values.database]).toEqual([wiring.zoneId, wiring.roleArns, wiring.database]);
  });

  it('defaults absent wiring to null zone, no role ARNs and no database', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect([values.dns.zoneId, values.roleArns, values.database]).toEqual([null, {}, null]);
  });

  it("names the cluster and the env's account and region", () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect([values.cluster.name, values.aws]).toEqual(['goldenpath-dev-b-26-01-23-01', { accountId: '111111111111', region: 'eu-west-2' }]);
  });
});

describe('deriveBootstrapValues tls', () => {
  it('names the wildcard certificate of the hostSuffix and its ARN from the wiring', () => {
    const arn = 'arn:aws:acm:eu-west-2:111111111111:certificate/abc';
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform, wiring: { certificateArn: arn } });
    expect(values.tls).toEqual({ domain: '*.b-26-01-23-01.dev.goldenpathidp.io', certificateArn: arn });
  });

  it('holds no certificate ARN until the platform stack wires one', () => {
    expect(deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform }).tls.certificateArn).toBeNull();
  });
});

describe('helmGlobals', () => {
  it('maps lifecycle, buildId and hostSuffix to global.* for a build', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, build), platform: noPlatform });
    expect(helmGlobals(values)).toEqual({
      global: { lifecycle: 'ephemeral', buildId: '26-01-23-01', hostSuffix: 'b-26-01-23-01.dev.goldenpathidp.io', env: 'dev' },
    });
  });

  it('renders an empty global.buildId for a persistent selection', () => {
    const values = deriveBootstrapValues({ plan: planOf(dev, persistent('dev')), platform: noPlatform });
    expect(helmGlobals(values).global.buildId).toBe('');
  });
});
