import { CLUSTER_AUTOSCALER_OWNED, clusterAutoscalerOwnerTagKey } from '../../../contract/tags';
import { regionalArn } from '../../../contract/iam/arn';
import type { PolicyDocument } from '../../../contract/iam/policy-document';

export interface ClusterAutoscalerPolicyInput {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
}

/**
 * The cluster-autoscaler's policy: it may read every Auto Scaling group, but
 * resize or shrink only the groups tagged as owned by this cluster.
 */
export function clusterAutoscalerPolicy(input: ClusterAutoscalerPolicyInput): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Discover',
        Effect: 'Allow',
        Action: [
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:DescribeAutoScalingInstances',
          'autoscaling:DescribeLaunchConfigurations',
          'autoscaling:DescribeScalingActivities',
          'autoscaling:DescribeTags',
          'ec2:DescribeImages',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplateVersions',
          'ec2:GetInstanceTypesFromInstanceRequirements',
        ],
        Resource: '*',
      },
      {
        Sid: 'DescribeOwnNodeGroups',
        Effect: 'Allow',
        Action: 'eks:DescribeNodegroup',
        Resource: regionalArn(input, 'eks', `nodegroup/${input.clusterName}/*`),
      },
      {
        Sid: 'ScaleOwnGroups',
        Effect: 'Allow',
        Action: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
        Resource: '*',
        Condition: { StringEquals: { [`aws:ResourceTag/${clusterAutoscalerOwnerTagKey(input.clusterName)}`]: CLUSTER_AUTOSCALER_OWNED } },
      },
    ],
  };
}
