import { TerraformOutput } from 'cdktf';
import { boundaryArn } from '../contract/ci/boundaries';
import type { Construct } from 'constructs';
import { FoundationDocument } from '../constructs/foundation/foundation-document';
import { VpcFlowLogs } from '../constructs/network/flow-logs';
import { Network } from '../constructs/network/network';
import { networkName, vpcFlowLogGroupName, vpcFlowLogRoleName } from '../contract/naming';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type NetworkStackProps = GoldenpathStackProps;

/** `{env}-network`: the VPC every cluster and the database live in, published as the `network` foundation document. */
export class NetworkStack extends GoldenpathStack {
  readonly network: Network;
  readonly flowLogs: VpcFlowLogs;
  readonly foundationDocument: FoundationDocument<'network'>;

  constructor(scope: Construct, props: NetworkStackProps) {
    super(scope, 'network', props);
    const { env } = props;

    this.network = new Network(this, 'network', {
      name: networkName(env.name),
      vpcCidr: env.network.vpcCidr,
      availabilityZones: env.network.availabilityZones,
      natStrategy: env.network.natStrategy,
      region: env.account.region,
    });

    this.flowLogs = new VpcFlowLogs(this, 'flow-logs', {
      vpcId: this.network.vpc.id,
      accountId: env.account.id,
      logGroupName: vpcFlowLogGroupName(env.name),
      roleName: vpcFlowLogRoleName(env.name),
      permissionsBoundaryArn: boundaryArn(env, 'workload-boundary'),
      retentionDays: env.network.flowLogRetentionDays,
    });

    const publicSubnetIds = this.network.publicSubnets.map((s) => s.id);
    const privateSubnetIds = this.network.privateSubnets.map((s) => s.id);

    this.foundationDocument = new FoundationDocument(this, 'foundation-document', {
      env: env.name,
      kind: 'network',
      document: {
        vpcId: this.network.vpc.id,
        vpcCidr: this.network.vpc.cidrBlock,
        availabilityZones: [...env.network.availabilityZones],
        publicSubnetIds,
        privateSubnetIds,
      },
    });

    const outputs: Record<string, string | string[]> = {
      vpc_id: this.network.vpc.id,
      vpc_cidr: this.network.vpc.cidrBlock,
      availability_zones: [...env.network.availabilityZones],
      public_subnet_ids: publicSubnetIds,
      private_subnet_ids: privateSubnetIds,
      nat_gateway_ids: this.network.natGateways.gateways.map((g) => g.id),
    };
    for (const [id, value] of Object.entries(outputs)) new TerraformOutput(this, id, { value, staticId: true });
  }
}
