import { accountScope, iamArn, policyArn, roleArn, s3BucketArn, secretArn, ssmParameterArn } from '../iam/arn';
import { policyDocument, type PolicyDocument } from '../iam/policy-document';
import { envSecretPrefix, FOUNDATION_KINDS, RDS_MANAGED_SECRET_NAMES, foundationParameterFolder, foundationParameterName, objectStorageBucketName } from '../naming';
import { persistent } from '../selection';
import { CLEANUP_DISCOVERY_ACTIONS, PREFLIGHT_ACTIONS } from './actions';
import { TAG_KEYS } from '../tags';
import type { CiEnv } from './ci-env';
import { ciGuardRails } from './guards';
import { envNameSpace, stateLocation } from './names';
import { regionLock } from './region-lock';
import { ledgerStatements, stateArns, stateGuardRails } from './state-access';

/**
 * Services whose resources the persistent stacks create, update and destroy.
 * A deploy role needs their write actions; what bounds it is the name space,
 * region, boundary and guard-rail statements, not the action list.
 */
export const DEPLOY_SERVICES = ['acm', 'autoscaling', 'ec2', 'eks', 'elasticloadbalancing', 'kms', 'logs', 'rds', 'route53'] as const;

/**
 * The env deploy role (deploy-environment, inside the GitHub environment of
 * the env): everything `cdktf deploy` of the env's foundational and
 * persistent stacks needs; IAM only in the env's name space, every role it
 * creates under the workload boundary; the persistent state keys; the
 * foundation documents; nothing outside the env's region.
 */
export function deployPolicy(env: CiEnv): PolicyDocument {
  const scope = accountScope(env.account);
  const names = envNameSpace(env.name);
  const state = stateArns(env, scope.partition);
  return policyDocument([
    { Sid: 'ListEnvState', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: state.bucket, Condition: { StringLike: { 's3:prefix': [`${state.envFolder}/*`] } } },
    // `.tflock` objects next to each state: S3 native locking (use_lockfile).
    { Sid: 'ReadWriteEnvState', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: state.persistent },
    ...ledgerStatements(env, scope.partition),
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
      Resource: [secretArn(scope, `${envSecretPrefix(env.name)}*`), secretArn(scope, RDS_MANAGED_SECRET_NAMES)],
    },
    { Sid: 'RandomPasswords', Effect: 'Allow', Action: ['secretsmanager:GetRandomPassword'], Resource: '*' },
    {
      // Object storage of the persistent cluster when it reaches tier 2; never the state bucket or another env's.
      Sid: 'EnvObjectStorage',
      Effect: 'Allow',
      Action: ['s3:*'],
      Resource: (() => {
        const bucket = s3BucketArn(scope.partition, objectStorageBucketName(persistent(env.name), env.account.id));
        return [bucket, `${bucket}/*`];
      })(),
    },
    { Sid: 'LifecycleDiscovery', Effect: 'Allow', Action: [...CLEANUP_DISCOVERY_ACTIONS, ...PREFLIGHT_ACTIONS], Resource: '*' },
    { Sid: 'Prices', Effect: 'Allow', Action: ['pricing:GetProducts'], Resource: '*' },
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
        roleArn(scope, names),
        policyArn(scope, names),
        iamArn(scope, 'instance-profile/*'),
        iamArn(scope, `oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
      ],
    },
    { Sid: 'ServiceLinkedRoles', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: roleArn(scope, 'aws-service-role/*') },
    regionLock(env.account.region, stateLocation(env).region),
    ...ciGuardRails(env),
    ...stateGuardRails(env, scope.partition),
  ]);
}
