import { foundationParameterName } from '../../../contract/naming';
import { documentCheck, evaluatePreflight, type PreflightFacts, type PreflightInput } from '../../../ops/preflight/checks';

const network = JSON.stringify({ schemaVersion: 1, vpcId: 'vpc-1', vpcCidr: '10.10.0.0/16', availabilityZones: ['a', 'b'], publicSubnetIds: ['s1', 's2'], privateSubnetIds: ['s3', 's4'] });
const dns = JSON.stringify({ schemaVersion: 1, zoneId: 'Z1', zoneName: 'dev.goldenpathidp.io', persistentPolicyArn: 'p', buildPolicyArn: 'b', buildBoundaryArn: 'x' });
const database = JSON.stringify({ schemaVersion: 1, endpoint: 'e:5432', address: 'e', port: 5432, masterSecretArn: 'm', appSecretArns: {}, securityGroupId: 'sg-1' });

const input: PreflightInput = { env: 'dev', zoneName: 'dev.goldenpathidp.io', databaseIdentifier: 'goldenpath-dev', needsDatabase: false, buildId: '26-01-23-01', pinnedZoneId: 'Z1', allowReuse: false, maxConcurrentBuilds: 2 };
const facts: PreflightFacts = { documents: { network, dns, database }, zone: { id: 'Z1', name: 'dev.goldenpathidp.io' }, databaseStatus: 'available', liveBuildIds: ['26-01-22-01'] };
const failed = (i: PreflightInput, f: PreflightFacts): string[] => evaluatePreflight(i, f).filter((r) => !r.ok).map((r) => r.check);

describe('evaluatePreflight', () => {
  it('passes a healthy env with room for one more build', () => {
    expect(failed(input, facts)).toEqual([]);
  });

  it('says which stack to deploy when a foundation document is missing', () => {
    const result = documentCheck('dev', 'network', null);
    expect(result).toMatchObject({ ok: false, check: `foundation document ${foundationParameterName('dev', 'network')}` });
    expect(result.fix).toMatch(/npx cdktf deploy dev-network/);
  });

  it('rejects a document that does not match the contract schema, naming the field', () => {
    const result = documentCheck('dev', 'dns', JSON.stringify({ schemaVersion: 1, zoneId: 'Z1' }));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/zoneName/);
  });

  it('fails when the zone the dns document names does not exist', () => {
    expect(failed(input, { ...facts, zone: { id: 'Z1', name: null } })).toEqual(['hosted zone dev.goldenpathidp.io']);
  });

  it("refuses a build while the env pins no zone or another zone than the dns document's, naming the id and the redeploy", () => {
    for (const pinnedZoneId of [undefined, 'Z0OLDZONE']) {
      const check = evaluatePreflight({ ...input, pinnedZoneId }, facts).find((r) => r.check === 'build records pinned to dev.goldenpathidp.io');
      expect([check?.ok, check?.fix]).toEqual([false, "set dns.zoneId: 'Z1' in envs/dev.ts, then redeploy the account plane (GOLDENPATH_ENV=dev npx cdktf deploy dev-bootstrap)"]);
    }
  });

  it('leaves the pinned zone to builds (persistent deploys write records with their own roles)', () => {
    expect(failed({ ...input, buildId: undefined, pinnedZoneId: undefined }, facts)).toEqual([]);
  });

  it('checks the database only when maxTier reaches 2', () => {
    expect(failed(input, { ...facts, databaseStatus: 'creating' })).toEqual([]);
    expect(failed({ ...input, needsDatabase: true }, { ...facts, databaseStatus: 'creating' })).toEqual(['database goldenpath-dev']);
  });

  it('refuses a build id that is already live unless reuse is allowed', () => {
    const live = { ...facts, liveBuildIds: ['26-01-23-01'] };
    expect(failed(input, live)).toEqual(['build 26-01-23-01 not live']);
    expect(failed({ ...input, allowReuse: true }, live)).toEqual([]);
  });

  it('refuses a new build when the env is at its cap, naming the reaper', () => {
    const results = evaluatePreflight(input, { ...facts, liveBuildIds: ['a', 'b'] });
    const cap = results.find((r) => r.check === 'live builds under the cap');
    expect(cap?.ok).toBe(false);
    expect(cap?.fix).toMatch(/goldenpath orphans --env dev --expired --delete --yes/);
  });
});
