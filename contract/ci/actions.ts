/** Action lists the CI roles share: what the lifecycle CLI calls, and what a build leaves behind. */

/** Read-only calls of `goldenpath builds`, `orphans` and `teardown` to find a build's resources (IAM offers no resource scoping for them). */
export const CLEANUP_DISCOVERY_ACTIONS = [
  'tag:GetResources',
  'ec2:DescribeAddresses',
  'ec2:DescribeInstances',
  'ec2:DescribeSnapshots',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeLaunchTemplates',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeVolumes',
  'eks:DescribeCluster',
  'eks:ListNodegroups',
  'eks:DescribeNodegroup',
  'eks:ListFargateProfiles',
  'eks:DescribeFargateProfile',
  'eks:ListAddons',
  'eks:DescribeAddon',
  'kms:DescribeKey',
  'kms:ListAliases',
  'kms:ListResourceTags',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTags',
  'logs:DescribeLogGroups',
  'iam:GetAccountAuthorizationDetails',
  'iam:GetInstanceProfile',
  'iam:GetOpenIDConnectProvider',
  'iam:ListInstanceProfiles',
  'iam:ListInstanceProfileTags',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
  'iam:ListOpenIDConnectProviders',
  'iam:ListPolicies',
  'iam:ListPolicyTags',
  'iam:ListPolicyVersions',
  'iam:ListRolePolicies',
  'route53:ListHostedZonesByName',
  'route53:ListResourceRecordSets',
  // The live prices of `goldenpath builds` and the reaper's cost estimate (the Price List API has no resources).
  'pricing:GetProducts',
] as const;

/** What `goldenpath preflight` reads besides the foundation documents: the env zone and database. */
export const PREFLIGHT_ACTIONS = ['route53:GetHostedZone', 'rds:DescribeDBInstances'] as const;

/** Deletions of regional resources a build or its controllers create (selected by tag, never by name); each supports aws:ResourceTag. */
export const TAGGED_DELETE_ACTIONS = [
  'acm:DeleteCertificate',
  'eks:DeleteAddon',
  'eks:DeleteCluster',
  'eks:DeleteFargateProfile',
  'eks:DeleteNodegroup',
  'ec2:DeleteSnapshot',
  'ec2:TerminateInstances',
  'kms:DeleteAlias',
  'kms:ScheduleKeyDeletion',
  'ec2:DeleteInternetGateway',
  'ec2:DeleteLaunchTemplate',
  'ec2:DeleteNatGateway',
  'ec2:DeleteNetworkInterface',
  'ec2:DeleteSecurityGroup',
  'ec2:DeleteSubnet',
  'ec2:DeleteVolume',
  'ec2:DeleteVpc',
  'ec2:DetachInternetGateway',
  'ec2:DisassociateAddress',
  'ec2:ReleaseAddress',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupIngress',
  'elasticloadbalancing:DeleteLoadBalancer',
  'elasticloadbalancing:DeleteTargetGroup',
] as const;

/** Emptying (every version) and deleting a build's bucket, allowed only on the build bucket names (S3 buckets are found by name). */
export const BUILD_BUCKET_DELETE_ACTIONS = ['s3:GetBucketTagging', 's3:ListBucketVersions', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket'] as const;

/** IAM deletions of a build's roles and policies, allowed only on the build name space. */
export const BUILD_IAM_DELETE_ACTIONS = [
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
] as const;
