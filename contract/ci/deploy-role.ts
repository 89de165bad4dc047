import { accountScope, iamArn, policyArn, roleArn, s3BucketArn, s3ObjectArn, secretArn, ssmParameterArn } from '../iam/arn';
import { policyDocument, type PolicyDocument, type PolicyStatement } from '../iam/policy-document';
import { dnsPolicyName, envSecretPrefix, FOUNDATION_KINDS, foundationParameterFolder, foundationParameterName, NAME_PREFIX, objectStorageBucketName, stateKey } from '../naming';
import { ephemeral, persistent } from '../selection';
import { CLEANUP_DISCOVERY_ACTIONS, PREFLIGHT_ACTIONS } from './actions';
import { TAG_KEYS } from '../tags';
import type { CiEnv } from './ci-env';
import { ANY_BUILD, anyBuildName } from './names';

/**
 * Services whose resources the stacks create, update and destroy. A deploy
 * role needs their write actions; what bounds it is the name space, region
 * and boundary statements below, not the action list.
 */
export const DEPLOY_SERVICES = ['acm', 'autoscaling', 'ec2', 'eks', 'elasticloadbalancing', 'kms', 'logs', 'rds', 'route53'] as const;

/**
 * Services without a region: their calls carry us-east-1 whatever the env's
 * region. And the tagging API's read, which lists IAM resources only in
 * us-east-1 (the CLI's global services region): cleanup discovery calls it there.
 */
export const GLOBAL_SERVICE_ACTIONS = ['iam:*', 'route53:*', 'sts:*', 'tag:GetResources'] as const;

function dirOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

/**
 * The ci-deploy role: everything `cdktf deploy`/`destroy` of the env's stacks
 * needs, IAM only in the env's name space, the state objects of the env only,
 * the foundation documents only, nothing outside the env's region, and no way
 * to strip the DNS boundary from a build role.
 */
export function ciDeployPolicy(env: CiEnv): PolicyDocument {
  const scope = accountScope(env.account);
  const envNames = `${NAME_PREFIX}-${env.name}-*`;
  const buildRoles = roleArn(scope, anyBuildName(env.name));
  const boundary = policyArn(scope, dnsPolicyName(env.name, 'build-boundary'));
  const backend = env.stateBackend;
  const state: PolicyStatement[] =
    backend === undefined
      ? []
      : (() => {
          const keys = [stateKey(backend.keyPrefix, persistent(env.name), '*'), stateKey(backend.keyPrefix, ephemeral(env.name, ANY_BUILD), '*')];
          return [
            {
              Sid: 'ListEnvState',
              Effect: 'Allow',
              Action: ['s3:ListBucket'],
              Resource: s3BucketArn(scope.partition, backend.bucket),
              Condition: { StringLike: { 's3:prefix': [`${dirOf(keys[0]!)}/*`] } },
            },
            {
              // `.tflock` objects next to each state: S3 native locking (use_lockfile).
              Sid: 'ReadWriteEnvState',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
              Resource: keys.flatMap((k) => [s3ObjectArn(scope.partition, backend.bucket, k), s3ObjectArn(scope.partition, backend.bucket, `${k}.tflock`)]),
            },
          ];
        })();
  const regions = [...new Set([env.account.region, ...(backend === undefined ? [] : [backend.region])])];
  return policyDocument([
    ...state,
    {
      Sid: 'FoundationDocuments',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:PutParameter', 'ssm:DeleteParameter', 'ssm:AddTagsToResource', 'ssm:RemoveTagsFromResource', 'ssm:ListTagsForResource'],
      Resource: FOUNDATION_KINDS.map((k) => ssmParameterArn(scope, foundationParameterName(env.name, k))),
    },
    {
      // The disposable stacks read every document of the folder in one call.
      Sid: 'FoundationFolder',
      Effect: 'Allow',
      Action: ['ssm:GetParametersByPath'],
      Resource: ssmParameterArn(scope, foundationParameterFolder(env.name)),
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
      Resource: [secretArn(scope, `${envSecretPrefix(env.name)}*`), secretArn(scope, 'rds!*')],
    },
    { Sid: 'RandomPasswords', Effect: 'Allow', Action: ['secretsmanager:GetRandomPassword'], Resource: '*' },
    {
      // Object storage of clusters that reach tier 2; never the state bucket or another env's.
      Sid: 'EnvObjectStorage',
      Effect: 'Allow',
      Action: ['s3:*'],
      Resource: [persistent(env.name), ephemeral(env.name, ANY_BUILD)].flatMap((sel) => {
        const bucket = s3BucketArn(scope.partition, objectStorageBucketName(sel, env.account.id));
        return [bucket, `${bucket}/*`];
      }),
    },
    { Sid: 'LifecycleDiscovery', Effect: 'Allow', Action: [...CLEANUP_DISCOVERY_ACTIONS, ...PREFLIGHT_ACTIONS], Resource: '*' },
    {
      // Teardown's cleanup deletes the certificates TLS issuance made for a build.
      Sid: 'DeleteBuildCertificates',
      Effect: 'Allow',
      Action: ['acm:DeleteCertificate'],
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.env}`]: env.name, [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral' } },
    },
    {
      Sid: 'IamInEnvNameSpace',
      Effect: 'Allow',
      Action: ['iam:*'],
      Resource: [
        roleArn(scope, envNames),
        policyArn(scope, envNames),
        iamArn(scope, 'instance-profile/*'),
        iamArn(scope, `oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
      ],
    },
    { Sid: 'ServiceLinkedRoles', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: roleArn(scope, 'aws-service-role/*') },
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
  ]);
}
