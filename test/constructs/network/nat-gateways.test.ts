import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { NatStrategy } from '../../../contract/nat-strategy';
import { NatGateways, type PublicSubnetRef } from '../../../constructs/network/nat-gateways';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resources = Record<string, Record<string, any>>;

const SUBNETS: PublicSubnetRef[] = ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'].map((az) => ({ availabilityZone: az, subnetId: `subnet-${az}` }));

function build(scope: Construct, strategy: NatStrategy, publicSubnets: readonly PublicSubnetRef[] = SUBNETS): NatGateways {
  const internetGateway = new InternetGateway(scope, 'igw', { vpcId: 'vpc-1' });
  return new NatGateways(scope, 'nat', { name: 'goldenpath-test', strategy, publicSubnets, internetGateway });
}

function synth(strategy: NatStrategy): Resources {
  return JSON.parse(Testing.synthScope((scope) => void build(scope, strategy))).resource;
}

describe('NatGateways', () => {
  it('creates one NAT gateway with one Elastic IP in the first public subnet under the single strategy', () => {
    const resources = synth('single');
    expect(Object.values(resources.aws_nat_gateway!).map((n) => n.subnet_id)).toEqual(['subnet-eu-west-2a']);
    expect(Object.keys(resources.aws_eip!)).toHaveLength(1);
  });

  it('creates a NAT gateway in every public subnet under the per-az strategy', () => {
    const resources = synth('per-az');
    expect(Object.values(resources.aws_nat_gateway!).map((n) => n.subnet_id)).toEqual(SUBNETS.map((s) => s.subnetId));
    expect(Object.keys(resources.aws_eip!)).toHaveLength(SUBNETS.length);
  });

  it('gives each NAT gateway its own VPC Elastic IP', () => {
    const resources = synth('per-az');
    const allocations = Object.values(resources.aws_nat_gateway!).map((n) => n.allocation_id);
    expect(allocations.sort()).toEqual(Object.keys(resources.aws_eip!).map((name) => `\${aws_eip.${name}.allocation_id}`).sort());
    expect(Object.values(resources.aws_eip!).every((e) => e.domain === 'vpc')).toBe(true);
  });

  it('creates NAT gateways only after the internet gateway', () => {
    const resources = synth('per-az');
    const [igw] = Object.keys(resources.aws_internet_gateway!);
    for (const nat of Object.values(resources.aws_nat_gateway!)) expect(nat.depends_on).toEqual([`aws_internet_gateway.${igw}`]);
  });

  it('hands every AZ the shared gateway under the single strategy', () => {
    Testing.synthScope((scope) => {
      const nats = build(scope, 'single');
      expect(SUBNETS.map((_, i) => nats.forAz(i))).toEqual(SUBNETS.map(() => nats.gateways[0]));
    });
  });

  it("hands each AZ its own gateway under the per-az strategy", () => {
    Testing.synthScope((scope) => {
      const nats = build(scope, 'per-az');
      expect(SUBNETS.map((_, i) => nats.forAz(i))).toEqual(nats.gateways);
    });
  });

  it('refuses an AZ it has no gateway for', () => {
    Testing.synthScope((scope) => {
      const nats = build(scope, 'per-az');
      expect(() => nats.forAz(SUBNETS.length)).toThrow(`no NAT gateway for AZ index ${SUBNETS.length} (3 gateways)`);
    });
  });

  it('refuses to build without a public subnet and says what to pass', () => {
    expect(() => Testing.synthScope((scope) => void build(scope, 'single', []))).toThrow(
      "a NAT gateway needs at least one public subnet; pass the VPC's public subnets",
    );
  });
});
