import { foundationParameterName } from '../../../contract/naming';
import { loadEnvironment } from '../../../envs';
import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import { FakeAws } from '../support/fake-aws';
import { FULL_SHAPE, addBuild, addFoundation, zoneOf } from '../support/inventory';
import { testRuntime } from '../support/runtime';

const dev = loadEnvironment('dev');
let fake: FakeAws;
afterEach(() => fake?.restore());

function world(): FakeAws {
  fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
  const zone = zoneOf(dev);
  fake.parameters.set(foundationParameterName('dev', 'network'), JSON.stringify({ schemaVersion: 1, vpcId: 'vpc-1', vpcCidr: '10.10.0.0/16', availabilityZones: ['a', 'b'], publicSubnetIds: ['s1', 's2'], privateSubnetIds: ['s3', 's4'] }));
  fake.parameters.set(foundationParameterName('dev', 'dns'), JSON.stringify({ schemaVersion: 1, zoneId: zone.id, zoneName: zone.name, persistentPolicyArn: 'p', buildPolicyArn: 'b', buildBoundaryArn: 'x' }));
  addBuild(fake, dev, '26-01-23-01', addFoundation(fake, dev), FULL_SHAPE);
  return fake;
}

describe('goldenpath preflight', () => {
  it('passes an ephemeral build when the network and dns documents validate and the zone exists', async () => {
    const rt = testRuntime(world());
    expect(await runCli(['preflight', '--env', 'dev', '--build-id', '26-01-23-02'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/preflight passed/);
  });

  it('fails a build id that is already live and names the fix', async () => {
    const rt = testRuntime(world());
    expect(await runCli(['preflight', '--env', 'dev', '--build-id', '26-01-23-01'], rt)).toBe(EXIT.findings);
    expect(rt.out.join('')).toMatch(/FAIL build 26-01-23-01 not live[\s\S]*--allow-reuse/);
  });

  it('requires the database document and an available database for the persistent clusters (maxTier 3)', async () => {
    const rt = testRuntime(world());
    expect(await runCli(['preflight', '--env', 'dev', '--json'], rt)).toBe(EXIT.findings);
    const failed = JSON.parse(rt.out.join('')).checks.filter((c: { ok: boolean }) => !c.ok).map((c: { check: string }) => c.check);
    expect(failed).toEqual([`foundation document ${foundationParameterName('dev', 'database')}`, 'database goldenpath-dev']);
  });
});

describe('goldenpath preflight and the example values', () => {
  const withoutAcknowledgement = () => {
    const rt = testRuntime(undefined);
    return { ...rt, vars: { ...rt.vars, GOLDENPATH_ACKNOWLEDGE_EXAMPLE_VALUES: undefined } };
  };

  it('refuses an env that still carries example values before any AWS call, naming each field and file', async () => {
    const rt = withoutAcknowledgement();
    expect(await runCli(['preflight', '--env', 'prod'], rt)).toBe(EXIT.findings);
    const out = rt.out.join('');
    expect(out).toMatch(/FAIL no example values: account\.id in envs\/prod\.ts is the example account 333333333333/);
    expect(out).toMatch(/gitops\.repoUrl in envs\/prod\.ts is the example GitOps repository/);
    expect(out).toMatch(/VERSIONS\.goldenpathCliImage\.repository in contract\/versions\.ts/);
  });

  it('lists them offline with --examples-only', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['preflight', '--env', 'dev', '--examples-only', '--json'], rt)).toBe(EXIT.findings);
    expect(JSON.parse(rt.out.join('')).checks.map((c: { detail: string }) => c.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/cluster\.publicAccessCidrs\[0\] in envs\/dev\.ts \(203\.0\.113\.0\/24\)/)]));
  });
});
