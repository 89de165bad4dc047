import { Testing } from 'cdktf';
import { contains, overlaps, parseCidr } from '../../../contract/cidr';
import { planSubnets } from '../../../contract/subnet-plan';
import { SUBNET_ROLE_TAGS } from '../../../contract/tags';
import { Network, type NetworkProps } from '../../../constructs/network/network';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resources = Record<string, Record<string, any>>;

const AZS = ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'];
const BASE: NetworkProps = { name: 'goldenpath-test', vpcCidr: '10.40.0.0/16', availabilityZones: AZS, natStrategy: 'per-az', region: 'eu-west-2' };

function synth(props: Partial<NetworkProps> = {}): Resources {
  return JSON.parse(Testing.synthScope((scope) => void new Network(scope, 'network', { ...BASE, ...props }))).resource;
}

/** The address inside a `${type.name.attr}` reference. */
function addressOf(reference: string): string {
  const m = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(reference);
  if (!m) throw new Error(`not a single resource reference: ${reference}`);
  return m[1]!;
}

function ref(type: string, name: string, attr = 'id'): string {
  return `\${${type}.${name}.${attr}}`;
}

function named(resources: Resources, type: string): [string, Record<string, unknown>][] {
  return Object.entries(resources[type] ?? {});
}

function subnetsOfRole(resources: Resources, role: 'public' | 'private') {
  const [key] = Object.keys(SUBNET_ROLE_TAGS[role]);
  return named(resources, 'aws_subnet').filter(([, s]) => (s.tags as Record<string, string>)[key!] === '1');
}

/** For each private subnet: the NAT gateway its route table's default route targets. */
function natOfPrivateSubnet(resources: Resources): Map<string, string> {
  const result = new Map<string, string>();
  for (const [subnetName, subnet] of subnetsOfRole(resources, 'private')) {
    const association = named(resources, 'aws_route_table_association').find(([, a]) => a.subnet_id === ref('aws_subnet', subnetName));
    const route = named(resources, 'aws_route').find(([, r]) => r.route_table_id === association![1].route_table_id && r.destination_cidr_block === '0.0.0.0/0');
    result.set(subnet.availability_zone as string, addressOf(route![1].nat_gateway_id as string));
  }
  return result;
}

describe('Network', () => {
  it('turns on DNS support and DNS hostnames in the VPC', () => {
    const [[, vpc]] = named(synth(), 'aws_vpc') as [[string, Record<string, unknown>]];
    expect(vpc).toMatchObject({ cidr_block: '10.40.0.0/16', enable_dns_support: true, enable_dns_hostnames: true });
  });

  it('creates one public and one private subnet in every AZ with the planned CIDRs', () => {
    const resources = synth();
    const plan = planSubnets(BASE.vpcCidr, AZS.length);
    const byAz = (role: 'public' | 'private') => Object.fromEntries(subnetsOfRole(resources, role).map(([, s]) => [s.availability_zone, s.cidr_block]));
    expect(byAz('public')).toEqual(Object.fromEntries(AZS.map((az, i) => [az, plan.publicCidrs[i]])));
    expect(byAz('private')).toEqual(Object.fromEntries(AZS.map((az, i) => [az, plan.privateCidrs[i]])));
  });

  it('places every subnet inside the VPC without overlaps', () => {
    const blocks = named(synth(), 'aws_subnet').map(([, s]) => parseCidr(s.cidr_block as string));
    const vpc = parseCidr(BASE.vpcCidr);
    blocks.forEach((a, i) => {
      expect(contains(vpc, a)).toBe(true);
      blocks.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false));
    });
  });

  it('tags subnets for load balancer discovery by role only, with no per-cluster tags', () => {
    const resources = synth();
    expect(subnetsOfRole(resources, 'public')).toHaveLength(AZS.length);
    expect(subnetsOfRole(resources, 'private')).toHaveLength(AZS.length);
    for (const [, subnet] of named(resources, 'aws_subnet')) {
      expect(Object.keys(subnet.tags as object).filter((k) => k.startsWith('kubernetes.io/cluster/'))).toEqual([]);
    }
  });

  it('routes the public route table to the internet gateway and associates every public subnet with it', () => {
    const resources = synth();
    const [[igw]] = named(resources, 'aws_internet_gateway');
    const publicRoutes = named(resources, 'aws_route').filter(([, r]) => r.gateway_id !== undefined);
    expect(publicRoutes.map(([, r]) => [r.destination_cidr_block, r.gateway_id])).toEqual([['0.0.0.0/0', ref('aws_internet_gateway', igw!)]]);
    const publicTable = publicRoutes[0]![1].route_table_id;
    const associated = named(resources, 'aws_route_table_association').filter(([, a]) => a.route_table_id === publicTable).map(([, a]) => a.subnet_id);
    expect(associated.sort()).toEqual(subnetsOfRole(resources, 'public').map(([name]) => ref('aws_subnet', name)).sort());
  });

  it('gives each private subnet its own route table', () => {
    const resources = synth({ natStrategy: 'single' });
    const tables = subnetsOfRole(resources, 'private').map(
      ([name]) => named(resources, 'aws_route_table_association').find(([, a]) => a.subnet_id === ref('aws_subnet', name))![1].route_table_id,
    );
    expect(new Set(tables).size).toBe(AZS.length);
  });

  it('routes every private subnet through the one NAT gateway under the single strategy', () => {
    const resources = synth({ natStrategy: 'single' });
    const [[nat]] = named(resources, 'aws_nat_gateway');
    expect([...natOfPrivateSubnet(resources).values()]).toEqual(AZS.map(() => `aws_nat_gateway.${nat}`));
  });

  it('routes each private subnet through the NAT gateway of its own AZ under the per-az strategy', () => {
    const resources = synth({ natStrategy: 'per-az' });
    const subnetAz = new Map(named(resources, 'aws_subnet').map(([name, s]) => [ref('aws_subnet', name), s.availability_zone]));
    const natBySubnetAz = natOfPrivateSubnet(resources);
    expect(new Set(natBySubnetAz.values()).size).toBe(AZS.length);
    for (const [az, natAddress] of natBySubnetAz) {
      const nat = resources.aws_nat_gateway![natAddress.split('.')[1]!];
      expect(subnetAz.get(nat.subnet_id)).toBe(az);
    }
  });

  it('attaches the S3 gateway endpoint of the region to every route table', () => {
    const resources = synth();
    const [[, endpoint]] = named(resources, 'aws_vpc_endpoint') as [[string, Record<string, unknown>]];
    expect(endpoint).toMatchObject({ service_name: 'com.amazonaws.eu-west-2.s3', vpc_endpoint_type: 'Gateway' });
    expect((endpoint.route_table_ids as string[]).sort()).toEqual(named(resources, 'aws_route_table').map(([name]) => ref('aws_route_table', name)).sort());
  });

  it('adopts the default security group with no ingress or egress rules', () => {
    const [[, group]] = named(synth(), 'aws_default_security_group') as [[string, Record<string, unknown>]];
    expect([group.ingress, group.egress]).toEqual([[], []]);
  });

  it('leaves the default network ACL unmanaged', () => {
    const resources = synth();
    expect([resources.aws_default_network_acl, resources.aws_network_acl]).toEqual([undefined, undefined]);
  });

  it('keeps every existing resource address when an AZ is appended', () => {
    const addresses = (r: Resources) => Object.entries(r).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));
    const before = addresses(synth({ availabilityZones: AZS.slice(0, 2) }));
    const after = addresses(synth());
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('rejects a repeated availability zone and says to remove it', () => {
    expect(() => synth({ availabilityZones: ['eu-west-2a', 'eu-west-2a'] })).toThrow(
      'availability zones must be distinct, got eu-west-2a, eu-west-2a; remove the duplicate',
    );
  });
});
