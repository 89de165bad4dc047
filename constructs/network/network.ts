import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { planSubnets } from '../../contract/subnet-plan';
import { SUBNET_ROLE_TAGS } from '../../contract/tags';
import type { NatStrategy } from '../../contract/nat-strategy';
import { NatGateways } from './nat-gateways';

const ANYWHERE = '0.0.0.0/0';

export interface NetworkProps {
  /** Stem of the Name tags, e.g. `goldenpath-dev`. */
  readonly name: string;
  /** The VPC block; subnet CIDRs are derived from it by `planSubnets`. */
  readonly vpcCidr: string;
  /** AZ names, in order: the order fixes each AZ's subnet CIDRs, so only ever append. */
  readonly availabilityZones: readonly string[];
  /** One NAT gateway shared by the AZs, or one per AZ (contract `NatStrategy`). */
  readonly natStrategy: NatStrategy;
  /** Region of the VPC, for the S3 gateway endpoint's service name. */
  readonly region: string;
}

/**
 * The VPC: a public and a private subnet per AZ, one public route table to the
 * internet gateway, one private route table per AZ to its NAT gateway, an S3
 * gateway endpoint on every route table, and a default security group with no
 * rules. Subnets carry the load balancer controller's role tags.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: readonly Subnet[];
  readonly privateSubnets: readonly Subnet[];
  readonly publicRouteTable: RouteTable;
  readonly privateRouteTables: readonly RouteTable[];
  readonly natGateways: NatGateways;
  readonly s3Endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const azs = props.availabilityZones;
    if (new Set(azs).size !== azs.length) {
      throw new Error(`${this.node.path}: availability zones must be distinct, got ${azs.join(', ')}; remove the duplicate`);
    }
    const plan = planSubnets(props.vpcCidr, azs.length);

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: props.name },
    });
    const vpcId = this.vpc.id;

    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId, tags: { Name: props.name } });

    this.publicSubnets = azs.map(
      (az, i) =>
        new Subnet(this, `public-subnet-${az}`, {
          vpcId,
          availabilityZone: az,
          cidrBlock: plan.publicCidrs[i],
          tags: { Name: `${props.name}-public-${az}`, ...SUBNET_ROLE_TAGS.public },
        }),
    );
    this.privateSubnets = azs.map(
      (az, i) =>
        new Subnet(this, `private-subnet-${az}`, {
          vpcId,
          availabilityZone: az,
          cidrBlock: plan.privateCidrs[i],
          tags: { Name: `${props.name}-private-${az}`, ...SUBNET_ROLE_TAGS.private },
        }),
    );

    this.publicRouteTable = new RouteTable(this, 'public-route-table', { vpcId, tags: { Name: `${props.name}-public` } });
    new Route(this, 'public-default-route', {
      routeTableId: this.publicRouteTable.id,
      destinationCidrBlock: ANYWHERE,
      gatewayId: internetGateway.id,
    });
    this.publicSubnets.forEach(
      (subnet, i) =>
        new RouteTableAssociation(this, `public-route-table-association-${azs[i]}`, { subnetId: subnet.id, routeTableId: this.publicRouteTable.id }),
    );

    this.natGateways = new NatGateways(this, 'nat-gateways', {
      name: props.name,
      strategy: props.natStrategy,
      publicSubnets: this.publicSubnets.map((subnet, i) => ({ availabilityZone: azs[i], subnetId: subnet.id })),
      internetGateway,
    });

    // One private route table per AZ under either strategy, so switching strategy only re-points routes.
    this.privateRouteTables = this.privateSubnets.map((subnet, i) => {
      const az = azs[i];
      const table = new RouteTable(this, `private-route-table-${az}`, { vpcId, tags: { Name: `${props.name}-private-${az}` } });
      new Route(this, `private-default-route-${az}`, {
        routeTableId: table.id,
        destinationCidrBlock: ANYWHERE,
        natGatewayId: this.natGateways.forAz(i).id,
      });
      new RouteTableAssociation(this, `private-route-table-association-${az}`, { subnetId: subnet.id, routeTableId: table.id });
      return table;
    });

    // S3 traffic (ECR image layers, Loki chunks) bypasses the NAT gateways.
    this.s3Endpoint = new VpcEndpoint(this, 's3-endpoint', {
      vpcId,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [this.publicRouteTable.id, ...this.privateRouteTables.map((t) => t.id)],
      tags: { Name: `${props.name}-s3` },
    });

    // Adopting the default security group strips its rules: nothing may rely on it.
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId,
      ingress: [],
      egress: [],
      tags: { Name: `${props.name}-default-locked` },
    });
  }
}
