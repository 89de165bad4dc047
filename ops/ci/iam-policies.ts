import { buildNamePatterns, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import {
  clusterLogGroupName,
  clusterName,
  dnsPolicyName,
  envSecretPrefix,
  envZoneName,
  FOUNDATION_KINDS,
  foundationParameterFolder,
  foundationParameterName,
  NAME_PREFIX,
  objectStorageBucketName,
  stateKey,
} from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';
import { PLANES, TAG_KEYS } from '../../contract/tags';
import type { Environment } from '../../envs/schema';
import { CONTROLLER_TAGS } from '../cleanup/ownership';

/**
 * The IAM the GitHub workflows assume, generated from the same names, tags,
 * SSM paths and state keys the program uses: a ci-deploy role (deploy,
 * builds, teardown) and a reaper role (orphan cleanup only), each trusting
 * GitHub's OIDC provider for exactly the workflow subjects that use it.
 */

export interface Statement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  /** Absent only in trust policies, which name a Principal instead. */
  readonly Resource?: string | readonly string[];
  readonly Principal?: Record<string, string>;
  readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Statement[];
}

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** Role names the workflows assume; the deploy role's ARN is the env's `cluster.ciDeployRoleArn`. */
export function reaperRoleName(env: string): string {
  return `${NAME_PREFIX}-${env}-ci-reaper`;
}

/** A build's name with `*` for the buildId: matches every build of the env and nothing persistent. */
const ANY_BUILD = '*';

function arns(env: Environment) {
  const { id: account, region } = env.account;
  return {
    iam: (path: string) => `arn:aws:iam::${account}:${path}`,
    ssm: (name: string) => `arn:aws:ssm:${region}:${account}:parameter${name}`,
    logs: (name: string) => [`arn:aws:logs:${region}:${account}:log-group:${name}`, `arn:aws:logs:${region}:${account}:log-group:${name}:*`],
  };
}

function dirOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

/** Read-only calls of `goldenpath builds`, `orphans` and `teardown` to find a build's resources (IAM offers no resource scoping for them). */
export const CLEANUP_DISCOVERY_ACTIONS = [
  'tag:GetResources',
  'ec2:DescribeAddresses',
  'ec2:DescribeInstances',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeLaunchTemplates',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeVolumes',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTags',
  'logs:DescribeLogGroups',
  'iam:GetAccountAuthorizationDetails',
  'iam:GetOpenIDConnectProvider',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
  'iam:ListOpenIDConnectProviders',
  'iam:ListPolicies',
  'iam:ListPolicyTags',
  'iam:ListPolicyVersions',
  'iam:ListRolePolicies',
  'route53:ListHostedZonesByName',
  'route53:ListResourceRecordSets',
] as const;

/** What `goldenpath preflight` reads besides the foundation documents: the env zone and database. */
export const PREFLIGHT_ACTIONS = ['route53:GetHostedZone', 'rds:DescribeDBInstances'] as const;

/** Deletions of regional resources a build's controllers create (selected by tag, never by name). */
export const TAGGED_DELETE_ACTIONS = [
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

/** IAM deletions of a build's roles and policies, allowed only on the build name space. */
export const BUILD_IAM_DELETE_ACTIONS = [
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
] as const;

/** Never touch what is persistent or foundational, whatever else a statement allows. */
function protectPersistent(actions: readonly string[]): Statement[] {
  return [
    {
      Sid: 'NeverPersistent',
      Effect: 'Deny',
      Action: actions,
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent' } },
    },
    {
      Sid: 'NeverFoundational',
      Effect: 'Deny',
      Action: actions,
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.plane}`]: PLANES[0] } },
    },
  ];
}

/**
 * The reaper: finds builds and deletes what they left, in the env's account
 * and region, and only resources tagged as a build of this env, made by the
 * controllers of a build cluster of this env, or named in the build space.
 */
export function reaperPolicy(env: Environment): PolicyDocument {
  const a = arns(env);
  const buildCluster = clusterName(ephemeral(env.name, ANY_BUILD));
  const region = { StringEquals: { 'aws:RequestedRegion': env.account.region } };
  const controllerStatements: Statement[] = [CONTROLLER_TAGS.lbControllerCluster, CONTROLLER_TAGS.eksClusterName, CONTROLLER_TAGS.vpcCniCluster].map((key, i) => ({
    Sid: `DeleteMadeByBuildControllers${i + 1}`,
    Effect: 'Allow',
    Action: TAGGED_DELETE_ACTIONS,
    Resource: '*',
    Condition: { ...region, StringLike: { [`aws:ResourceTag/${key}`]: buildCluster } },
  }));
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Discover', Effect: 'Allow', Action: CLEANUP_DISCOVERY_ACTIONS, Resource: '*' },
      {
        Sid: 'DeleteTaggedBuildResources',
        Effect: 'Allow',
        Action: TAGGED_DELETE_ACTIONS,
        Resource: '*',
        Condition: {
          StringEquals: { ...region.StringEquals, [`aws:ResourceTag/${TAG_KEYS.env}`]: env.name, [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral' },
          Null: { [`aws:ResourceTag/${TAG_KEYS.buildId}`]: 'false' },
        },
      },
      ...controllerStatements,
      {
        Sid: 'DeleteBuildRolesAndPolicies',
        Effect: 'Allow',
        Action: BUILD_IAM_DELETE_ACTIONS,
        Resource: [a.iam(`role/${buildCluster}`), a.iam(`policy/${buildCluster}`)],
      },
      {
        // IAM authorizes this on the instance profile (EKS names node profiles itself); the CLI only calls it for a build role's profiles.
        Sid: 'DetachBuildRolesFromInstanceProfiles',
        Effect: 'Allow',
        Action: ['iam:RemoveRoleFromInstanceProfile'],
        Resource: a.iam('instance-profile/*'),
      },
      {
        Sid: 'DeleteBuildOidcProviders',
        Effect: 'Allow',
        Action: ['iam:DeleteOpenIDConnectProvider'],
        Resource: a.iam(`oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
        Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.env}`]: env.name, [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral' } },
      },
      { Sid: 'DeleteBuildLogGroups', Effect: 'Allow', Action: ['logs:DeleteLogGroup'], Resource: a.logs(clusterLogGroupName(ephemeral(env.name, ANY_BUILD))) },
      {
        Sid: 'DeleteBuildRecords',
        Effect: 'Allow',
        Action: ['route53:ChangeResourceRecordSets'],
        Resource: 'arn:aws:route53:::hostedzone/*',
        Condition: {
          'ForAllValues:StringEquals': { [ROUTE53_CHANGE_KEYS.actions]: ['DELETE'] },
          'ForAllValues:StringLike': { [ROUTE53_CHANGE_KEYS.names]: buildNamePatterns(envZoneName({ name: env.name, baseDomain: env.dns.baseDomain }), ANY_BUILD) },
        },
      },
      ...protectPersistent([...TAGGED_DELETE_ACTIONS, ...BUILD_IAM_DELETE_ACTIONS, 'iam:DeleteOpenIDConnectProvider', 'logs:DeleteLogGroup']),
    ],
  };
}

/**
 * Services whose resources the stacks create, update and destroy. A deploy
 * role needs their write actions; what bounds it is the name space, region
 * and boundary statements below, not the action list.
 */
export const DEPLOY_SERVICES = ['acm', 'autoscaling', 'ec2', 'eks', 'elasticloadbalancing', 'kms', 'logs', 'rds', 'route53'] as const;

/**
 * Services without a region: their calls carry us-east-1 whatever the env's
 * region. And the tagging API's read, which lists IAM resources only in
 * us-east-1 (GLOBAL_SERVICES_REGION): cleanup discovery calls it there.
 */
const GLOBAL_SERVICE_ACTIONS = ['iam:*', 'route53:*', 'sts:*', 'tag:GetResources'] as const;

/**
 * The ci-deploy role: everything `cdktf deploy`/`destroy` of the env's stacks
 * needs, IAM only in the env's name space, the state objects of the env only,
 * the foundation documents only, nothing outside the env's region, and no way
 * to strip the DNS boundary from a build role.
 */
export function ciDeployPolicy(env: Environment): PolicyDocument {
  const a = arns(env);
  const envNames = `${NAME_PREFIX}-${env.name}-*`;
  const buildRoles = a.iam(`role/${clusterName(ephemeral(env.name, ANY_BUILD))}`);
  const boundary = a.iam(`policy/${dnsPolicyName(env.name, 'build-boundary')}`);
  const backend = env.stateBackend;
  const state: Statement[] =
    backend === undefined
      ? []
      : (() => {
          const keys = [stateKey(backend.keyPrefix, persistent(env.name), '*'), stateKey(backend.keyPrefix, ephemeral(env.name, ANY_BUILD), '*')];
          return [
            {
              Sid: 'ListEnvState',
              Effect: 'Allow',
              Action: ['s3:ListBucket'],
              Resource: `arn:aws:s3:::${backend.bucket}`,
              Condition: { StringLike: { 's3:prefix': [`${dirOf(keys[0]!)}/*`] } },
            },
            {
              // `.tflock` objects next to each state: S3 native locking (use_lockfile).
              Sid: 'ReadWriteEnvState',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
              Resource: keys.flatMap((k) => [`arn:aws:s3:::${backend.bucket}/${k}`, `arn:aws:s3:::${backend.bucket}/${k}.tflock`]),
            },
          ];
        })();
  const regions = [...new Set([env.account.region, ...(backend === undefined ? [] : [backend.region])])];
  return {
    Version: '2012-10-17',
    Statement: [
      ...state,
      {
        Sid: 'FoundationDocuments',
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:PutParameter', 'ssm:DeleteParameter', 'ssm:AddTagsToResource', 'ssm:RemoveTagsFromResource', 'ssm:ListTagsForResource'],
        Resource: FOUNDATION_KINDS.map((k) => a.ssm(foundationParameterName(env.name, k))),
      },
      {
        // The disposable stacks read every document of the folder in one call.
        Sid: 'FoundationFolder',
        Effect: 'Allow',
        Action: ['ssm:GetParametersByPath'],
        Resource: a.ssm(foundationParameterFolder(env.name)),
      },
      { Sid: 'DescribeParameters', Effect: 'Allow', Action: ['ssm:DescribeParameters'], Resource: '*' },
      // The platform stack lists the cluster's IRSA roles to check they exist; ListRoles has no resource scoping.
      { Sid: 'ListRoles', Effect: 'Allow', Action: ['iam:ListRoles'], Resource: '*' },
      { Sid: 'StackServices', Effect: 'Allow', Action: DEPLOY_SERVICES.map((s) => `${s}:*`), Resource: '*' },
      {
        // The app secrets, and the master secret RDS creates for the instance (`rds!db-…`).
        Sid: 'EnvSecrets',
        Effect: 'Allow',
        Action: ['secretsmanager:*'],
        Resource: [`arn:aws:secretsmanager:${env.account.region}:${env.account.id}:secret:${envSecretPrefix(env.name)}*`, `arn:aws:secretsmanager:${env.account.region}:${env.account.id}:secret:rds!*`],
      },
      { Sid: 'RandomPasswords', Effect: 'Allow', Action: ['secretsmanager:GetRandomPassword'], Resource: '*' },
      {
        // Object storage of clusters that reach tier 2; never the state bucket or another env's.
        Sid: 'EnvObjectStorage',
        Effect: 'Allow',
        Action: ['s3:*'],
        Resource: [persistent(env.name), ephemeral(env.name, ANY_BUILD)].flatMap((sel) => {
          const bucket = `arn:aws:s3:::${objectStorageBucketName(sel, env.account.id)}`;
          return [bucket, `${bucket}/*`];
        }),
      },
      { Sid: 'LifecycleDiscovery', Effect: 'Allow', Action: [...CLEANUP_DISCOVERY_ACTIONS, ...PREFLIGHT_ACTIONS], Resource: '*' },
      {
        Sid: 'IamInEnvNameSpace',
        Effect: 'Allow',
        Action: ['iam:*'],
        Resource: [
          a.iam(`role/${envNames}`),
          a.iam(`policy/${envNames}`),
          a.iam('instance-profile/*'),
          a.iam(`oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
        ],
      },
      { Sid: 'ServiceLinkedRoles', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: a.iam('role/aws-service-role/*') },
      {
        Sid: 'OnlyTheEnvRegion',
        Effect: 'Deny',
        NotAction: GLOBAL_SERVICE_ACTIONS,
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } },
      },
      {
        Sid: 'BuildRolesKeepTheDnsBoundary',
        Effect: 'Deny',
        Action: ['iam:DeleteRolePermissionsBoundary'],
        Resource: buildRoles,
      },
      {
        Sid: 'BuildRolesGetOnlyTheDnsBoundary',
        Effect: 'Deny',
        Action: ['iam:PutRolePermissionsBoundary'],
        Resource: buildRoles,
        Condition: { StringNotEquals: { 'iam:PermissionsBoundary': boundary } },
      },
    ],
  };
}

/** GitHub OIDC subjects of the workflows (`repo:<owner>/<repo>:...`). */
export function githubSubjects(repository: string, env: string) {
  const repo = `repo:${repository}`;
  return {
    /** deploy-environment: its job runs in the GitHub environment named like the env. */
    deployEnvironment: `${repo}:environment:${env}`,
    /** ephemeral-build on a labelled pull request. */
    pullRequest: `${repo}:pull_request`,
    /** ephemeral-build dispatched by hand, and the nightly reaper: both on the default branch. */
    defaultBranch: `${repo}:ref:refs/heads/main`,
  };
}

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function trustPolicy(accountId: string, subjects: readonly string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'GitHubActions',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${GITHUB_OIDC_HOST}` },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        // `sub` is single-valued: StringEquals with a list matches any one of them.
        Condition: { StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: subjects } },
      },
    ],
  };
}

export interface CiRole {
  readonly roleName: string;
  readonly roleArn: string;
  readonly trust: PolicyDocument;
  readonly policy: PolicyDocument;
}

/** Both roles of an env for a GitHub repository `owner/name`. */
export function ciRoles(env: Environment, repository: string): { ciDeploy: CiRole; reaper: CiRole } {
  if (!REPOSITORY.test(repository)) throw new Error(`repository "${repository}" must be a GitHub owner/name such as goldenpath-idp/goldenpath-infra`);
  const subjects = githubSubjects(repository, env.name);
  const deployArn = env.cluster.ciDeployRoleArn;
  return {
    ciDeploy: {
      roleName: deployArn.slice(deployArn.lastIndexOf('/') + 1),
      roleArn: deployArn,
      trust: trustPolicy(env.account.id, [subjects.deployEnvironment, subjects.pullRequest, subjects.defaultBranch]),
      policy: ciDeployPolicy(env),
    },
    reaper: {
      roleName: reaperRoleName(env.name),
      roleArn: `arn:aws:iam::${env.account.id}:role/${reaperRoleName(env.name)}`,
      trust: trustPolicy(env.account.id, [subjects.defaultBranch]),
      policy: reaperPolicy(env),
    },
  };
}
