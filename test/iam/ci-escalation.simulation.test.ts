import { ciRoles, type CiRole, type CiRoles } from '../../contract/ci/ci-roles';
import { githubOidcProviderArn } from '../../contract/ci/github-oidc';
import { boundaryPolicyName, ciRoleName, platformAdminRoleName, stateLocation, type CiRoleKey } from '../../contract/ci/names';
import { CI_ROLE_WORKFLOWS } from '../../contract/ci/workflows';
import { awsManagedPolicyArn } from '../../contract/iam/arn';
import { bootstrapStackName, clusterName, ledgerKeyPrefix, envSecretPrefix, foundationParameterName, irsaRoleName, stateKey } from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';
import { TAG_KEYS } from '../../contract/tags';
import { dev } from '../../envs/dev';
import { prod } from '../../envs/prod';
import { defineEnvironment, type Environment } from '../../envs/schema';
import { pinnedZoneArn, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { synthesizedBuildBoundary } from '../support/bootstrap-synth';
import { identityDecision, trustDecision, type Context, type Decision } from './support/ci-simulation';

/**
 * The escalation table: what a CI role's credentials can do, evaluated by
 * IAM simulation on the policies and boundaries exactly as generated, for
 * dev (builds enabled) and prod (builds disabled). A pull request is an
 * attacker who holds the build role; the other roles are held by code on
 * main, but none of them may escalate either.
 */

const REPO = 'acme/platform';
const ENVS: Environment[] = [
  defineEnvironment({ ...dev, github: { repository: REPO }, stateBackend: { bucket: 'acme-dev-tfstate', region: 'eu-west-2', keyPrefix: 'tf' } }),
  defineEnvironment({ ...prod, github: { repository: REPO } }),
];

const ALL: readonly CiRoleKey[] = ['deploy', 'build', 'reaper', 'validation'];
const NOT_DEPLOY: readonly CiRoleKey[] = ['build', 'reaper', 'validation'];

interface Attempt {
  readonly title: string;
  readonly class: string;
  readonly roles: readonly CiRoleKey[];
  readonly action: string;
  readonly resource: (e: Environment) => string;
  readonly context?: (e: Environment) => Context;
}

const arn = (e: Environment) => {
  const a = e.account.id;
  const r = e.account.region;
  const state = stateLocation(e);
  return {
    role: (name: string) => `arn:aws:iam::${a}:role/${name}`,
    policy: (name: string) => `arn:aws:iam::${a}:policy/${name}`,
    ec2: (res: string, region = r) => `arn:aws:ec2:${region}:${a}:${res}`,
    object: (key: string) => `arn:aws:s3:::${state.bucket}/${key}`,
    bucket: `arn:aws:s3:::${state.bucket}`,
    state,
    boundary: (key: Parameters<typeof boundaryPolicyName>[1]) => `arn:aws:iam::${a}:policy/${boundaryPolicyName(e.name, key)}`,
    githubProvider: githubOidcProviderArn(e.account),
  };
};
const persistentTags = (e: Environment): Context => ({
  [`aws:ResourceTag/${TAG_KEYS.env}`]: e.name,
  [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent',
  [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'foundational',
});
const buildTags = (e: Environment, buildId = '26-01-23-07'): Context => ({
  [`aws:ResourceTag/${TAG_KEYS.env}`]: e.name,
  [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral',
  [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'disposable',
  [`aws:ResourceTag/${TAG_KEYS.buildId}`]: buildId,
});
const BUILD = (e: Environment) => ephemeral(e.name, '26-01-23-07');
/** The zone the env pins for build records (dev), or the zone it would pin (prod pins none). */
const envZone = (e: Environment) => pinnedZoneArn(e) ?? 'arn:aws:route53:::hostedzone/Z0PRODZONE01';
const OTHER_ZONE = 'arn:aws:route53:::hostedzone/Z0PARENTZONE01';
const buildRole = (e: Environment) => arn(e).role(irsaRoleName(BUILD(e), 'external-dns'));
const persistentRole = (e: Environment) => arn(e).role(irsaRoleName(persistent(e.name), 'external-dns'));

const ATTEMPTS: readonly Attempt[] = [
  // AWS-managed admin policies
  ...['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess', 'job-function/SystemAdministrator', 'AdministratorAccess-Amplify'].map((p): Attempt => ({
    title: `attach ${p} to a bounded build role`,
    class: 'admin policies',
    roles: ALL,
    action: 'iam:AttachRolePolicy',
    resource: buildRole,
    context: (e) => ({ 'iam:PolicyARN': awsManagedPolicyArn('aws', p), 'iam:PermissionsBoundary': arn(e).boundary('build-boundary') }),
  })),
  {
    title: 'attach AdministratorAccess to a bounded persistent role',
    class: 'admin policies',
    roles: ALL,
    action: 'iam:AttachRolePolicy',
    resource: persistentRole,
    context: (e) => ({ 'iam:PolicyARN': awsManagedPolicyArn('aws', 'AdministratorAccess'), 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }),
  },
  // users and keys
  ...['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:CreateServiceSpecificCredential', 'iam:UploadSSHPublicKey'].map(
    (action): Attempt => ({ title: `${action} for a user in the env name space`, class: 'users and keys', roles: ALL, action, resource: (e) => `arn:aws:iam::${e.account.id}:user/goldenpath-${e.name}-x` }),
  ),
  // roles without the boundary
  { title: 'create a build role without a boundary', class: 'boundaries on new roles', roles: ALL, action: 'iam:CreateRole', resource: buildRole },
  { title: 'create a persistent role without a boundary', class: 'boundaries on new roles', roles: ALL, action: 'iam:CreateRole', resource: persistentRole },
  {
    title: 'create a build role under the looser workload boundary',
    class: 'boundaries on new roles',
    roles: ALL,
    action: 'iam:CreateRole',
    resource: buildRole,
    context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }),
  },
  {
    title: 'create a persistent role under the build boundary (which allows what the workload boundary does not)',
    class: 'boundaries on new roles',
    roles: ALL,
    action: 'iam:CreateRole',
    resource: persistentRole,
    context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('build-boundary') }),
  },
  {
    title: 'attach a policy to a role under a boundary of its own making',
    class: 'boundaries on new roles',
    roles: ALL,
    action: 'iam:AttachRolePolicy',
    resource: buildRole,
    context: (e) => ({ 'iam:PolicyARN': arn(e).policy(`${clusterName(BUILD(e))}-x`), 'iam:PermissionsBoundary': arn(e).policy(`${clusterName(BUILD(e))}-boundary`) }),
  },
  {
    title: 'create a persistent role under a boundary of its own making',
    class: 'boundaries on new roles',
    roles: ALL,
    action: 'iam:CreateRole',
    resource: persistentRole,
    context: (e) => ({ 'iam:PermissionsBoundary': arn(e).policy(`goldenpath-${e.name}-anything`) }),
  },
  {
    title: "swap a build role's boundary for another",
    class: 'boundaries on new roles',
    roles: ALL,
    action: 'iam:PutRolePermissionsBoundary',
    resource: buildRole,
    context: (e) => ({ 'iam:PermissionsBoundary': arn(e).policy(`goldenpath-${e.name}-b-evil`) }),
  },
  { title: "remove a build role's boundary", class: 'boundaries on new roles', roles: ALL, action: 'iam:DeleteRolePermissionsBoundary', resource: buildRole },
  { title: "remove a persistent role's boundary", class: 'boundaries on new roles', roles: ALL, action: 'iam:DeleteRolePermissionsBoundary', resource: persistentRole },
  { title: 'put an inline policy on a role without a boundary', class: 'boundaries on new roles', roles: ALL, action: 'iam:PutRolePolicy', resource: buildRole },
  { title: 'attach a policy to a role without a boundary', class: 'boundaries on new roles', roles: ALL, action: 'iam:AttachRolePolicy', resource: persistentRole, context: (e) => ({ 'iam:PolicyARN': arn(e).policy(`goldenpath-${e.name}-x`) }) },
  // roles outside the env
  { title: "pass another team's role", class: 'roles outside the env', roles: ALL, action: 'iam:PassRole', resource: (e) => arn(e).role('data-team-etl') },
  { title: "assume another team's role", class: 'roles outside the env', roles: ALL, action: 'sts:AssumeRole', resource: (e) => arn(e).role('OrganizationAccountAccessRole') },
  { title: "pass another env's cluster role", class: 'roles outside the env', roles: ALL, action: 'iam:PassRole', resource: (e) => arn(e).role(irsaRoleName(persistent(e.name === 'dev' ? 'prod' : 'dev'), 'cluster')) },
  { title: "pass a role of the env's name space in another account", class: 'roles outside the env', roles: ALL, action: 'iam:PassRole', resource: (e) => `arn:aws:iam::999999999999:role/goldenpath-${e.name}-cluster` },
  { title: 'assume the platform admin role', class: 'roles outside the env', roles: ALL, action: 'sts:AssumeRole', resource: (e) => arn(e).role(platformAdminRoleName(e.name)) },
  { title: 'pass the deploy role to a service', class: 'roles outside the env', roles: ALL, action: 'iam:PassRole', resource: (e) => arn(e).role(ciRoleName(e.name, 'deploy')) },
  // CI roles: each other's and its own
  ...(['deploy', 'build', 'reaper', 'validation'] as const).flatMap((target): Attempt[] => {
    const role = (e: Environment) => arn(e).role(ciRoleName(e.name, target));
    return [
      { title: `rewrite the ${target} role's trust`, class: 'CI roles', roles: ALL, action: 'iam:UpdateAssumeRolePolicy', resource: role },
      {
        title: `attach a policy to the ${target} role`,
        class: 'CI roles',
        roles: ALL,
        action: 'iam:AttachRolePolicy',
        resource: role,
        context: (e) => ({ 'iam:PolicyARN': arn(e).policy(`goldenpath-${e.name}-x`), 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }),
      },
      { title: `detach a policy from the ${target} role`, class: 'CI roles', roles: ALL, action: 'iam:DetachRolePolicy', resource: role, context: (e) => ({ 'iam:PolicyARN': arn(e).policy(`${ciRoleName(e.name, target)}-1`) }) },
      { title: `swap the ${target} role's boundary for the looser workload boundary`, class: 'CI roles', roles: ALL, action: 'iam:PutRolePermissionsBoundary', resource: role, context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }) },
      { title: `remove the ${target} role's boundary`, class: 'CI roles', roles: ALL, action: 'iam:DeleteRolePermissionsBoundary', resource: role },
      { title: `assume the ${target} role from another role`, class: 'CI roles', roles: ALL, action: 'sts:AssumeRole', resource: role },
    ];
  }),
  { title: 'create a role named like a CI role, under the workload boundary', class: 'CI roles', roles: ALL, action: 'iam:CreateRole', resource: (e) => arn(e).role(`goldenpath-${e.name}-ci-shadow`), context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }) },
  { title: "put an inline policy on the reaper role", class: 'CI roles', roles: ALL, action: 'iam:PutRolePolicy', resource: (e) => arn(e).role(ciRoleName(e.name, 'reaper')), context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }) },
  { title: 'delete the validation role', class: 'CI roles', roles: ALL, action: 'iam:DeleteRole', resource: (e) => arn(e).role(ciRoleName(e.name, 'validation')) },
  { title: "rewrite the deploy role's policy", class: 'CI roles', roles: ALL, action: 'iam:CreatePolicyVersion', resource: (e) => arn(e).policy(`${ciRoleName(e.name, 'deploy')}-1`) },
  // boundaries
  ...(['build-boundary', 'workload-boundary', 'ci-boundary'] as const).flatMap((key): Attempt[] => [
    { title: `write a new version of the ${key}`, class: 'boundary policies', roles: ALL, action: 'iam:CreatePolicyVersion', resource: (e) => arn(e).boundary(key) },
    { title: `make another version of the ${key} the default`, class: 'boundary policies', roles: ALL, action: 'iam:SetDefaultPolicyVersion', resource: (e) => arn(e).boundary(key) },
    { title: `delete the ${key}`, class: 'boundary policies', roles: ALL, action: 'iam:DeletePolicy', resource: (e) => arn(e).boundary(key) },
    { title: `delete a version of the ${key}`, class: 'boundary policies', roles: ALL, action: 'iam:DeletePolicyVersion', resource: (e) => arn(e).boundary(key) },
  ]),
  { title: 'create a policy named as the build boundary', class: 'boundary policies', roles: ALL, action: 'iam:CreatePolicy', resource: (e) => arn(e).boundary('build-boundary') },
  // the GitHub OIDC provider
  ...['iam:DeleteOpenIDConnectProvider', 'iam:UpdateOpenIDConnectProviderThumbprint', 'iam:AddClientIDToOpenIDConnectProvider', 'iam:RemoveClientIDFromOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider'].map(
    (action): Attempt => ({ title: `${action} on the GitHub provider`, class: 'OIDC provider', roles: ALL, action, resource: (e) => arn(e).githubProvider }),
  ),
  // re-tagging
  {
    title: 'mark a persistent security group ephemeral',
    class: 're-tagging',
    roles: ALL,
    action: 'ec2:CreateTags',
    resource: (e) => arn(e).ec2('security-group/sg-0persist'),
    context: (e) => ({ ...persistentTags(e), 'aws:TagKeys': [TAG_KEYS.lifecycle], 'aws:RequestTag/goldenpath.idp/lifecycle': 'ephemeral' }),
  },
  {
    title: 'give a persistent volume a build id',
    class: 're-tagging',
    roles: ALL,
    action: 'ec2:CreateTags',
    resource: (e) => arn(e).ec2('volume/vol-0persist'),
    context: (e) => ({ ...persistentTags(e), 'aws:TagKeys': [TAG_KEYS.buildId] }),
  },
  {
    title: "remove a build volume's lifecycle tag",
    class: 're-tagging',
    roles: ALL,
    action: 'ec2:DeleteTags',
    resource: (e) => arn(e).ec2('volume/vol-0build'),
    context: (e) => ({ ...buildTags(e), 'aws:TagKeys': [TAG_KEYS.lifecycle] }),
  },
  {
    title: "move a build's load balancer into another env",
    class: 're-tagging',
    roles: ALL,
    action: 'elasticloadbalancing:AddTags',
    resource: (e) => `arn:aws:elasticloadbalancing:${e.account.region}:${e.account.id}:loadbalancer/net/k8s-x/0123`,
    context: (e) => ({ ...buildTags(e), 'aws:TagKeys': [TAG_KEYS.env] }),
  },
  {
    title: "change a build cluster's build id",
    class: 're-tagging',
    roles: ALL,
    action: 'eks:TagResource',
    resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(BUILD(e))}`,
    context: (e) => ({ ...buildTags(e), 'aws:TagKeys': [TAG_KEYS.buildId] }),
  },
  {
    title: "remove a persistent role's plane tag",
    class: 're-tagging',
    roles: ALL,
    action: 'iam:UntagRole',
    resource: persistentRole,
    context: () => ({ 'aws:TagKeys': [TAG_KEYS.plane] }),
  },
  {
    title: 'mark the database ephemeral',
    class: 're-tagging',
    roles: ALL,
    action: 'rds:AddTagsToResource',
    resource: (e) => `arn:aws:rds:${e.account.region}:${e.account.id}:db:goldenpath-${e.name}`,
    context: (e) => ({ ...persistentTags(e), 'aws:TagKeys': [TAG_KEYS.lifecycle] }),
  },
  // Tag keys in another case: IAM role keys are case-insensitive (the odd-case key replaces the tag), and no look-alike key is allowed elsewhere.
  {
    title: "re-tag a build role's build id through an odd-case key",
    class: 're-tagging',
    roles: ALL,
    action: 'iam:TagRole',
    resource: buildRole,
    context: (e) => ({ ...buildTags(e), 'aws:TagKeys': ['GoldenPath.IDP/Build-Id'], 'aws:RequestTag/GoldenPath.IDP/Build-Id': '26-01-23-08' }),
  },
  {
    title: 'mark a persistent role ephemeral through an upper-case key',
    class: 're-tagging',
    roles: ALL,
    action: 'iam:TagRole',
    resource: persistentRole,
    context: (e) => ({ ...persistentTags(e), 'aws:TagKeys': [TAG_KEYS.lifecycle.toUpperCase()] }),
  },
  {
    title: 'mark a persistent security group ephemeral through an odd-case key',
    class: 're-tagging',
    roles: ALL,
    action: 'ec2:CreateTags',
    resource: (e) => arn(e).ec2('security-group/sg-0persist'),
    context: (e) => ({ ...persistentTags(e), 'aws:TagKeys': ['Goldenpath.Idp/Lifecycle'] }),
  },
  { title: "remove a persistent role's env tag spelled in another case", class: 're-tagging', roles: ALL, action: 'iam:UntagRole', resource: persistentRole, context: () => ({ 'aws:TagKeys': ['goldenpath.idp/ENV'] }) },
  {
    title: "remove a build volume's build id spelled in another case",
    class: 're-tagging',
    roles: ALL,
    action: 'ec2:DeleteTags',
    resource: (e) => arn(e).ec2('volume/vol-0build'),
    context: (e) => ({ ...buildTags(e), 'aws:TagKeys': ['GOLDENPATH.IDP/BUILD-ID'] }),
  },
  // ledger and state
  { title: 'delete a ledger row', class: 'ledger and state', roles: ALL, action: 's3:DeleteObject', resource: (e) => arn(e).object(`${ledgerKeyPrefix(arn(e).state.keyPrefix, e.name)}2026-01-23T10-00-00Z-deploy.csv`) },
  { title: 'overwrite a ledger row (no If-None-Match)', class: 'ledger and state', roles: ALL, action: 's3:PutObject', resource: (e) => arn(e).object(`${ledgerKeyPrefix(arn(e).state.keyPrefix, e.name)}2026-01-23T10-00-00Z-deploy.csv`) },
  { title: "write the bootstrap stack's state", class: 'ledger and state', roles: ALL, action: 's3:PutObject', resource: (e) => arn(e).object(stateKey(arn(e).state.keyPrefix, persistent(e.name), bootstrapStackName(e.name))) },
  { title: 'replace the state bucket policy', class: 'ledger and state', roles: ALL, action: 's3:PutBucketPolicy', resource: (e) => arn(e).bucket },
  { title: 'delete the state bucket', class: 'ledger and state', roles: ALL, action: 's3:DeleteBucket', resource: (e) => arn(e).bucket },
  { title: "write a persistent stack's state", class: 'ledger and state', roles: NOT_DEPLOY, action: 's3:PutObject', resource: (e) => arn(e).object(stateKey(arn(e).state.keyPrefix, persistent(e.name), `${e.name}-database`)) },
  // persistent and foundational resources
  { title: 'delete the database', class: 'persistent resources', roles: NOT_DEPLOY, action: 'rds:DeleteDBInstance', resource: (e) => `arn:aws:rds:${e.account.region}:${e.account.id}:db:goldenpath-${e.name}`, context: persistentTags },
  { title: 'open the database security group', class: 'persistent resources', roles: NOT_DEPLOY, action: 'ec2:AuthorizeSecurityGroupIngress', resource: (e) => arn(e).ec2('security-group/sg-0db'), context: persistentTags },
  { title: 'delete a foundational subnet', class: 'persistent resources', roles: NOT_DEPLOY, action: 'ec2:DeleteSubnet', resource: (e) => arn(e).ec2('subnet/subnet-0abc'), context: persistentTags },
  { title: 'delete the persistent cluster', class: 'persistent resources', roles: NOT_DEPLOY, action: 'eks:DeleteCluster', resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(persistent(e.name))}`, context: persistentTags },
  { title: "read keycloak's database secret", class: 'persistent resources', roles: NOT_DEPLOY, action: 'secretsmanager:GetSecretValue', resource: (e) => `arn:aws:secretsmanager:${e.account.region}:${e.account.id}:secret:${envSecretPrefix(e.name)}keycloak/postgres-AbC123`, context: persistentTags },
  { title: 'rewrite the network foundation document', class: 'persistent resources', roles: NOT_DEPLOY, action: 'ssm:PutParameter', resource: (e) => `arn:aws:ssm:${e.account.region}:${e.account.id}:parameter${foundationParameterName(e.name, 'network')}` },
  { title: 'delete the env zone', class: 'persistent resources', roles: NOT_DEPLOY, action: 'route53:DeleteHostedZone', resource: envZone },
  {
    title: 'point a persistent hostname elsewhere',
    class: 'persistent resources',
    roles: NOT_DEPLOY,
    action: 'route53:ChangeResourceRecordSets',
    resource: envZone,
    context: (e) => ({ 'route53:ChangeResourceRecordSetsNormalizedRecordNames': [`keycloak.${e.name}.${e.dns.baseDomain}`], 'route53:ChangeResourceRecordSetsActions': ['UPSERT'] }),
  },
  { title: 'delete a persistent role', class: 'persistent resources', roles: NOT_DEPLOY, action: 'iam:DeleteRole', resource: persistentRole },
  { title: 'create a cluster that is not tagged as a build', class: 'persistent resources', roles: NOT_DEPLOY, action: 'eks:CreateCluster', resource: () => '*' },
  { title: 'add a node group to the persistent cluster', class: 'persistent resources', roles: NOT_DEPLOY, action: 'eks:CreateNodegroup', resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(persistent(e.name))}`, context: persistentTags },
  { title: 'grant itself access to the persistent cluster', class: 'persistent resources', roles: NOT_DEPLOY, action: 'eks:CreateAccessEntry', resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(persistent(e.name))}`, context: persistentTags },
  // region
  { title: 'create a security group in another region', class: 'region', roles: ALL, action: 'ec2:CreateSecurityGroup', resource: (e) => arn(e).ec2('security-group/*', 'us-east-1'), context: () => ({ 'aws:RequestedRegion': 'us-east-1' }) },
];

describe('the escalation table', () => {
  it('has at least 40 attempts covering every class', () => {
    expect(ATTEMPTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ATTEMPTS.map((a) => a.class))).toEqual(
      new Set(['admin policies', 'users and keys', 'boundaries on new roles', 'roles outside the env', 'CI roles', 'boundary policies', 'OIDC provider', 're-tagging', 'ledger and state', 'persistent resources', 'region']),
    );
  });

  describe.each(ENVS.map((e) => [e.name, e] as const))('%s', (_name, env) => {
    const roles: CiRoles = ciRoles(env, REPO);
    const cases = ATTEMPTS.flatMap((a) => a.roles.filter((k) => roles[k] !== undefined).map((k) => [k, a.title, a] as const));
    it.each(cases)('%s role cannot %s', async (key, _title, attempt) => {
      const role = roles[key]!;
      const decision = await identityDecision(role, env.account.id, env.account.region, attempt.action, attempt.resource(env), attempt.context?.(env) ?? {});
      expect(decision).not.toBe<Decision>('Allowed');
    });
  });
});

interface Positive {
  readonly title: string;
  readonly action: string;
  readonly resource: (e: Environment) => string;
  readonly context?: (e: Environment) => Context;
}

const requestTags = (e: Environment): Context => ({
  [`aws:RequestTag/${TAG_KEYS.env}`]: e.name,
  [`aws:RequestTag/${TAG_KEYS.lifecycle}`]: 'ephemeral',
  [`aws:RequestTag/${TAG_KEYS.plane}`]: 'disposable',
  [`aws:RequestTag/${TAG_KEYS.buildId}`]: '26-01-23-07',
  'aws:TagKeys': [TAG_KEYS.env, TAG_KEYS.lifecycle, TAG_KEYS.plane, TAG_KEYS.buildId],
});
const ledgerRow = (e: Environment) => arn(e).object(`${ledgerKeyPrefix(arn(e).state.keyPrefix, e.name)}2026-01-23T10-00-00Z-x.csv`);
const NEW_ROW = { 's3:if-none-match': '*' };

const POSITIVE: Record<CiRoleKey, readonly Positive[]> = {
  deploy: [
    { title: "write a persistent stack's state", action: 's3:PutObject', resource: (e) => arn(e).object(stateKey(arn(e).state.keyPrefix, persistent(e.name), `${e.name}-network`)) },
    { title: 'append a ledger row', action: 's3:PutObject', resource: ledgerRow, context: () => NEW_ROW },
    { title: 'publish a foundation document', action: 'ssm:PutParameter', resource: (e) => `arn:aws:ssm:${e.account.region}:${e.account.id}:parameter${foundationParameterName(e.name, 'network')}` },
    { title: 'create a persistent role under the workload boundary', action: 'iam:CreateRole', resource: persistentRole, context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }) },
    {
      title: 'attach the EKS cluster policy to a bounded role',
      action: 'iam:AttachRolePolicy',
      resource: (e) => arn(e).role(irsaRoleName(persistent(e.name), 'cluster')),
      context: (e) => ({ 'iam:PolicyARN': awsManagedPolicyArn('aws', 'AmazonEKSClusterPolicy'), 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }),
    },
    { title: 'pass the cluster role to EKS', action: 'iam:PassRole', resource: (e) => arn(e).role(irsaRoleName(persistent(e.name), 'cluster')) },
    { title: 'write an app secret', action: 'secretsmanager:PutSecretValue', resource: (e) => `arn:aws:secretsmanager:${e.account.region}:${e.account.id}:secret:${envSecretPrefix(e.name)}backstage/postgres-AbC123` },
    { title: 'create the database', action: 'rds:CreateDBInstance', resource: (e) => `arn:aws:rds:${e.account.region}:${e.account.id}:db:goldenpath-${e.name}` },
    { title: 'read prices in us-east-1', action: 'pricing:GetProducts', resource: () => '*', context: () => ({ 'aws:RequestedRegion': 'us-east-1' }) },
  ],
  build: [
    { title: "write a build's state", action: 's3:PutObject', resource: (e) => arn(e).object(stateKey(arn(e).state.keyPrefix, BUILD(e), `${e.name}-b-26-01-23-07-cluster`)) },
    { title: 'append a ledger row', action: 's3:PutObject', resource: ledgerRow, context: () => NEW_ROW },
    { title: 'read the foundation documents', action: 'ssm:GetParametersByPath', resource: (e) => `arn:aws:ssm:${e.account.region}:${e.account.id}:parameter/goldenpath/${e.name}/foundation` },
    // EKS authorizes CreateCluster on no resource ("*").
    { title: 'create a cluster with the build tags', action: 'eks:CreateCluster', resource: () => '*', context: requestTags },
    { title: 'add a node group to its build cluster', action: 'eks:CreateNodegroup', resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(BUILD(e))}`, context: requestTags },
    { title: 'grant itself access to its build cluster', action: 'eks:CreateAccessEntry', resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(BUILD(e))}` },
    { title: 'create a build role under the build boundary', action: 'iam:CreateRole', resource: buildRole, context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('build-boundary'), ...requestTags(e) }) },
    // CreateRole with tags also authorizes iam:TagRole on the new role, which carries no tag yet.
    { title: 'tag the build role it creates', action: 'iam:TagRole', resource: buildRole, context: requestTags },
    { title: 'attach a build policy to a bounded build role', action: 'iam:AttachRolePolicy', resource: buildRole, context: (e) => ({ 'iam:PolicyARN': arn(e).policy(`${clusterName(BUILD(e))}-x`), 'iam:PermissionsBoundary': arn(e).boundary('build-boundary') }) },
    { title: 'pass a build role to EKS', action: 'iam:PassRole', resource: (e) => arn(e).role(irsaRoleName(BUILD(e), 'cluster')) },
    { title: 'create a security group with the build tags', action: 'ec2:CreateSecurityGroup', resource: (e) => arn(e).ec2('security-group/*'), context: requestTags },
    { title: 'tag the security group it creates', action: 'ec2:CreateTags', resource: (e) => arn(e).ec2('security-group/*'), context: (e) => ({ ...requestTags(e), 'ec2:CreateAction': 'CreateSecurityGroup' }) },
    { title: 'delete its own security group', action: 'ec2:DeleteSecurityGroup', resource: (e) => arn(e).ec2('security-group/sg-0build'), context: buildTags },
    { title: 'create a key with the build tags', action: 'kms:CreateKey', resource: () => '*', context: requestTags },
    { title: "create the build cluster's log group", action: 'logs:CreateLogGroup', resource: (e) => `arn:aws:logs:${e.account.region}:${e.account.id}:log-group:/aws/eks/${clusterName(BUILD(e))}/cluster` },
    {
      title: "delete the build's records",
      action: 'route53:ChangeResourceRecordSets',
      resource: envZone,
      context: (e) => ({ 'route53:ChangeResourceRecordSetsNormalizedRecordNames': [`grafana.b-26-01-23-07.${e.name}.${e.dns.baseDomain}`], 'route53:ChangeResourceRecordSetsActions': ['DELETE'] }),
    },
    { title: 'read prices in us-east-1', action: 'pricing:GetProducts', resource: () => '*', context: () => ({ 'aws:RequestedRegion': 'us-east-1' }) },
  ],
  reaper: [
    { title: "delete a build's volume", action: 'ec2:DeleteVolume', resource: (e) => arn(e).ec2('volume/vol-0build'), context: buildTags },
    { title: "delete a build's role", action: 'iam:DeleteRole', resource: buildRole },
    { title: 'append a ledger row', action: 's3:PutObject', resource: ledgerRow, context: () => NEW_ROW },
  ],
  validation: [
    { title: 'describe the persistent cluster', action: 'eks:DescribeCluster', resource: (e) => `arn:aws:eks:${e.account.region}:${e.account.id}:cluster/${clusterName(persistent(e.name))}` },
    { title: 'read a foundation document', action: 'ssm:GetParameter', resource: (e) => `arn:aws:ssm:${e.account.region}:${e.account.id}:parameter${foundationParameterName(e.name, 'dns')}` },
  ],
};

describe('what each role needs on its own path (so that denying everything cannot pass)', () => {
  describe.each(ENVS.map((e) => [e.name, e] as const))('%s', (_name, env) => {
    const roles = ciRoles(env, REPO);
    const cases = (Object.keys(POSITIVE) as CiRoleKey[]).filter((k) => roles[k] !== undefined).flatMap((k) => POSITIVE[k].map((p) => [k, p.title, p] as const));
    it.each(cases)('%s role may %s', async (key, _title, positive) => {
      const decision = await identityDecision(roles[key]!, env.account.id, env.account.region, positive.action, positive.resource(env), positive.context?.(env) ?? {});
      expect(decision).toBe<Decision>('Allowed');
    });
  });
});

/** A ChangeResourceRecordSets request: Route53's normalized names (lowercase, no trailing dot), their types and actions. */
const recordChange = (names: readonly string[], action: 'UPSERT' | 'DELETE', type = 'CNAME'): Context => ({
  [ROUTE53_CHANGE_KEYS.names]: [...names],
  [ROUTE53_CHANGE_KEYS.types]: names.map(() => type),
  [ROUTE53_CHANGE_KEYS.actions]: names.map(() => action),
});
const zoneOf = (e: Environment) => `${e.name}.${e.dns.baseDomain}`;
const ownName = (e: Environment) => `_acme-challenge.grafana.b-26-01-23-07.${zoneOf(e)}`;
const persistentName = (e: Environment) => `keycloak.${zoneOf(e)}`;

/**
 * A role a build creates (`goldenpath-{env}-b-*`, carrying its build id and
 * the build boundary as bootstrap synthesizes it) with `route53:*` on every
 * zone attached: what the boundary alone lets it change.
 */
const boundaries = new Map<Environment, ReturnType<typeof synthesizedBuildBoundary>>();
function roleUnderTheBuildBoundary(e: Environment) {
  const name = irsaRoleName(BUILD(e), 'external-dns');
  if (!boundaries.has(e)) boundaries.set(e, synthesizedBuildBoundary(e));
  return {
    roleName: name,
    roleArn: arn(e).role(name),
    trust: { Version: '2012-10-17', Statement: [] },
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['route53:*'], Resource: '*' }] },
    boundary: boundaries.get(e),
    maxSessionSeconds: 3600,
  } as unknown as CiRole;
}
const BUILD_ID_TAG = { [`aws:PrincipalTag/${TAG_KEYS.buildId}`]: '26-01-23-07' };

describe('record changes of builds are pinned to the env zone (dns.zoneId)', () => {
  const devEnv = ENVS[0]!;
  const unpinned = defineEnvironment({ ...dev, github: { repository: REPO }, dns: { baseDomain: dev.dns.baseDomain } });
  type Holder = 'build role' | 'reaper role' | 'a role under the build boundary with route53:* attached';
  const holders: Record<Holder, (e: Environment) => { role: CiRole; context: Context }> = {
    'build role': (e) => ({ role: ciRoles(e, REPO).build!, context: {} }),
    'reaper role': (e) => ({ role: ciRoles(e, REPO).reaper!, context: {} }),
    'a role under the build boundary with route53:* attached': (e) => ({ role: roleUnderTheBuildBoundary(e), context: BUILD_ID_TAG }),
  };
  const cases: readonly [Holder, string, Environment, string, Context, Decision | 'denied'][] = [
    ['build role', 'validates its certificate in the env zone', devEnv, envZone(devEnv), recordChange([ownName(devEnv)], 'UPSERT'), 'Allowed'],
    ['build role', 'deletes its records in the env zone', devEnv, envZone(devEnv), recordChange([ownName(devEnv)], 'DELETE'), 'Allowed'],
    ['build role', 'cannot write its names in another zone', devEnv, OTHER_ZONE, recordChange([ownName(devEnv)], 'UPSERT'), 'denied'],
    ['build role', 'cannot write a persistent name in the env zone', devEnv, envZone(devEnv), recordChange([persistentName(devEnv)], 'UPSERT'), 'denied'],
    ['build role', 'cannot slip a persistent name into a batch of its own', devEnv, envZone(devEnv), recordChange([ownName(devEnv), persistentName(devEnv)], 'DELETE'), 'denied'],
    ['build role', 'changes no record while the env pins no zone', unpinned, envZone(unpinned), recordChange([ownName(unpinned)], 'DELETE'), 'denied'],
    ['reaper role', "deletes a build's records in the env zone", devEnv, envZone(devEnv), recordChange([ownName(devEnv)], 'DELETE'), 'Allowed'],
    ['reaper role', "cannot delete a build's names in another zone", devEnv, OTHER_ZONE, recordChange([ownName(devEnv)], 'DELETE'), 'denied'],
    ['reaper role', 'cannot write a build name', devEnv, envZone(devEnv), recordChange([ownName(devEnv)], 'UPSERT'), 'denied'],
    ['reaper role', 'cannot delete a persistent name in the env zone', devEnv, envZone(devEnv), recordChange([persistentName(devEnv)], 'DELETE'), 'denied'],
    ['reaper role', 'changes no record while the env pins no zone', unpinned, envZone(unpinned), recordChange([ownName(unpinned)], 'DELETE'), 'denied'],
    ['a role under the build boundary with route53:* attached', 'writes its own names in the env zone', devEnv, envZone(devEnv), recordChange([ownName(devEnv)], 'UPSERT'), 'Allowed'],
    ['a role under the build boundary with route53:* attached', 'cannot write its own names in another zone', devEnv, OTHER_ZONE, recordChange([ownName(devEnv)], 'UPSERT'), 'ExplicitlyDenied'],
    ['a role under the build boundary with route53:* attached', 'cannot write a persistent name in the env zone', devEnv, envZone(devEnv), recordChange([persistentName(devEnv)], 'UPSERT'), 'ExplicitlyDenied'],
    ['a role under the build boundary with route53:* attached', "cannot write another build's names in the env zone", devEnv, envZone(devEnv), recordChange([`app.b-26-01-23-08.${zoneOf(devEnv)}`], 'UPSERT'), 'ExplicitlyDenied'],
    ['a role under the build boundary with route53:* attached', 'changes no record while the env pins no zone', unpinned, envZone(unpinned), recordChange([ownName(unpinned)], 'UPSERT'), 'ExplicitlyDenied'],
    ['a role under the build boundary with route53:* attached', 'changes no record in prod, which pins none', ENVS[1]!, envZone(ENVS[1]!), recordChange([ownName(ENVS[1]!)], 'UPSERT'), 'ExplicitlyDenied'],
  ];

  it.each(cases.map(([holder, title, e, zone, context, expected]) => [holder, title, e.dns.zoneId ?? 'none', { e, zone, context, expected }] as const))(
    '%s %s (pinned zone %s)',
    async (holder, _title, _zone, c) => {
      const { role, context } = holders[holder](c.e);
      const decision = await identityDecision(role, c.e.account.id, c.e.account.region, 'route53:ChangeResourceRecordSets', c.zone, { ...context, ...c.context });
      if (c.expected === 'denied') expect(decision).not.toBe<Decision>('Allowed');
      else expect(decision).toBe(c.expected);
    },
  );
});

/**
 * A GitHub Actions OIDC token's claims, as STS sees them: the standard `sub`
 * and `aud`, and the GitHub claims a trust policy may name.
 */
interface Run {
  readonly repository: string;
  /** The repository of the workflow file the job runs, when another repository's run calls it as a reusable workflow. */
  readonly workflowRepository?: string;
  readonly event: 'pull_request' | 'push' | 'workflow_dispatch' | 'schedule';
  readonly ref: string;
  readonly workflowFile: string;
  /** The GitHub environment the job declares, if any: it replaces the ref in `sub`. */
  readonly environment?: string;
  readonly audience?: string;
}

const CLAIM = (name: string) => `token.actions.githubusercontent.com:${name}`;

function claims(r: Run): Context {
  const sub = r.environment !== undefined ? `environment:${r.environment}` : r.event === 'pull_request' ? 'pull_request' : `ref:${r.ref}`;
  return {
    [CLAIM('sub')]: `repo:${r.repository}:${sub}`,
    [CLAIM('aud')]: r.audience ?? 'sts.amazonaws.com',
    [CLAIM('repository')]: r.repository,
    [CLAIM('repository_owner')]: r.repository.split('/')[0]!,
    [CLAIM('ref')]: r.ref,
    [CLAIM('event_name')]: r.event,
    [CLAIM('workflow')]: r.workflowFile.replace(/\.yml$/, ''),
    [CLAIM('job_workflow_ref')]: `${r.workflowRepository ?? r.repository}/.github/workflows/${r.workflowFile}@${r.ref}`,
    ...(r.environment === undefined ? {} : { [CLAIM('environment')]: r.environment }),
  };
}

/** The runs a role's trust is asked about, each running the role's own workflow file unless it says otherwise. */
const RUNS = {
  pull_request: (own: string): Run => ({ repository: REPO, event: 'pull_request', ref: 'refs/pull/7/merge', workflowFile: own }),
  'feature branch': (own: string): Run => ({ repository: REPO, event: 'workflow_dispatch', ref: 'refs/heads/feature', workflowFile: own }),
  main: (own: string): Run => ({ repository: REPO, event: 'workflow_dispatch', ref: 'refs/heads/main', workflowFile: own }),
  'main, on its schedule': (own: string): Run => ({ repository: REPO, event: 'schedule', ref: 'refs/heads/main', workflowFile: own }),
  'main, another workflow': (own: string): Run => ({ repository: REPO, event: 'workflow_dispatch', ref: 'refs/heads/main', workflowFile: own === CI_ROLE_WORKFLOWS.reaper ? CI_ROLE_WORKFLOWS.build : CI_ROLE_WORKFLOWS.reaper }),
  'environment:{env}': (own: string, e: Environment): Run => ({ repository: REPO, event: 'workflow_dispatch', ref: 'refs/heads/main', workflowFile: own, environment: e.name }),
  'environment:{env} on a feature branch': (own: string, e: Environment): Run => ({ repository: REPO, event: 'workflow_dispatch', ref: 'refs/heads/feature', workflowFile: own, environment: e.name }),
  'environment:{env} in a pull request': (own: string, e: Environment): Run => ({ repository: REPO, event: 'pull_request', ref: 'refs/pull/7/merge', workflowFile: own, environment: e.name }),
  "another env's environment": (own: string, e: Environment): Run => ({ repository: REPO, event: 'workflow_dispatch', ref: 'refs/heads/main', workflowFile: own, environment: e.name === 'prod' ? 'dev' : 'prod' }),
} as const;
type RunKind = keyof typeof RUNS;

/**
 * Which runs may assume each role; every other run of RUNS is denied. The
 * deploy job's environment admits only main by its branch policy. STS reads
 * no event claim, so a role pinned to a file on main admits whatever event
 * that file declares: ephemeral-build.yml declares no schedule
 * (test/workflows/ci-roles.test.ts holds each file's triggers to its role).
 */
const ADMITTED: Record<CiRoleKey, readonly RunKind[]> = {
  deploy: ['environment:{env}'],
  build: ['pull_request', 'main', 'main, on its schedule'],
  reaper: ['main', 'main, on its schedule'],
  validation: ['main', 'main, on its schedule'],
};

/**
 * What turns an admitted run into a denied one. GitHub compares owner and
 * repository names without case, so no other repository can carry a case
 * variant of ours: `sub` and `job_workflow_ref` carry the repository as GitHub
 * spells it, and the trust compares them exactly (StringEquals, StringLike).
 * A case variant is therefore a misspelt env (`github.repository` must be
 * spelt as GitHub does), denied rather than admitted; whitespace cannot occur
 * in a GitHub name, and the env schema refuses it.
 */
const MUTATIONS: Record<string, (r: Run) => Run> = {
  'another repository': (r) => ({ ...r, repository: 'mallory/platform' }),
  // job_workflow_ref names the file that runs, not the caller: only sub and repository tell.
  'another repository calling our workflow file': (r) => ({ ...r, repository: 'mallory/platform', workflowRepository: REPO }),
  'a fork of the repository': (r) => ({ ...r, repository: 'mallory/platform-fork' }),
  'the owner in upper case': (r) => ({ ...r, repository: REPO.replace(/^[^/]+/, (o) => o.toUpperCase()) }),
  'the repository name in another case': (r) => ({ ...r, repository: REPO.replace(/[^/]+$/, (n) => n[0]!.toUpperCase() + n.slice(1)) }),
  'a trailing space after the repository': (r) => ({ ...r, repository: `${REPO} ` }),
  "GitHub's default audience (the owner's URL)": (r) => ({ ...r, audience: `https://github.com/${REPO.split('/')[0]}` }),
  'no audience': (r) => ({ ...r, audience: '' }),
};

describe('who each role trusts (full GitHub token claims, sub and aud included, simulated)', () => {
  describe.each(ENVS.map((e) => [e.name, e] as const))('%s', (_name, env) => {
    const roles = ciRoles(env, REPO);
    const provider = githubOidcProviderArn(env.account);
    const present = ALL.filter((k) => roles[k] !== undefined);
    const run = (key: CiRoleKey, kind: RunKind) => RUNS[kind](CI_ROLE_WORKFLOWS[key], env);

    it.each(present.flatMap((k) => (Object.keys(RUNS) as RunKind[]).map((kind) => [k, kind, ADMITTED[k].includes(kind)] as const)))(
      '%s role, %s run: admitted %s',
      async (key, kind, admitted) => {
        expect(await trustDecision(roles[key]!, provider, env.account.id, claims(run(key, kind)))).toBe(admitted ? 'Allowed' : 'ImplicitlyDenied');
      },
    );

    it.each(present.flatMap((k) => ADMITTED[k].flatMap((kind) => Object.keys(MUTATIONS).map((m) => [k, kind, m] as const))))('%s role, %s run with %s: denied', async (key, kind, mutation) => {
      expect(await trustDecision(roles[key]!, provider, env.account.id, claims(MUTATIONS[mutation]!(run(key, kind))))).toBe('ImplicitlyDenied');
    });

    it.each(present)("%s role trusts no other account's GitHub provider", async (key) => {
      const foreign = githubOidcProviderArn({ ...env.account, id: '999999999999' });
      expect(await trustDecision(roles[key]!, foreign, env.account.id, claims(run(key, ADMITTED[key][0]!)))).toBe('ImplicitlyDenied');
    });
  });

  it('has no build role to assume in an env that does not enable builds', () => {
    expect(ciRoles(ENVS[1]!, REPO).build).toBeUndefined();
  });

  it.each(['acme/platform ', ' acme/platform', 'acme /platform', 'acme/plat form', 'acme', 'acme/platform/x'])('refuses to generate roles for the repository "%s"', (repository) => {
    expect(() => ciRoles(ENVS[0]!, repository)).toThrow(/must be a GitHub owner\/name/);
  });
});
