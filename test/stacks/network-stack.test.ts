import { contains, overlaps, parseCidr } from '../../contract/cidr';
import { FOUNDATION_SCHEMA_VERSION, NetworkFoundationSchema } from '../../contract/foundation';
import { foundationParameterName, foundationStackName, vpcFlowLogGroupName, vpcFlowLogRoleName } from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';
import { resourceTags, SUBNET_ROLE_TAGS, TAG_KEYS } from '../../contract/tags';
import { synthSelection, type Synthesized, type TerraformJson } from '../support/synth';
import { describeWithTerraform, hclString, init, planTogether, started, TerraformTests, type JointPlan } from '../support/terraform';

const ENVS = ['dev', 'staging', 'prod'] as const;
type EnvName = (typeof ENVS)[number];

const synthesized = new Map<EnvName, Synthesized>();
function synthOf(env: EnvName): Synthesized {
  if (!synthesized.has(env)) synthesized.set(env, synthSelection(persistent(env)));
  return synthesized.get(env)!;
}
function stackJson(env: EnvName): TerraformJson {
  return synthOf(env).json(foundationStackName(env, 'network'));
}

type Resource = Record<string, unknown>;
function resourcesOf(json: TerraformJson, type: string): [string, Resource][] {
  return Object.entries((json.resource?.[type] ?? {}) as Record<string, Resource>);
}
function ref(type: string, name: string, attr = 'id'): string {
  return `\${${type}.${name}.${attr}}`;
}
function onlyResource(json: TerraformJson, type: string): [string, Resource] {
  const all = resourcesOf(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}
function resourceCount(json: TerraformJson): number {
  return Object.values((json.resource ?? {}) as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** Subnet addresses of one role, in the env's AZ order. */
function subnetNames(env: EnvName, role: 'public' | 'private'): string[] {
  const [key] = Object.keys(SUBNET_ROLE_TAGS[role]);
  const subnets = resourcesOf(stackJson(env), 'aws_subnet').filter(([, s]) => (s.tags as Record<string, string>)[key!] === '1');
  const azs = synthOf(env).env.network.availabilityZones;
  return subnets.sort(([, a], [, b]) => azs.indexOf(a.availability_zone as string) - azs.indexOf(b.availability_zone as string)).map(([n]) => n);
}

describe.each(ENVS)('%s-network (synthesized)', (env) => {
  it('has exactly one public and one private subnet in each availability zone', () => {
    const azs = synthOf(env).env.network.availabilityZones;
    const perAz = azs.map((az) => resourcesOf(stackJson(env), 'aws_subnet').filter(([, s]) => s.availability_zone === az).length);
    expect(perAz).toEqual(azs.map(() => 2));
    expect([subnetNames(env, 'public').length, subnetNames(env, 'private').length]).toEqual([azs.length, azs.length]);
  });

  it('keeps every subnet CIDR inside the VPC CIDR without overlaps', () => {
    const vpc = parseCidr(synthOf(env).env.network.vpcCidr);
    const blocks = resourcesOf(stackJson(env), 'aws_subnet').map(([, s]) => parseCidr(s.cidr_block as string));
    blocks.forEach((a, i) => {
      expect(contains(vpc, a)).toBe(true);
      blocks.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false));
    });
  });

  it('routes each private subnet by default through its NAT gateway per the env strategy', () => {
    const json = stackJson(env);
    const { natStrategy } = synthOf(env).env.network;
    const natSubnet = new Map(resourcesOf(json, 'aws_nat_gateway').map(([n, g]) => [ref('aws_nat_gateway', n), g.subnet_id]));
    const publicSubnets = subnetNames(env, 'public');
    subnetNames(env, 'private').forEach((subnet, i) => {
      const [, association] = resourcesOf(json, 'aws_route_table_association').find(([, a]) => a.subnet_id === ref('aws_subnet', subnet))!;
      const defaults = resourcesOf(json, 'aws_route').filter(([, r]) => r.route_table_id === association.route_table_id && r.destination_cidr_block === '0.0.0.0/0');
      expect(defaults).toHaveLength(1);
      const expectedNatSubnet = publicSubnets[natStrategy === 'single' ? 0 : i]!;
      expect(natSubnet.get(defaults[0]![1].nat_gateway_id as string)).toBe(ref('aws_subnet', expectedNatSubnet));
    });
  });

  it('keeps the flow log group for the env retention and captures ALL traffic', () => {
    const json = stackJson(env);
    expect(onlyResource(json, 'aws_cloudwatch_log_group')[1].retention_in_days).toBe(synthOf(env).env.network.flowLogRetentionDays);
    expect(onlyResource(json, 'aws_flow_log')[1].traffic_type).toBe('ALL');
  });

  it('strips every rule from the default security group', () => {
    const [, group] = onlyResource(stackJson(env), 'aws_default_security_group');
    expect([group.ingress, group.egress]).toEqual([[], []]);
  });

  it('publishes the network foundation document with every schema field', () => {
    const [, parameter] = onlyResource(stackJson(env), 'aws_ssm_parameter');
    expect(parameter.name).toBe(foundationParameterName(env, 'network'));
    const keys = [...(parameter.value as string).matchAll(/"(\w+)" = /g)].map((m) => m[1]);
    expect(keys.sort()).toEqual(Object.keys(NetworkFoundationSchema.shape).sort());
  });

  it('carries the design tags of a foundational, persistent stack as provider default tags', () => {
    const stack = foundationStackName(env, 'network');
    const tags = stackJson(env).provider.aws[0].default_tags[0].tags;
    expect(tags).toEqual(resourceTags({ selection: persistent(env), plane: 'foundational', stack }));
    expect(tags).toMatchObject({
      [TAG_KEYS.env]: env,
      [TAG_KEYS.plane]: 'foundational',
      [TAG_KEYS.lifecycle]: 'persistent',
      [TAG_KEYS.stack]: stack,
      [TAG_KEYS.managedBy]: 'cdktf',
    });
  });

  it('outputs the VPC, its subnets, NAT gateways and availability zones', () => {
    const json = stackJson(env);
    const [vpc] = onlyResource(json, 'aws_vpc');
    expect(json.output).toMatchObject({
      vpc_id: { value: ref('aws_vpc', vpc) },
      vpc_cidr: { value: ref('aws_vpc', vpc, 'cidr_block') },
      availability_zones: { value: synthOf(env).env.network.availabilityZones },
      public_subnet_ids: { value: subnetNames(env, 'public').map((n) => ref('aws_subnet', n)) },
      private_subnet_ids: { value: subnetNames(env, 'private').map((n) => ref('aws_subnet', n)) },
      nat_gateway_ids: { value: resourcesOf(json, 'aws_nat_gateway').map(([n]) => ref('aws_nat_gateway', n)) },
    });
  });
});

describe('network stack across environments', () => {
  it('gives dev a single NAT gateway', () => {
    expect(resourcesOf(stackJson('dev'), 'aws_nat_gateway')).toHaveLength(1);
  });

  it('gives prod one NAT gateway per availability zone', () => {
    expect(resourcesOf(stackJson('prod'), 'aws_nat_gateway')).toHaveLength(synthOf('prod').env.network.availabilityZones.length);
    expect(resourcesOf(stackJson('prod'), 'aws_eip')).toHaveLength(3);
  });

  it('synthesizes byte-identical Terraform on every run', () => {
    expect(synthSelection(persistent('prod')).json('prod-network')).toEqual(stackJson('prod'));
  });

  it('is the same stack whichever build is selected (a build never changes the foundation)', () => {
    expect(synthSelection(ephemeral('dev', '26-01-23-01')).json('dev-network')).toEqual(stackJson('dev'));
  });
});

describeWithTerraform('network stacks with Terraform (offline, AWS provider 5.100.0)', () => {
  let planned: Promise<JointPlan>;
  // The three envs in one plan; the prod folder's foundation-document test beside it.
  const prodTests = new TerraformTests(() => synthOf('prod').dir(foundationStackName('prod', 'network')));
  beforeAll(() => {
    planned = started(() => planTogether(Object.fromEntries(ENVS.map((env) => [env, { dir: synthOf(env).dir(foundationStackName(env, 'network')) }]))));
    const prodDir = synthOf('prod').dir(foundationStackName('prod', 'network'));
    void started(() => init(prodDir)).then(() => prodTests.start(), () => undefined);
  });

  it.each(ENVS)('%s-network validates and plans to add exactly the synthesized resources and nothing else', async (env) => {
    const { errors, changes } = await planned;
    expect(errors).toEqual([]);
    expect(changes[env]).toEqual({ add: resourceCount(stackJson(env)), change: 0, destroy: 0 });
  });

  prodTests.add('foundation_document', () => {
    const env = 'prod';
    const json = stackJson(env);
    const [parameter] = onlyResource(json, 'aws_ssm_parameter');
    const [vpc] = onlyResource(json, 'aws_vpc');
    const ids = (role: 'public' | 'private') => `[${subnetNames(env, role).map((n) => `aws_subnet.${n}.id`).join(', ')}]`;
    const document = `jsondecode(aws_ssm_parameter.${parameter}.value)`;
    const network = synthOf(env).env.network;
    const assertions: [string, string][] = [
      [`toset(keys(${document})) == toset(${JSON.stringify(Object.keys(NetworkFoundationSchema.shape))})`, 'document fields'],
      [`${document}.schemaVersion == ${FOUNDATION_SCHEMA_VERSION}`, 'schema version'],
      [`${document}.vpcId == aws_vpc.${vpc}.id`, 'vpc id'],
      [`${document}.vpcCidr == ${JSON.stringify(network.vpcCidr)}`, 'vpc cidr'],
      [`${document}.availabilityZones == ${JSON.stringify(network.availabilityZones)}`, 'availability zones'],
      [`${document}.publicSubnetIds == ${ids('public')}`, 'public subnet ids'],
      [`${document}.privateSubnetIds == ${ids('private')}`, 'private subnet ids'],
      [`length(output.nat_gateway_ids) == ${network.availabilityZones.length}`, 'one NAT per AZ'],
    ];
    const { id: account, region } = synthOf(env).env.account;
    // The flow log validates these ARNs even against mocks.
    const mocks = {
      aws_cloudwatch_log_group: `arn:aws:logs:${region}:${account}:log-group:${vpcFlowLogGroupName(env)}`,
      aws_iam_role: `arn:aws:iam::${account}:role/${vpcFlowLogRoleName(env)}`,
    };
    return [
      'mock_provider "aws" {',
      ...Object.entries(mocks).map(([type, arn]) => `  mock_resource "${type}" {\n    defaults = { arn = ${hclString(arn)} }\n  }`),
      '}',
      '',
      'run "document_holds_the_network" {',
      '  command = apply',
      ...assertions.map(([condition, what]) => `  assert {\n    condition     = ${condition}\n    error_message = ${hclString(`wrong ${what}`)}\n  }`),
      '}',
      '',
    ].join('\n');
  });
  it('prod-network foundation document holds the applied VPC and subnet ids (terraform test, mock provider)', async () => {
    expect(await prodTests.outcome('foundation_document')).toMatchObject({ status: 'pass', diagnostics: [] });
  });
});
