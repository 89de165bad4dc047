import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { clusterName } from '../contract/naming';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type ClusterStackProps = Omit<GoldenpathStackProps, 'plane'>;

/** `{env}-cluster` / `{env}-b-{buildId}-cluster`: EKS, nodes, add-ons, IRSA. */
export class ClusterStack extends GoldenpathStack {
  constructor(scope: Construct, name: string, props: ClusterStackProps) {
    super(scope, name, { ...props, plane: 'disposable' });
    new TerraformOutput(this, 'cluster_name', { value: clusterName(props.selection) });
  }
}
