import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { DataAwsEksClusterAuth } from '@cdktf/provider-aws/lib/data-aws-eks-cluster-auth';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';

export interface ClusterAccessProps {
  /** The EKS cluster the cluster stack created (`clusterName(selection)`). */
  readonly clusterName: string;
}

/**
 * The Kubernetes and Helm providers of the platform stack, configured from
 * the EKS cluster looked up by name and a short-lived token: nothing about
 * the cluster is typed into this stack.
 */
export class ClusterAccess extends Construct {
  readonly cluster: DataAwsEksCluster;
  readonly kubernetes: KubernetesProvider;
  readonly helm: HelmProvider;

  constructor(scope: Construct, id: string, props: ClusterAccessProps) {
    super(scope, id);
    this.cluster = new DataAwsEksCluster(this, 'cluster', { name: props.clusterName });
    const auth = new DataAwsEksClusterAuth(this, 'auth', { name: props.clusterName });
    const connection = {
      host: this.cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(this.cluster.certificateAuthority.get(0).data),
      token: auth.token,
    };
    this.kubernetes = new KubernetesProvider(this, 'kubernetes', connection);
    this.helm = new HelmProvider(this, 'helm', { kubernetes: connection });
  }

  /** The cluster's VPC, for controllers that must be told it. */
  get vpcId(): string {
    return this.cluster.vpcConfig.get(0).vpcId;
  }
}
