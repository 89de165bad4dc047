import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { NatStrategy } from '../../contract/nat-strategy';

export interface PublicSubnetRef {
  readonly availabilityZone: string;
  readonly subnetId: string;
}

export interface NatGatewaysProps {
  /** Stem of the Name tags, e.g. `goldenpath-dev`. */
  readonly name: string;
  /** `single`: one NAT in the first public subnet; `per-az`: one in every public subnet. */
  readonly strategy: NatStrategy;
  /** The public subnets in AZ order (the first hosts the single NAT). */
  readonly publicSubnets: readonly PublicSubnetRef[];
  /** NAT gateways need the internet gateway attached before they can route. */
  readonly internetGateway: ITerraformDependable;
}

/** Egress for private subnets: Elastic IPs and the NAT gateways that use them. */
export class NatGateways extends Construct {
  readonly gateways: readonly NatGateway[];
  private readonly strategy: NatStrategy;

  constructor(scope: Construct, id: string, props: NatGatewaysProps) {
    super(scope, id);
    if (props.publicSubnets.length === 0) {
      throw new Error(`${this.node.path}: a NAT gateway needs at least one public subnet; pass the VPC's public subnets`);
    }
    this.strategy = props.strategy;
    const hosts = props.strategy === 'single' ? props.publicSubnets.slice(0, 1) : props.publicSubnets;
    this.gateways = hosts.map(({ availabilityZone, subnetId }) => {
      const tags = { Name: `${props.name}-nat-${availabilityZone}` };
      const eip = new Eip(this, `eip-${availabilityZone}`, { domain: 'vpc', tags });
      return new NatGateway(this, `nat-${availabilityZone}`, {
        allocationId: eip.allocationId,
        subnetId,
        tags,
        dependsOn: [props.internetGateway],
      });
    });
  }

  /** The NAT gateway the private subnet of the `azIndex`-th AZ routes through. */
  forAz(azIndex: number): NatGateway {
    const gateway = this.strategy === 'single' ? this.gateways[0] : this.gateways[azIndex];
    if (gateway === undefined) throw new Error(`${this.node.path}: no NAT gateway for AZ index ${azIndex} (${this.gateways.length} gateways)`);
    return gateway;
  }
}
