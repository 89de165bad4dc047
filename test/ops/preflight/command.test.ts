import { appDatabaseSecretName, clusterName, foundationParameterName, irsaRoleName } from '../../../contract/naming';
import { ephemeral, persistent } from '../../../contract/selection';
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

describe('goldenpath preflight --stage runner', () => {
  // No AWS at all: the runtime throws if the stage reaches for it.
  const run = async (args: string[], vars: Record<string, string> = {}) => {
    const rt = testRuntime(undefined);
    const runtime = { ...rt, vars: { ...rt.vars, ...vars } };
    return { code: await runCli(['preflight', ...args, '--stage', 'runner'], runtime), out: rt.out.join('') };
  };

  it("passes a dev build from any runner: its builds' endpoint is public", async () => {
    const { code, out } = await run(['--env', 'dev', '--build-id', '26-01-23-02'], { RUNNER_ENVIRONMENT: 'github-hosted' });
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/ok   runner reaches the cluster API \(public-endpoint\)/);
  });

  it('refuses a prod build on a GitHub-hosted runner and names the self-hosted runner', async () => {
    const { code, out } = await run(['--env', 'prod', '--build-id', '26-01-23-02'], { RUNNER_ENVIRONMENT: 'github-hosted', RUNNER_LABELS: 'ubuntu-24.04' });
    expect(code).toBe(EXIT.findings);
    expect(out).toMatch(/FAIL runner reaches the cluster API \(self-hosted\)[\s\S]*fix: run on the self-hosted runner \[self-hosted, linux, goldenpath-prod\] inside the VPC, or change cluster\.apiAccess\.builds in envs\/prod\.ts/);
  });

  it('passes a prod build on the self-hosted runner named by --runner-labels', async () => {
    const { code } = await run(['--env', 'prod', '--build-id', '26-01-23-02', '--runner-labels', 'self-hosted,linux,X64,goldenpath-prod'], { RUNNER_ENVIRONMENT: 'self-hosted' });
    expect(code).toBe(EXIT.ok);
  });

  it("refuses the persistent dev cluster when the runner's labels are unknown", async () => {
    const { code, out } = await run(['--env', 'dev', '--json']);
    expect(code).toBe(EXIT.findings);
    expect(JSON.parse(out).checks).toEqual([expect.objectContaining({ ok: false, detail: 'cannot tell: the runner labels are unknown' })]);
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
    expect(JSON.parse(rt.out.join('')).checks.map((c: { detail: string }) => c.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/account\.id in envs\/dev\.ts is the example account/)]));
  });

  it('names the example zone id with its field and file', async () => {
    const rt = withoutAcknowledgement();
    expect(await runCli(['preflight', '--env', 'staging'], rt)).toBe(EXIT.findings);
    expect(rt.out.join('')).toMatch(/FAIL no example values: dns\.zoneId in envs\/staging\.ts is the example zone id Z0STAGINGZONE01/);
  });
});

describe('goldenpath preflight --stage platform', () => {
  const dnsDoc = {
    schemaVersion: 1,
    zoneId: 'Z1',
    zoneName: 'dev.goldenpathidp.io',
    persistentPolicyArn: `arn:aws:iam::${dev.account.id}:policy/goldenpath-dev-external-dns-persistent`,
    buildPolicyArn: `arn:aws:iam::${dev.account.id}:policy/goldenpath-dev-external-dns-build`,
    buildBoundaryArn: `arn:aws:iam::${dev.account.id}:policy/goldenpath-dev-build-boundary`,
  };
  const databaseDoc = { schemaVersion: 1, endpoint: 'db.internal:5432', address: 'db.internal', port: 5432, masterSecretArn: 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:m', appSecretArns: {}, securityGroupId: 'sg-1' };
  const build = ephemeral('dev', '26-01-23-05');

  function platformWorld(options: { boundary?: string; secrets?: readonly string[] } = {}): FakeAws {
    fake = new FakeAws({ account: dev.account.id, region: dev.account.region, zone: zoneOf(dev) });
    fake.parameters.set(foundationParameterName('dev', 'dns'), JSON.stringify(dnsDoc));
    fake.parameters.set(foundationParameterName('dev', 'database'), JSON.stringify(databaseDoc));
    fake.add({ kind: 'role', id: irsaRoleName(build, 'external-dns'), tags: { [TAG_KEYS.buildId]: '26-01-23-05' }, owner: 'dev/26-01-23-05', attachedPolicies: [dnsDoc.buildPolicyArn], boundaryArn: options.boundary ?? dnsDoc.buildBoundaryArn });
    fake.add({ kind: 'role', id: irsaRoleName(persistent('dev'), 'external-dns'), tags: {}, owner: 'persistent', attachedPolicies: [dnsDoc.persistentPolicyArn], boundaryArn: `arn:aws:iam::${dev.account.id}:policy/goldenpath-dev-workload-boundary` });
    fake.add({ kind: 'cluster', id: clusterName(persistent('dev')), tags: {}, owner: 'persistent' });
    for (const app of options.secrets ?? ['backstage', 'grafana']) fake.add({ kind: 'secret', id: appDatabaseSecretName('dev', app), tags: {}, owner: 'foundational' });
    return fake;
  }
  /** A cluster whose probe Pods end in the given phase; records what was created and read. */
  function cluster(phase: 'Succeeded' | 'Failed') {
    const calls: string[] = [];
    const api = {
      list: async () => [],
      create: async (path: string) => void calls.push(`create ${path}`),
      get: async (path: string) => (calls.push(`get ${path}`), path.includes('/secrets/') ? undefined : { status: { phase } }),
      delete: async (path: string) => void calls.push(`delete ${path}`),
    };
    return { calls, kube: () => api };
  }
  const checksOf = (rt: { out: string[] }) => JSON.parse(rt.out.join('')).checks as { check: string; ok: boolean; detail: string }[];

  it("passes a build whose ExternalDNS role carries the build policy, boundary and tag; a build needs no database checks", async () => {
    const rt = testRuntime(platformWorld());
    expect(await runCli(['preflight', '--env', 'dev', '--build-id', '26-01-23-05', '--stage', 'platform', '--json'], rt)).toBe(EXIT.ok);
    expect(checksOf(rt).map((c) => c.check)).toEqual([`ExternalDNS role ${irsaRoleName(build, 'external-dns')} scoped to owner goldenpath-dev-26-01-23-05`]);
  });

  it("fails a build whose ExternalDNS role lost the dns stack's boundary", async () => {
    const rt = testRuntime(platformWorld({ boundary: 'arn:aws:iam::111111111111:policy/something-else' }));
    expect(await runCli(['preflight', '--env', 'dev', '--build-id', '26-01-23-05', '--stage', 'platform'], rt)).toBe(EXIT.findings);
    expect(rt.out.join('')).toMatch(/FAIL ExternalDNS role .*permissions boundary is .*something-else/);
  });

  it('checks the persistent tier-2 cluster: app secrets of the selected database apps, and the database from inside the cluster', async () => {
    const k = cluster('Succeeded');
    const rt = testRuntime(platformWorld(), { kube: k.kube as never });
    expect(await runCli(['preflight', '--env', 'dev', '--stage', 'platform', '--json'], rt)).toBe(EXIT.ok);
    expect([checksOf(rt).map((c) => c.check).slice(1), k.calls.filter((c) => c.startsWith('create'))]).toEqual([
      ['database secret goldenpath/dev/backstage/postgres of app backstage', 'database secret goldenpath/dev/grafana/postgres of app grafana', 'database reachable from inside the cluster'],
      ['create /api/v1/namespaces/default/pods'],
    ]);
  });

  it('fails a missing app secret and an unreachable database, each with its fix', async () => {
    const rt = testRuntime(platformWorld({ secrets: ['backstage'] }), { kube: cluster('Failed').kube as never });
    expect(await runCli(['preflight', '--env', 'dev', '--stage', 'platform', '--json'], rt)).toBe(EXIT.findings);
    expect(checksOf(rt).filter((c) => !c.ok).map((c) => c.check)).toEqual(['database secret goldenpath/dev/grafana/postgres of app grafana', 'database reachable from inside the cluster']);
  });

  it('refuses an unknown stage as a usage error naming the stages', async () => {
    const rt = testRuntime(platformWorld());
    expect(await runCli(['preflight', '--env', 'dev', '--stage', 'apps'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/--stage must be one of runner, foundation, platform, got "apps"/);
  });
});

