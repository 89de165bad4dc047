import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type NetworkStackProps = Omit<GoldenpathStackProps, 'plane'>;

/** `{env}-network`: the VPC every cluster and the database live in. */
export class NetworkStack extends GoldenpathStack {
  constructor(scope: Construct, name: string, props: NetworkStackProps) {
    super(scope, name, { ...props, plane: 'foundational' });
    new TerraformOutput(this, 'vpc_cidr', { value: props.env.network.vpcCidr });
  }
}
