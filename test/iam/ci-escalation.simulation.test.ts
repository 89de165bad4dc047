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
const buildRole = (e: Environment) => arn(e).role(irsaRoleName(BUILD(e), 'external-dns'));
const persistentRole = (e: Environment) => arn(e).role(irsaRoleName(persistent(e.name), 'external-dns'));

const ATTEMPTS: readonly Attempt[] = [
  // AWS-managed admin policies
  ...['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'].map((p): Attempt => ({
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
  ...['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:AttachUserPolicy', 'iam:PutUserPolicy'].map(
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
  { title: 'assume the platform admin role', class: 'roles outside the env', roles: ALL, action: 'sts:AssumeRole', resource: (e) => arn(e).role(platformAdminRoleName(e.name)) },
  { title: 'pass the deploy role to a service', class: 'roles outside the env', roles: ALL, action: 'iam:PassRole', resource: (e) => arn(e).role(ciRoleName(e.name, 'deploy')) },
  // CI roles
  ...(['deploy', 'build', 'reaper'] as const).flatMap((target): Attempt[] => [
    { title: `rewrite the ${target} role's trust`, class: 'CI roles', roles: ALL, action: 'iam:UpdateAssumeRolePolicy', resource: (e) => arn(e).role(ciRoleName(e.name, target)) },
    {
      title: `attach a policy to the ${target} role`,
      class: 'CI roles',
      roles: ALL,
      action: 'iam:AttachRolePolicy',
      resource: (e) => arn(e).role(ciRoleName(e.name, target)),
      context: (e) => ({ 'iam:PolicyARN': arn(e).policy(`goldenpath-${e.name}-x`), 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }),
    },
  ]),
  { title: "put an inline policy on the reaper role", class: 'CI roles', roles: ALL, action: 'iam:PutRolePolicy', resource: (e) => arn(e).role(ciRoleName(e.name, 'reaper')), context: (e) => ({ 'iam:PermissionsBoundary': arn(e).boundary('workload-boundary') }) },
  { title: 'delete the validation role', class: 'CI roles', roles: ALL, action: 'iam:DeleteRole', resource: (e) => arn(e).role(ciRoleName(e.name, 'validation')) },
  { title: "rewrite the deploy role's policy", class: 'CI roles', roles: ALL, action: 'iam:CreatePolicyVersion', resource: (e) => arn(e).policy(`${ciRoleName(e.name, 'deploy')}-1`) },
  // boundaries
  ...(['build-boundary', 'workload-boundary', 'ci-boundary'] as const).flatMap((key): Attempt[] => [
    { title: `write a new version of the ${key}`, class: 'boundary policies', roles: ALL, action: 'iam:CreatePolicyVersion', resource: (e) => arn(e).boundary(key) },
    { title: `make another version of the ${key} the default`, class: 'boundary policies', roles: ALL, action: 'iam:SetDefaultPolicyVersion', resource: (e) => arn(e).boundary(key) },
    { title: `delete the ${key}`, class: 'boundary policies', roles: ALL, action: 'iam:DeletePolicy', resource: (e) => arn(e).boundary(key) },
  ]),
  { title: 'create a policy named as the build boundary', class: 'boundary policies', roles: ALL, action: 'iam:CreatePolicy', resource: (e) => arn(e).boundary('build-boundary') },
  // the GitHub OIDC provider
  ...['iam:DeleteOpenIDConnectProvider', 'iam:UpdateOpenIDConnectProviderThumbprint', 'iam:AddClientIDToOpenIDConnectProvider'].map(
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
  { title: 'delete the env zone', class: 'persistent resources', roles: NOT_DEPLOY, action: 'route53:DeleteHostedZone', resource: () => 'arn:aws:route53:::hostedzone/Z0ENVZONE' },
  {
    title: 'point a persistent hostname elsewhere',
    class: 'persistent resources',
    roles: NOT_DEPLOY,
    action: 'route53:ChangeResourceRecordSets',
    resource: () => 'arn:aws:route53:::hostedzone/Z0ENVZONE',
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
      resource: () => 'arn:aws:route53:::hostedzone/Z0ENVZONE',
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

/** The claims of a GitHub Actions token for one kind of run. */
function token(e: Environment, kind: string, role: CiRoleKey): Context {
  const jwr = (repo: string, file: string, ref: string) => `${repo}/.github/workflows/${file}@${ref}`;
  const own = CI_ROLE_WORKFLOWS[role];
  switch (kind) {
    case 'pull_request':
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr(REPO, own, 'refs/pull/7/merge'), 'token.actions.githubusercontent.com:ref': 'refs/pull/7/merge' };
    case 'feature branch':
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr(REPO, own, 'refs/heads/feature'), 'token.actions.githubusercontent.com:ref': 'refs/heads/feature' };
    case 'main':
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr(REPO, own, 'refs/heads/main'), 'token.actions.githubusercontent.com:ref': 'refs/heads/main' };
    case 'main, another workflow':
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr(REPO, role === 'reaper' ? CI_ROLE_WORKFLOWS.build : CI_ROLE_WORKFLOWS.reaper, 'refs/heads/main') };
    case 'environment:{env}':
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr(REPO, own, 'refs/heads/main'), 'token.actions.githubusercontent.com:environment': e.name };
    case "another env's environment":
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr(REPO, own, 'refs/heads/main'), 'token.actions.githubusercontent.com:environment': e.name === 'prod' ? 'dev' : 'prod' };
    case 'another repository':
      return { 'token.actions.githubusercontent.com:job_workflow_ref': jwr('mallory/fork', own, 'refs/heads/main'), 'token.actions.githubusercontent.com:environment': e.name };
    default:
      throw new Error(kind);
  }
}

const KINDS = ['pull_request', 'feature branch', 'main', 'main, another workflow', 'environment:{env}', "another env's environment", 'another repository'] as const;
/** Which runs may assume each role (the deploy role's environment job runs on main by the environment's branch policy). */
const ADMITTED: Record<CiRoleKey, readonly (typeof KINDS)[number][]> = {
  deploy: ['environment:{env}'],
  build: ['pull_request', 'main'],
  reaper: ['main'],
  validation: ['main'],
};

describe('who each role trusts (job_workflow_ref and environment claims simulated)', () => {
  describe.each(ENVS.map((e) => [e.name, e] as const))('%s', (_name, env) => {
    const roles = ciRoles(env, REPO);
    const cases = ALL.filter((k) => roles[k] !== undefined).flatMap((k) => KINDS.map((kind) => [k, kind, ADMITTED[k].includes(kind)] as const));
    it.each(cases)('%s role, %s run: admitted %s', async (key, kind, admitted) => {
      const decision = await trustDecision(roles[key]!, githubOidcProviderArn(env.account), env.account.id, token(env, kind, key));
      expect(decision === 'Allowed').toBe(admitted);
    });
  });

  it('has no build role to assume in an env that does not enable builds', () => {
    expect(ciRoles(ENVS[1]!, REPO).build).toBeUndefined();
  });
});

describe('trust subjects (sub and aud, which the simulator cannot read)', () => {
  const subjectsOf = (role: CiRole) => role.trust.Statement.map((s) => (s.Condition?.StringEquals as Record<string, string>)['token.actions.githubusercontent.com:sub']);
  const audiencesOf = (role: CiRole) => role.trust.Statement.map((s) => (s.Condition?.StringEquals as Record<string, string>)['token.actions.githubusercontent.com:aud']);

  it.each(ENVS.map((e) => [e.name, e] as const))('%s: each statement names exactly one subject, for the sts audience', (_name, env) => {
    const roles = ciRoles(env, REPO);
    expect(subjectsOf(roles.deploy!)).toEqual([`repo:${REPO}:environment:${env.name}`]);
    expect(subjectsOf(roles.reaper!)).toEqual([`repo:${REPO}:ref:refs/heads/main`]);
    expect(subjectsOf(roles.validation!)).toEqual([`repo:${REPO}:ref:refs/heads/main`]);
    for (const role of Object.values(roles)) expect(new Set(audiencesOf(role!))).toEqual(new Set(['sts.amazonaws.com']));
  });

  it('admits pull requests and manual runs on main to the build role, each pinned to ephemeral-build', () => {
    const build = ciRoles(ENVS[0]!, REPO).build!;
    expect(subjectsOf(build)).toEqual([`repo:${REPO}:pull_request`, `repo:${REPO}:ref:refs/heads/main`]);
    expect(build.trust.Statement.map((s) => (s.Condition?.StringLike as Record<string, string>)['token.actions.githubusercontent.com:job_workflow_ref'])).toEqual([
      `${REPO}/.github/workflows/ephemeral-build.yml@refs/pull/*/merge`,
      `${REPO}/.github/workflows/ephemeral-build.yml@refs/heads/main`,
    ]);
  });

  it("trusts only the env account's GitHub provider", () => {
    for (const env of ENVS) for (const role of Object.values(ciRoles(env, REPO))) for (const s of role!.trust.Statement) expect(s.Principal).toEqual({ Federated: githubOidcProviderArn(env.account) });
  });
});
