import { AutoscalingGroupTagA } from '@cdktf/provider-aws/lib/autoscaling-group-tag';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Fn, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

export interface NodeGroupSpec {
  readonly name: string;
  readonly instanceTypes: readonly string[];
  readonly capacityType: 'ON_DEMAND' | 'SPOT';
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
  readonly diskSizeGb: number;
}

export interface NodeGroupProps {
  /** The EKS cluster the nodes join. */
  readonly clusterName: string;
  /** Kubernetes minor version of the nodes, equal to the control plane's. */
  readonly kubernetesVersion: string;
  /** The env's node group definition: name, instance types, sizes, labels, taints. */
  readonly spec: NodeGroupSpec;
  /** Launch template name (account-wide, so it carries the cluster name). */
  readonly launchTemplateName: string;
  /** IAM role of the nodes. */
  readonly nodeRoleArn: string;
  /** Private subnets the nodes run in. */
  readonly subnetIds: string[];
  /** The EKS cluster security group plus the node security group. */
  readonly securityGroupIds: string[];
  /** Tags for what the provider's default_tags never reach: instances, volumes, ENIs and the Auto Scaling group. */
  readonly propagatedTags: Readonly<Record<string, string>>;
  /** Tags of the node group itself (autoscaler discovery). */
  readonly nodeGroupTags: Readonly<Record<string, string>>;
  /**
   * AMI family; must match the instance types' architecture.
   * @default 'AL2023_x86_64_STANDARD'
   */
  readonly amiType?: string;
  /**
   * IMDSv2 response hop limit. 1 keeps pods (other than host-network ones) away
   * from the node role's credentials; they use IRSA instead.
   * @default 1
   */
  readonly metadataHopLimit?: number;
  /**
   * What must exist before nodes start (the CNI and kube-proxy add-ons, the node role's policies).
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** The root device of EKS-optimized AL2023 and Bottlerocket AMIs' first volume. */
const ROOT_DEVICE = '/dev/xvda';

/**
 * One managed node group through its own launch template: IMDSv2 only,
 * encrypted gp3 root volume, no public IP, the build's tags on everything the
 * instances create.
 */
export class NodeGroup extends Construct {
  readonly launchTemplate: LaunchTemplate;
  readonly nodeGroup: EksNodeGroup;

  constructor(scope: Construct, id: string, props: NodeGroupProps) {
    super(scope, id);
    const { spec } = props;
    const tags = { ...props.propagatedTags };
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      name: props.launchTemplateName,
      description: `Nodes of ${props.clusterName}/${spec.name}`,
      updateDefaultVersion: true,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: props.metadataHopLimit ?? 1,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: ROOT_DEVICE,
          ebs: { volumeSize: spec.diskSizeGb, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
        },
      ],
      networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: 'false', deleteOnTermination: 'true', securityGroups: props.securityGroupIds }],
      tagSpecifications: ['instance', 'volume', 'network-interface'].map((resourceType) => ({
        resourceType,
        tags: { ...tags, Name: `${props.clusterName}-${spec.name}` },
      })),
    });

    this.nodeGroup = new EksNodeGroup(this, 'node-group', {
      clusterName: props.clusterName,
      nodeGroupName: spec.name,
      version: props.kubernetesVersion,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: props.subnetIds,
      amiType: props.amiType ?? 'AL2023_x86_64_STANDARD',
      capacityType: spec.capacityType,
      instanceTypes: [...spec.instanceTypes],
      scalingConfig: { minSize: spec.minSize, desiredSize: spec.desiredSize, maxSize: spec.maxSize },
      updateConfig: { maxUnavailable: 1 },
      launchTemplate: { id: this.launchTemplate.id, version: Fn.tostring(this.launchTemplate.latestVersion) },
      tags: { ...tags, ...props.nodeGroupTags },
      // The cluster-autoscaler owns the size once the group exists.
      lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
      dependsOn: props.dependsOn,
    });

    // EKS creates the Auto Scaling group itself; its tags reach it only this way.
    const asgName = this.nodeGroup.resources.get(0).autoscalingGroups.get(0).name;
    Object.entries(tags).forEach(([key, value]) => {
      new AutoscalingGroupTagA(this, `asg-tag-${key.replace(/[^a-zA-Z0-9]/g, '-')}`, {
        autoscalingGroupName: asgName,
        tag: { key, value, propagateAtLaunch: false },
      });
    });
  }
}
