import { accountScope, iamArn, logGroupArns, policyArn, regionalArn, roleArn, s3BucketArn, ssmParameterArn } from '../iam/arn';
import { policyDocument, type PolicyConditions, type PolicyDocument, type PolicyStatement } from '../iam/policy-document';
import { clusterLogGroupName, FOUNDATION_KINDS, foundationParameterFolder, foundationParameterName, objectStorageBucketName } from '../naming';
import { ephemeral } from '../selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../tags';
import { BUILD_IAM_DELETE_ACTIONS, CLEANUP_DISCOVERY_ACTIONS, PREFLIGHT_ACTIONS, TAGGED_DELETE_ACTIONS } from './actions';
import { buildRecordStatements } from './build-records';
import type { CiEnv } from './ci-env';
import { ciGuardRails, protectPersistent } from './guards';
import { ANY_BUILD, anyBuildName, stateLocation } from './names';
import { regionLock } from './region-lock';
import { ledgerStatements, stateArns, stateGuardRails } from './state-access';

/** The service-linked roles a build's cluster needs on first use in an account. */
export const BUILD_SERVICE_LINKED_ROLES = ['eks.amazonaws.com', 'eks-nodegroup.amazonaws.com', 'autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com'] as const;

/** What a build reads anywhere: descriptions the stacks' data sources and the CLI need (IAM offers no resource scoping for most). */
export const BUILD_READ_ACTIONS = [
  'autoscaling:Describe*',
  'ec2:Describe*',
  'eks:DescribeAddonVersions',
  'eks:DescribeAddonConfiguration',
  'eks:ListClusters',
  'iam:GetRole',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  'iam:GetRolePolicy',
  'iam:ListRoles',
  'iam:ListRoleTags',
  'iam:ListOpenIDConnectProviderTags',
  'kms:ListAliases',
  'logs:DescribeLogGroups',
  'ssm:DescribeParameters',
  'pricing:GetProducts',
] as const;

/** Tags every build resource carries when created (aws:RequestTag) and when changed or deleted (aws:ResourceTag). */
function buildTagConditions(env: CiEnv, when: 'RequestTag' | 'ResourceTag'): PolicyConditions {
  return {
    StringEquals: {
      [`aws:${when}/${TAG_KEYS.env}`]: env.name,
      [`aws:${when}/${TAG_KEYS.lifecycle}`]: 'ephemeral',
      // Stacks tag the plane; controllers (load balancers, volumes) tag only the build identity.
      ...(when === 'RequestTag' ? { [`aws:${when}/${TAG_KEYS.plane}`]: 'disposable' } : {}),
    },
    Null: { [`aws:${when}/${TAG_KEYS.buildId}`]: 'false' },
  };
}

/**
 * The build role (ephemeral-build: labelled pull requests and manual runs on
 * main, in envs that enable builds). A pull request is an attacker, so it
 * creates, changes and deletes only build resources: named in the build
 * space `goldenpath-{env}-b-*`, or tagged as a build of the env when created
 * and when changed or deleted. It writes only build state keys and ledger
 * rows, reads the foundation documents, and changes no persistent or
 * foundational resource, secret, document, the zone or any other role.
 */
export function buildPolicy(env: CiEnv): PolicyDocument {
  const scope = accountScope(env.account);
  const builds = anyBuildName(env.name);
  const state = stateArns(env, scope.partition);
  const eks = (resource: string) => regionalArn(scope, 'eks', resource);
  const createTagged = buildTagConditions(env, 'RequestTag');
  const ownTagged = buildTagConditions(env, 'ResourceTag');
  const controllerStatements: PolicyStatement[] = [CONTROLLER_TAGS.lbControllerCluster, CONTROLLER_TAGS.eksClusterName, CONTROLLER_TAGS.vpcCniCluster].map((key, i) => ({
    Sid: `DeleteMadeByBuildControllers${i + 1}`,
    Effect: 'Allow',
    Action: TAGGED_DELETE_ACTIONS,
    Resource: '*',
    Condition: { StringLike: { [`aws:ResourceTag/${key}`]: builds } },
  }));
  return policyDocument([
    { Sid: 'ListBuildState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: state.bucket, Condition: { StringLike: { 's3:prefix': [`${state.buildsFolder}/*`] } } },
    { Sid: 'ReadWriteBuildState', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: state.builds },
    ...ledgerStatements(env, scope.partition),
    {
      Sid: 'ReadFoundationDocuments',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      Resource: [...FOUNDATION_KINDS.map((k) => ssmParameterArn(scope, foundationParameterName(env.name, k))), ssmParameterArn(scope, foundationParameterFolder(env.name))],
    },
    { Sid: 'Read', Effect: 'Allow', Action: BUILD_READ_ACTIONS, Resource: '*' },
    { Sid: 'Discover', Effect: 'Allow', Action: [...CLEANUP_DISCOVERY_ACTIONS, ...PREFLIGHT_ACTIONS], Resource: '*' },
    {
      Sid: 'BuildClusters',
      Effect: 'Allow',
      Action: ['eks:*'],
      Resource: [eks(`cluster/${builds}`), ...['nodegroup', 'addon', 'access-entry', 'podidentityassociation', 'identityproviderconfig', 'fargateprofile'].map((kind) => eks(`${kind}/${builds}/*`))],
    },
    // EKS authorizes a cluster's creation on no resource: only the build tags make it a build's.
    { Sid: 'CreateTaggedBuildClusters', Effect: 'Allow', Action: ['eks:CreateCluster'], Resource: '*', Condition: createTagged },
    {
      // Security groups and launch templates: created with the build tags (the VPC is authorized in the same call, with the same request tags).
      Sid: 'CreateTaggedEc2',
      Effect: 'Allow',
      Action: ['ec2:CreateSecurityGroup', 'ec2:CreateLaunchTemplate'],
      Resource: '*',
      Condition: createTagged,
    },
    {
      Sid: 'TagEc2AtCreation',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: '*',
      // The node security group's rules (aws_vpc_security_group_*_rule) are tagged in the Authorize call that creates them.
      // With the build's tags only: a new rule tagged persistent or of another env would hide from teardown and cleanup.
      Condition: {
        ...createTagged,
        StringEquals: {
          ...createTagged.StringEquals,
          'ec2:CreateAction': ['CreateSecurityGroup', 'CreateLaunchTemplate', 'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress'],
        },
      },
    },
    {
      Sid: 'ChangeOwnEc2',
      Effect: 'Allow',
      Action: [
        'ec2:AuthorizeSecurityGroupEgress',
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:CreateLaunchTemplateVersion',
        'ec2:ModifyLaunchTemplate',
        'ec2:ModifySecurityGroupRules',
        'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
        'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
        ...TAGGED_DELETE_ACTIONS,
      ],
      Resource: '*',
      Condition: ownTagged,
    },
    ...controllerStatements,
    {
      // EKS makes each node group's Auto Scaling group; the cluster stack tags it for the autoscaler and teardown.
      Sid: 'TagBuildNodeGroups',
      Effect: 'Allow',
      Action: ['autoscaling:CreateOrUpdateTags', 'autoscaling:DeleteTags'],
      Resource: '*',
      Condition: { StringLike: { [`aws:ResourceTag/${CONTROLLER_TAGS.eksClusterName}`]: builds } },
    },
    {
      Sid: 'CreateTaggedKeys',
      Effect: 'Allow',
      Action: ['kms:CreateKey', 'kms:TagResource'],
      Resource: '*',
      Condition: createTagged,
    },
    {
      Sid: 'UseOwnKeys',
      Effect: 'Allow',
      Action: ['kms:CreateAlias', 'kms:CreateGrant', 'kms:DeleteAlias', 'kms:DescribeKey', 'kms:EnableKeyRotation', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'],
      Resource: '*',
      Condition: ownTagged,
    },
    // Alias calls are authorized on the alias too: only the build alias names.
    { Sid: 'BuildKeyAliases', Effect: 'Allow', Action: ['kms:CreateAlias', 'kms:DeleteAlias'], Resource: regionalArn(scope, 'kms', `alias/${builds}`) },
    {
      Sid: 'BuildLogGroups',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:TagLogGroup', 'logs:ListTagsForResource', 'logs:ListTagsLogGroup'],
      Resource: logGroupArns(scope, clusterLogGroupName(ephemeral(env.name, ANY_BUILD))),
    },
    { Sid: 'BuildRolesAndPolicies', Effect: 'Allow', Action: ['iam:*'], Resource: [roleArn(scope, builds), policyArn(scope, builds)] },
    {
      Sid: 'CreateTaggedOidcProviders',
      Effect: 'Allow',
      Action: ['iam:CreateOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider'],
      Resource: iamArn(scope, `oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
      Condition: createTagged,
    },
    {
      Sid: 'OwnOidcProviders',
      Effect: 'Allow',
      Action: ['iam:GetOpenIDConnectProvider', 'iam:DeleteOpenIDConnectProvider'],
      Resource: iamArn(scope, `oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
      Condition: ownTagged,
    },
    {
      // IAM authorizes this on the instance profile EKS names itself; the CLI only calls it for a build role's profiles.
      Sid: 'DetachBuildRolesFromInstanceProfiles',
      Effect: 'Allow',
      Action: ['iam:RemoveRoleFromInstanceProfile'],
      Resource: iamArn(scope, 'instance-profile/*'),
    },
    {
      Sid: 'ServiceLinkedRoles',
      Effect: 'Allow',
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: roleArn(scope, 'aws-service-role/*'),
      Condition: { StringEquals: { 'iam:AWSServiceName': BUILD_SERVICE_LINKED_ROLES } },
    },
    {
      // Object storage of a build that reaches tier 2: named in the build space.
      Sid: 'BuildObjectStorage',
      Effect: 'Allow',
      Action: ['s3:*'],
      Resource: (() => {
        const bucket = s3BucketArn(scope.partition, objectStorageBucketName(ephemeral(env.name, ANY_BUILD), env.account.id));
        return [bucket, `${bucket}/*`];
      })(),
    },
    {
      // The build's certificate: requested with the build tags, then described, validated and deleted only when so tagged.
      Sid: 'BuildCertificates',
      Effect: 'Allow',
      Action: ['acm:RequestCertificate', 'acm:AddTagsToCertificate'],
      Resource: '*',
      Condition: createTagged,
    },
    { Sid: 'OwnCertificates', Effect: 'Allow', Action: ['acm:DescribeCertificate', 'acm:ListTagsForCertificate', 'acm:DeleteCertificate'], Resource: '*', Condition: ownTagged },
    { Sid: 'ListCertificates', Effect: 'Allow', Action: ['acm:ListCertificates'], Resource: '*' },
    ...buildRecordStatements('BuildRecords', env, ['CREATE', 'UPSERT', 'DELETE']),
    regionLock(env.account.region, stateLocation(env).region),
    ...ciGuardRails(env),
    ...stateGuardRails(env, scope.partition),
    ...protectPersistent([...TAGGED_DELETE_ACTIONS, ...BUILD_IAM_DELETE_ACTIONS, 'iam:DeleteOpenIDConnectProvider', 'logs:DeleteLogGroup', 'kms:ScheduleKeyDeletion', 'eks:DeleteCluster', 'eks:DeleteNodegroup']),
  ]);
}
