import { accountScope, awsManagedPolicyArn, iamArn, policyArn, roleArn } from '../iam/arn';
import type { PolicyStatement } from '../iam/policy-document';
import { PROTECTED_PLANES, PROTECTION_TAG_KEYS, TAG_KEYS } from '../tags';
import { CLUSTER_AWS_MANAGED_POLICIES } from '../iam/aws-managed-policies';
import type { CiEnv } from './ci-env';
import { GITHUB_OIDC_HOST } from './github-oidc';
import { anyBuildName, anyCiRoleName, boundaryPolicyName, envNameSpace, platformAdminRoleName } from './names';

/**
 * Every tagging call of the services the stacks and controllers use. Auto
 * Scaling is not among them: EKS creates a node group's group untagged and
 * the cluster stack adds the tags one by one; the build role may tag only
 * groups of its own clusters.
 */
export const TAGGING_ACTIONS = [
  'ec2:CreateTags',
  'ec2:DeleteTags',
  'eks:TagResource',
  'eks:UntagResource',
  'elasticloadbalancing:AddTags',
  'elasticloadbalancing:RemoveTags',
  'iam:TagOpenIDConnectProvider',
  'iam:TagPolicy',
  'iam:TagRole',
  'iam:UntagOpenIDConnectProvider',
  'iam:UntagPolicy',
  'iam:UntagRole',
  'kms:TagResource',
  'kms:UntagResource',
  'logs:TagLogGroup',
  'logs:TagResource',
  'logs:UntagLogGroup',
  'logs:UntagResource',
  'rds:AddTagsToResource',
  'rds:RemoveTagsFromResource',
  'route53:ChangeTagsForResource',
  's3:PutBucketTagging',
  'secretsmanager:TagResource',
  'secretsmanager:UntagResource',
  'ssm:AddTagsToResource',
  'ssm:RemoveTagsFromResource',
  'tag:TagResources',
  'tag:UntagResources',
] as const;

const UNTAGGING = TAGGING_ACTIONS.filter((a) => /(Untag|Remove|Delete)/.test(a));
const TAGGING = TAGGING_ACTIONS.filter((a) => !UNTAGGING.includes(a));

/** IAM calls that create long-lived credentials or identities outside roles. */
export const USER_AND_KEY_ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachGroupPolicy',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateGroup',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:CreateUser',
  'iam:PutGroupPolicy',
  'iam:PutUserPolicy',
  'iam:UpdateAccessKey',
  'iam:UpdateLoginProfile',
  'iam:UploadSSHPublicKey',
  'iam:UploadSigningCertificate',
] as const;

/** Writes on a policy document: what no CI role may do to a boundary. */
export const POLICY_WRITE_ACTIONS = [
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:TagPolicy',
  'iam:UntagPolicy',
] as const;

/** Writes on the GitHub OIDC provider the CI roles trust. */
export const OIDC_PROVIDER_WRITE_ACTIONS = [
  'iam:AddClientIDToOpenIDConnectProvider',
  'iam:DeleteOpenIDConnectProvider',
  'iam:RemoveClientIDFromOpenIDConnectProvider',
  'iam:TagOpenIDConnectProvider',
  'iam:UntagOpenIDConnectProvider',
  'iam:UpdateOpenIDConnectProviderThumbprint',
] as const;

/** Calls that give a role policies: allowed only on a role that carries one of the env's boundaries. */
export const ROLE_POLICY_GRANT_ACTIONS = ['iam:AttachRolePolicy', 'iam:PutRolePolicy'] as const;

/** The ARNs the guard rails are about. */
export function guardedArns(env: CiEnv) {
  const scope = accountScope(env.account);
  return {
    buildBoundary: policyArn(scope, boundaryPolicyName(env.name, 'build-boundary')),
    workloadBoundary: policyArn(scope, boundaryPolicyName(env.name, 'workload-boundary')),
    /** The CI roles' own policies and their boundary (`goldenpath-{env}-ci-*`). */
    ciPolicies: policyArn(scope, anyCiRoleName(env.name)),
    ciRoles: roleArn(scope, anyCiRoleName(env.name)),
    platformAdmin: roleArn(scope, platformAdminRoleName(env.name)),
    envRoles: roleArn(scope, envNameSpace(env.name)),
    buildRoles: roleArn(scope, anyBuildName(env.name)),
    githubProvider: iamArn(scope, `oidc-provider/${GITHUB_OIDC_HOST}`),
    awsManagedPolicies: awsManagedPolicyArn(scope.partition, '*'),
    allowedAwsManagedPolicies: CLUSTER_AWS_MANAGED_POLICIES.map((p) => awsManagedPolicyArn(scope.partition, p)),
  };
}

/**
 * Denies every CI role carries, whatever its allows: no escalation through
 * IAM (admin policies, users and keys, roles without a boundary, other roles,
 * the CI roles themselves, the boundaries, the OIDC provider) and no
 * re-tagging of what decides a resource's protection.
 */
export function ciGuardRails(env: CiEnv): PolicyStatement[] {
  const a = guardedArns(env);
  const boundaries = [a.buildBoundary, a.workloadBoundary];
  return [
    {
      Sid: 'NoAwsManagedPoliciesButTheClusterOnes',
      Effect: 'Deny',
      Action: ['iam:AttachRolePolicy', 'iam:AttachUserPolicy', 'iam:AttachGroupPolicy'],
      Resource: '*',
      Condition: { ArnLike: { 'iam:PolicyARN': a.awsManagedPolicies }, ArnNotEquals: { 'iam:PolicyARN': a.allowedAwsManagedPolicies } },
    },
    { Sid: 'NoUsersOrKeys', Effect: 'Deny', Action: USER_AND_KEY_ACTIONS, Resource: '*' },
    { Sid: 'NoRolesOutsideTheEnv', Effect: 'Deny', Action: ['iam:PassRole', 'sts:AssumeRole'], NotResource: [a.envRoles] },
    { Sid: 'NoCiOrAdminRoles', Effect: 'Deny', NotAction: ['iam:GetRole', 'iam:ListRoleTags', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:GetRolePolicy'], Resource: [a.ciRoles, a.platformAdmin] },
    { Sid: 'NoBoundaryChanges', Effect: 'Deny', Action: POLICY_WRITE_ACTIONS, Resource: [...boundaries, a.ciPolicies] },
    { Sid: 'NoOidcProviderChanges', Effect: 'Deny', Action: OIDC_PROVIDER_WRITE_ACTIONS, Resource: a.githubProvider },
    { Sid: 'RolesKeepTheirBoundary', Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary'], Resource: '*' },
    {
      Sid: 'BuildRolesGetTheBuildBoundary',
      Effect: 'Deny',
      Action: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'],
      Resource: a.buildRoles,
      Condition: { StringNotEquals: { 'iam:PermissionsBoundary': a.buildBoundary } },
    },
    {
      Sid: 'OtherRolesGetTheWorkloadBoundary',
      Effect: 'Deny',
      Action: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'],
      NotResource: [a.buildRoles],
      Condition: { StringNotEquals: { 'iam:PermissionsBoundary': a.workloadBoundary } },
    },
    {
      Sid: 'PoliciesOnlyOnBoundedRoles',
      Effect: 'Deny',
      Action: ROLE_POLICY_GRANT_ACTIONS,
      Resource: '*',
      Condition: { StringNotEquals: { 'iam:PermissionsBoundary': boundaries } },
    },
    ...protectionTagRules(),
  ];
}

/**
 * Services that say when a tag call is part of the call creating the
 * resource (`{service}:CreateAction`): there any other tagging of the
 * protection keys is a re-tag, whatever the resource carries already.
 */
const CREATE_ACTION_TAGGING = { 'ec2:CreateTags': 'ec2:CreateAction', 'elasticloadbalancing:AddTags': 'elasticloadbalancing:CreateAction' } as const;

/**
 * No adding, changing or removing the protection tag keys (in any case) on a
 * resource that exists: what a resource is gets decided when it is created.
 * Every CI role and every build role (through the build boundary) carries
 * these; `services` keeps the tagging calls of those services only.
 */
export function protectionTagRules(services?: readonly string[]): PolicyStatement[] {
  const of = <T extends string>(actions: readonly T[]) => (services === undefined ? [...actions] : actions.filter((a) => services.includes(a.split(':')[0]!)));
  const anyProtectionKey = { 'ForAnyValue:StringEqualsIgnoreCase': { 'aws:TagKeys': PROTECTION_TAG_KEYS } };
  return [
    {
      // A resource that already carries the env tag exists: its protection tags were set at creation.
      Sid: 'ProtectionTagsOnlyAtCreation',
      Effect: 'Deny',
      Action: of(TAGGING),
      Resource: '*',
      Condition: { ...anyProtectionKey, Null: { [`aws:ResourceTag/${TAG_KEYS.env}`]: 'false' } },
    },
    {
      // One statement for both: each call carries its own service's key only, so the other is always null.
      Sid: 'ProtectionTagsOnlyAtEc2AndElbCreation',
      Effect: 'Deny',
      Action: of(Object.keys(CREATE_ACTION_TAGGING) as (keyof typeof CREATE_ACTION_TAGGING)[]),
      Resource: '*',
      Condition: { ...anyProtectionKey, Null: Object.fromEntries(Object.values(CREATE_ACTION_TAGGING).map((key) => [key, 'true'])) },
    },
    { Sid: 'ProtectionTagsNeverRemoved', Effect: 'Deny', Action: of(UNTAGGING), Resource: '*', Condition: anyProtectionKey },
  ];
}

/** Never delete what is persistent or foundational, whatever else a statement allows. */
export function protectPersistent(actions: readonly string[]): PolicyStatement[] {
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
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.plane}`]: PROTECTED_PLANES } },
    },
  ];
}
