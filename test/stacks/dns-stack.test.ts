import { DnsFoundationSchema } from '../../contract/foundation';
import { boundaryArn } from '../../contract/ci/boundaries';
import { DNS_POLICY_KEYS, dnsPolicyName, foundationParameterName } from '../../contract/naming';
import { ENVIRONMENT_DEFINITIONS, loadEnvironment } from '../../envs';
import { defineEnvironment } from '../../envs/schema';
import { synthDnsStack, synthesizedPolicy, type SynthesizedDnsStack } from '../support/dns-synth';
import type { TerraformJson } from '../support/synth';
import { describeWithTerraform, hclString, init, planTogether, started, TerraformTests, type JointPlan } from '../support/terraform';

const ENVS = ['dev', 'staging', 'prod'] as const;
const withParentZone = defineEnvironment({ ...ENVIRONMENT_DEFINITIONS.staging!, dns: { baseDomain: 'goldenpathidp.io', parentZoneId: 'Z0PARENTZONE01' } });

function policyAddress(json: TerraformJson, name: string): string {
  const [address] = Object.entries<TerraformJson>(json.resource.aws_iam_policy).filter(([, p]) => p.name === name);
  if (address === undefined) throw new Error(`no aws_iam_policy named ${name}`);
  return `aws_iam_policy.${address[0]}`;
}

describe('DnsStack (synthesized)', () => {
  const { json } = synthDnsStack(loadEnvironment('dev'));

  it('creates the env zone {env}.{baseDomain}', () => {
    expect(Object.values<TerraformJson>(json.resource.aws_route53_zone).map((z) => z.name)).toEqual(['dev.goldenpathidp.io']);
  });

  it('creates the persistent and build ExternalDNS policies (the build boundary is the account plane\'s)', () => {
    expect(Object.values<TerraformJson>(json.resource.aws_iam_policy).map((p) => p.name).sort()).toEqual(DNS_POLICY_KEYS.map((k) => dnsPolicyName('dev', k)).sort());
  });

  it('outputs the zone, its name servers and the three policy ARNs', () => {
    expect(Object.keys(json.output)).toEqual(
      expect.arrayContaining(['zone_id', 'zone_name', 'name_servers', 'persistent_policy_arn', 'build_policy_arn', 'build_boundary_arn']),
    );
  });

  it('publishes the dns foundation document with every schema field', () => {
    const [parameter] = Object.values<TerraformJson>(json.resource.aws_ssm_parameter);
    expect(parameter.name).toBe(foundationParameterName('dev', 'dns'));
    for (const field of Object.keys(DnsFoundationSchema.shape)) expect(parameter.value).toContain(`"${field}"`);
  });

  it('fails the apply, saying how to re-pin, when its zone is not the one the env pins for builds (dns.zoneId)', () => {
    const [zone] = Object.values<TerraformJson>(json.resource.aws_route53_zone);
    expect(zone.lifecycle.postcondition).toEqual([
      {
        condition: `\${self.zone_id == "${loadEnvironment('dev').dns.zoneId}"}`,
        error_message: expect.stringMatching(/^the zone dev\.goldenpathidp\.io is \$\{self\.zone_id\}, not the pinned Z0DEVZONE00001: set dns\.zoneId in envs\/dev\.ts to it, then redeploy the account plane \(GOLDENPATH_ENV=dev npx cdktf deploy dev-bootstrap\)/),
      },
    ]);
  });

  it('checks no zone id before the env pins one', () => {
    const { json: unpinned } = synthDnsStack(defineEnvironment({ ...ENVIRONMENT_DEFINITIONS.dev!, dns: { baseDomain: 'goldenpathidp.io' } }));
    expect(Object.values<TerraformJson>(unpinned.resource.aws_route53_zone)[0].lifecycle).toBeUndefined();
  });

  it('writes no delegation when the env has no parent zone', () => {
    expect(json.resource.aws_route53_record).toBeUndefined();
  });

  it('delegates from the parent zone when the env names one', () => {
    const records = Object.values<TerraformJson>(synthDnsStack(withParentZone).json.resource.aws_route53_record);
    expect(records.map((r) => [r.zone_id, r.name, r.type])).toEqual([['Z0PARENTZONE01', 'staging.goldenpathidp.io', 'NS']]);
  });
});

describeWithTerraform('DnsStack (terraform)', () => {
  const zoneArn = 'arn:aws:route53:::hostedzone/Z0DEVZONE00001';
  const synthesized = new Map<string, SynthesizedDnsStack>();
  let planned: Promise<JointPlan>;
  // The four folders in one plan; the dev folder's policy test beside it.
  const devTests = new TerraformTests(() => synthesized.get('dev')!.dir);
  beforeAll(() => {
    for (const env of [...ENVS.map((name) => loadEnvironment(name)), withParentZone]) {
      synthesized.set(env === withParentZone ? 'parent-zone' : env.name, synthDnsStack(env));
    }
    planned = started(() => planTogether(Object.fromEntries([...synthesized].map(([key, { dir }]) => [key, { dir }]))));
    void started(() => init(synthesized.get('dev')!.dir)).then(() => devTests.start(), () => undefined);
  });

  it.each(ENVS)('%s-dns validates and plans offline', async (name) => {
    const { errors, changes } = await planned;
    expect(errors).toEqual([]);
    expect(changes[name]).toEqual({ add: 4, change: 0, destroy: 0 });
  });

  it('plans the NS delegation when the env names a parent zone', async () => {
    expect((await planned).changes['parent-zone']).toEqual({ add: 5, change: 0, destroy: 0 });
  });

  devTests.add('policies', () => {
    const { json } = synthesized.get('dev')!;
    const asserts = DNS_POLICY_KEYS.map((key) => {
      const name = dnsPolicyName('dev', key);
      const expected = JSON.stringify(synthesizedPolicy(json, name, zoneArn));
      return `  assert {\n    condition     = jsondecode(${policyAddress(json, name)}.policy) == jsondecode(${hclString(expected)})\n    error_message = "${name} differs from the simulated document"\n  }`;
    });
    const doc = `jsondecode(${Object.keys(json.resource.aws_ssm_parameter).map((n) => `aws_ssm_parameter.${n}`)[0]}.value)`;
    asserts.push(
      `  assert {\n    condition     = ${doc}.zoneId == "Z0DEVZONE00001" && ${doc}.buildBoundaryArn == ${hclString(boundaryArn(loadEnvironment('dev'), 'build-boundary'))}\n    error_message = "foundation document does not carry the zone and policies"\n  }`,
    );
    return [
      'mock_provider "aws" {',
      '  mock_resource "aws_route53_zone" {',
      `    defaults = { arn = ${hclString(zoneArn)}, zone_id = "Z0DEVZONE00001", name_servers = ["ns-1.awsdns-01.org"] }`,
      '  }',
      '}',
      '',
      'run "policies" {',
      '  command = apply',
      ...asserts,
      '}',
      '',
    ].join('\n');
  });
  it('hands AWS exactly the policies the IAM simulation evaluates (terraform test, mock provider)', async () => {
    expect(await devTests.outcome('policies')).toMatchObject({ status: 'pass', diagnostics: [] });
  });
});
