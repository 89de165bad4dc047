import { accountScope, iamArn, logGroupArns, policyArn, regionalArn, roleArn, s3BucketArn } from '../iam/arn';
import { policyDocument, type PolicyDocument, type PolicyStatement } from '../iam/policy-document';
import { clusterLogGroupName, clusterSecretsKeyAlias, objectStorageBucketName } from '../naming';
import { ephemeral } from '../selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../tags';
import { BUILD_BUCKET_DELETE_ACTIONS, BUILD_IAM_DELETE_ACTIONS, CLEANUP_DISCOVERY_ACTIONS, TAGGED_DELETE_ACTIONS } from './actions';
import { buildRecordStatements } from './build-records';
import type { CiEnv } from './ci-env';
import { ciGuardRails, protectPersistent } from './guards';
import { regionLock } from './region-lock';
import { ledgerStatements, stateGuardRails } from './state-access';
import { ANY_BUILD, anyBuildName, stateLocation } from './names';

/**
 * The reaper: finds builds and deletes what they left, in the env's account
 * and region, and only resources tagged as a build of this env, made by the
 * controllers of a build cluster of this env, or named in the build space.
 */
export function reaperPolicy(env: CiEnv): PolicyDocument {
  const scope = accountScope(env.account);
  const buildCluster = anyBuildName(env.name);
  const region = { StringEquals: { 'aws:RequestedRegion': env.account.region } };
  const buildBucket = objectStorageBucketName(ephemeral(env.name, ANY_BUILD), env.account.id);
  const controllerStatements: PolicyStatement[] = [CONTROLLER_TAGS.lbControllerCluster, CONTROLLER_TAGS.eksClusterName, CONTROLLER_TAGS.eksNodeClusterName, CONTROLLER_TAGS.vpcCniCluster].map((key, i) => ({
    Sid: `DeleteMadeByBuildControllers${i + 1}`,
    Effect: 'Allow',
    Action: TAGGED_DELETE_ACTIONS,
    Resource: '*',
    Condition: { ...region, StringLike: { [`aws:ResourceTag/${key}`]: buildCluster } },
  }));
  return policyDocument([
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
      Resource: [roleArn(scope, buildCluster), policyArn(scope, buildCluster)],
    },
    {
      Sid: 'DeleteBuildInstanceProfiles',
      Effect: 'Allow',
      Action: ['iam:DeleteInstanceProfile'],
      Resource: iamArn(scope, `instance-profile/${buildCluster}`),
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.env}`]: env.name, [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral' } },
    },
    {
      // DeleteAlias is authorized on the alias (here, by its build name) and on its key (DeleteTaggedBuildResources).
      Sid: 'DeleteBuildKeyAliases',
      Effect: 'Allow',
      Action: ['kms:DeleteAlias'],
      Resource: regionalArn(scope, 'kms', clusterSecretsKeyAlias(ephemeral(env.name, ANY_BUILD))),
    },
    {
      Sid: 'EmptyAndDeleteBuildBuckets',
      Effect: 'Allow',
      Action: BUILD_BUCKET_DELETE_ACTIONS,
      Resource: [s3BucketArn(scope.partition, buildBucket), `${s3BucketArn(scope.partition, buildBucket)}/*`],
    },
    {
      // IAM authorizes this on the instance profile (EKS names node profiles itself); the CLI only calls it for a build role's profiles.
      Sid: 'DetachBuildRolesFromInstanceProfiles',
      Effect: 'Allow',
      Action: ['iam:RemoveRoleFromInstanceProfile'],
      Resource: iamArn(scope, 'instance-profile/*'),
    },
    {
      Sid: 'DeleteBuildOidcProviders',
      Effect: 'Allow',
      Action: ['iam:DeleteOpenIDConnectProvider'],
      Resource: iamArn(scope, `oidc-provider/oidc.eks.${env.account.region}.amazonaws.com/id/*`),
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.env}`]: env.name, [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral' } },
    },
    { Sid: 'DeleteBuildLogGroups', Effect: 'Allow', Action: ['logs:DeleteLogGroup'], Resource: logGroupArns(scope, clusterLogGroupName(ephemeral(env.name, ANY_BUILD))) },
    ...buildRecordStatements('DeleteBuildRecords', env, ['DELETE']),
    ...ledgerStatements(env, scope.partition),
    // The cost estimate of `goldenpath builds`, which the reaper's path lists.
    { Sid: 'Prices', Effect: 'Allow', Action: ['pricing:GetProducts'], Resource: '*' },
    regionLock(env.account.region, stateLocation(env).region),
    ...ciGuardRails(env),
    ...stateGuardRails(env, scope.partition),
    ...protectPersistent([...TAGGED_DELETE_ACTIONS, ...BUILD_IAM_DELETE_ACTIONS, 'iam:DeleteOpenIDConnectProvider', 'iam:DeleteInstanceProfile', 'logs:DeleteLogGroup']),
  ]);
}
