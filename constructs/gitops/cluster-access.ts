import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';

export interface ClusterAccessProps {
  /** The EKS cluster the cluster stack created (`clusterName(selection)`). */
  readonly clusterName: string;
  /** The cluster's region, for the token command. */
  readonly region: string;
}

/** The client authentication API `aws eks get-token` answers with. */
export const EKS_TOKEN_API_VERSION = 'client.authentication.k8s.io/v1beta1';

/**
 * `aws eks get-token` as the providers' exec plugin: a token is minted
 * whenever the provider needs one, so a Helm release that waits 15 minutes
 * (Argo CD's) never outlives it, as the 15-minute aws_eks_cluster_auth token did.
 */
export function eksTokenExec(clusterName: string, region: string): { apiVersion: string; command: string; args: string[] } {
  return { apiVersion: EKS_TOKEN_API_VERSION, command: 'aws', args: ['eks', 'get-token', '--cluster-name', clusterName, '--region', region, '--output', 'json'] };
}

/**
 * The Kubernetes and Helm providers of the platform stack, configured from
 * the EKS cluster looked up by name and a token the exec plugin refreshes:
 * nothing about the cluster is typed into this stack.
 */
export class ClusterAccess extends Construct {
  readonly cluster: DataAwsEksCluster;
  readonly kubernetes: KubernetesProvider;
  readonly helm: HelmProvider;

  constructor(scope: Construct, id: string, props: ClusterAccessProps) {
    super(scope, id);
    this.cluster = new DataAwsEksCluster(this, 'cluster', { name: props.clusterName });
    const connection = {
      host: this.cluster.endpoint,
      clusterCaCertificate: Fn.base64decode(this.cluster.certificateAuthority.get(0).data),
    };
    const exec = eksTokenExec(props.clusterName, props.region);
    this.kubernetes = new KubernetesProvider(this, 'kubernetes', { ...connection, exec: [exec] });
    this.helm = new HelmProvider(this, 'helm', { kubernetes: { ...connection, exec } });
  }

  /** The cluster's VPC, for controllers that must be told it. */
  get vpcId(): string {
    return this.cluster.vpcConfig.get(0).vpcId;
  }
}
