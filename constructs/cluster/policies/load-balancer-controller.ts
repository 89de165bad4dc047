import { arn } from '../../../contract/iam/arn';
import type { PolicyDocument } from '../../../contract/iam/policy-document';
import { CONTROLLER_TAGS, PROTECTED_PLANES, TAG_KEYS } from '../../../contract/tags';

export interface LoadBalancerControllerPolicyInput {
  readonly partition: string;
  /** The controller's `--cluster-name`: the value of the `elbv2.k8s.aws/cluster` tag on everything it creates. */
  readonly clusterName: string;
}

const CLUSTER_TAG = CONTROLLER_TAGS.lbControllerCluster;

/**
 * The AWS Load Balancer Controller's published IAM policy (v2.13
 * `docs/install/iam_policy.json` of kubernetes-sigs/aws-load-balancer-controller,
 * the revision with `ModifyIpPools` and `SetRulePriorities`), kept as data and
 * scoped to ONE cluster. Deviations from the reference, each marked below:
 *
 * - Where the reference asks only that `elbv2.k8s.aws/cluster` exists, this
 *   asks that it equals `clusterName` (request tags on create, resource tags
 *   afterwards), so one cluster's controller never changes another's load
 *   balancers, target groups, listeners, rules or security groups.
 * - Ingress edits without a tag condition become edits of the EKS cluster
 *   security group only: with IP targets the controller opens the pods' ports
 *   on the ENI's security group tagged `kubernetes.io/cluster/<name>`, which is
 *   the one EKS creates and tags `aws:eks:cluster-name: <name>` (an `aws:` tag
 *   nobody can set or change).
 * - An explicit deny on security groups of the foundational and account planes
 *   (the database's among them), whatever tag they are given.
 *
 * The reference's write statements are grouped by scope (created with, or
 * carrying, this cluster's tag), which also keeps the document inside one
 * managed policy. Re-derive the action lists when the chart's controller
 * version moves, keeping these scopes. What IAM cannot scope by the load
 * balancer's tags stays as published: `SetWebAcl` and `SetRulePriorities`
 * (no resource tags), and the WAF and Shield calls (authorized on the web
 * ACL or protection, not on the load balancer); the platform's only load
 * balancer is Kong's NLB, which uses none of them.
 */
export function loadBalancerControllerPolicy(input: LoadBalancerControllerPolicyInput): PolicyDocument {
  const { partition, clusterName } = input;
  const ec2 = (resource: string) => arn(partition, 'ec2', '*', '*', resource);
  const elb = (resource: string) => arn(partition, 'elasticloadbalancing', '*', '*', resource);
  const securityGroups = ec2('security-group/*');
  const loadBalancersAndTargetGroups = [elb('targetgroup/*/*'), elb('loadbalancer/net/*/*'), elb('loadbalancer/app/*/*')];
  // One pattern per kind (the reference lists net and app apiece): the tag conditions, not the ARN, confine these.
  const listenersAndRules = [elb('listener/*'), elb('listener-rule/*')];
  const ownResource = { [`aws:ResourceTag/${CLUSTER_TAG}`]: clusterName };
  const ownRequest = { [`aws:RequestTag/${CLUSTER_TAG}`]: clusterName };
  // Re-tagging its own resources must not name another cluster or drop its own: the cluster tag is set at creation only.
  // Removals carry only the keys (aws:TagKeys), additions the values too (aws:RequestTag): both are checked.
  const clusterTagUntouched = {
    Null: { [`aws:RequestTag/${CLUSTER_TAG}`]: 'true' },
    'ForAllValues:StringNotEquals': { 'aws:TagKeys': [CLUSTER_TAG] },
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole'],
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
      },
      {
        Effect: 'Allow',
        Action: [
          'ec2:DescribeAccountAttributes',
          'ec2:DescribeAddresses',
          'ec2:DescribeAvailabilityZones',
          'ec2:DescribeInternetGateways',
          'ec2:DescribeVpcs',
          'ec2:DescribeVpcPeeringConnections',
          'ec2:DescribeSubnets',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeInstances',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeTags',
          'ec2:GetCoipPoolUsage',
          'ec2:DescribeCoipPools',
          'ec2:GetSecurityGroupsForVpc',
          'ec2:DescribeIpamPools',
          'ec2:DescribeRouteTables',
          'elasticloadbalancing:DescribeLoadBalancers',
          'elasticloadbalancing:DescribeLoadBalancerAttributes',
          'elasticloadbalancing:DescribeListeners',
          'elasticloadbalancing:DescribeListenerCertificates',
          'elasticloadbalancing:DescribeSSLPolicies',
          'elasticloadbalancing:DescribeRules',
          'elasticloadbalancing:DescribeTargetGroups',
          'elasticloadbalancing:DescribeTargetGroupAttributes',
          'elasticloadbalancing:DescribeTargetHealth',
          'elasticloadbalancing:DescribeTags',
          'elasticloadbalancing:DescribeTrustStores',
          'elasticloadbalancing:DescribeListenerAttributes',
          'elasticloadbalancing:DescribeCapacityReservation',
        ],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: [
          'cognito-idp:DescribeUserPoolClient',
          'acm:ListCertificates',
          'acm:DescribeCertificate',
          'iam:ListServerCertificates',
          'iam:GetServerCertificate',
          'waf-regional:GetWebACL',
          'waf-regional:GetWebACLForResource',
          'waf-regional:AssociateWebACL',
          'waf-regional:DisassociateWebACL',
          'wafv2:GetWebACL',
          'wafv2:GetWebACLForResource',
          'wafv2:AssociateWebACL',
          'wafv2:DisassociateWebACL',
          'shield:GetSubscriptionState',
          'shield:DescribeProtection',
          'shield:CreateProtection',
          'shield:DeleteProtection',
        ],
        Resource: '*',
      },
      {
        // Deviation: the reference allows these on every security group. Only the EKS cluster security group of this
        // cluster (the pods' and nodes' endpoint group) is opened here; the controller's own groups follow below.
        Sid: 'EndpointSecurityGroupIngress',
        Effect: 'Allow',
        Action: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
        Resource: securityGroups,
        Condition: { StringEquals: { [`aws:ResourceTag/${CONTROLLER_TAGS.eksClusterName}`]: clusterName } },
      },
      {
        // Deviation: created only with this cluster's tag (the reference also allows untagged security groups).
        Sid: 'CreateOwn',
        Effect: 'Allow',
        Action: ['ec2:CreateSecurityGroup', 'elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
        Resource: '*',
        Condition: { StringEquals: ownRequest },
      },
      // CreateSecurityGroup is also authorized on the VPC, which carries no request tags.
      { Effect: 'Allow', Action: ['ec2:CreateSecurityGroup'], Resource: ec2('vpc/*') },
      {
        Sid: 'TagOnCreate',
        Effect: 'Allow',
        Action: ['ec2:CreateTags'],
        Resource: securityGroups,
        Condition: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup', ...ownRequest } },
      },
      {
        // Deviation: listeners and rules too are tagged at creation only under this cluster's name (the reference lets
        // any listener or rule be tagged with anything, so a controller could adopt another cluster's).
        Sid: 'TagElbOnCreate',
        Effect: 'Allow',
        Action: ['elasticloadbalancing:AddTags'],
        Resource: [...loadBalancersAndTargetGroups, ...listenersAndRules],
        Condition: {
          StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer', 'CreateListener', 'CreateRule'], ...ownRequest },
        },
      },
      {
        Sid: 'RetagOwn',
        Effect: 'Allow',
        Action: ['ec2:CreateTags', 'ec2:DeleteTags', 'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
        Resource: [securityGroups, ...loadBalancersAndTargetGroups, ...listenersAndRules],
        Condition: { ...clusterTagUntouched, StringEquals: ownResource },
      },
      {
        // Deviations: the reference allows the listener and rule actions, target registration and the listener
        // changes on any resource. CreateListener is authorized on the load balancer, CreateRule on the listener, the
        // others on what they change; all carry the cluster tag (ListenerRulesTagging, on by default since v2.4).
        Sid: 'ChangeOwn',
        Effect: 'Allow',
        Action: [
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:DeleteSecurityGroup',
          'elasticloadbalancing:CreateListener',
          'elasticloadbalancing:DeleteListener',
          'elasticloadbalancing:CreateRule',
          'elasticloadbalancing:DeleteRule',
          'elasticloadbalancing:ModifyLoadBalancerAttributes',
          'elasticloadbalancing:SetIpAddressType',
          'elasticloadbalancing:SetSecurityGroups',
          'elasticloadbalancing:SetSubnets',
          'elasticloadbalancing:DeleteLoadBalancer',
          'elasticloadbalancing:ModifyTargetGroup',
          'elasticloadbalancing:ModifyTargetGroupAttributes',
          'elasticloadbalancing:DeleteTargetGroup',
          'elasticloadbalancing:ModifyListenerAttributes',
          'elasticloadbalancing:ModifyCapacityReservation',
          'elasticloadbalancing:ModifyIpPools',
          'elasticloadbalancing:RegisterTargets',
          'elasticloadbalancing:DeregisterTargets',
          'elasticloadbalancing:ModifyListener',
          'elasticloadbalancing:AddListenerCertificates',
          'elasticloadbalancing:RemoveListenerCertificates',
          'elasticloadbalancing:ModifyRule',
        ],
        Resource: '*',
        Condition: { StringEquals: ownResource },
      },
      { Effect: 'Allow', Action: ['elasticloadbalancing:SetWebAcl', 'elasticloadbalancing:SetRulePriorities'], Resource: '*' },
      {
        // Deviation: the database's and the network's security groups stay closed whatever tag they are given.
        Sid: 'DenyFoundationalSecurityGroups',
        Effect: 'Deny',
        Action: [
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:ModifySecurityGroupRules',
          'ec2:DeleteSecurityGroup',
          'ec2:CreateTags',
          'ec2:DeleteTags',
        ],
        Resource: securityGroups,
        Condition: { StringEqualsIgnoreCase: { [`aws:ResourceTag/${TAG_KEYS.plane}`]: PROTECTED_PLANES } },
      },
    ],
  };
}
