import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clusterName, dnsPolicyName, foundationParameterFolder, foundationParameterName, irsaRoleName, stateKey } from '../../../contract/naming';
import { ephemeral, persistent } from '../../../contract/selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../../contract/tags';
import { dev } from '../../../envs/dev';
import { defineEnvironment } from '../../../envs/schema';
import { GLOBAL_SERVICES_REGION } from '../../../ops/aws/clients';
import { synthSelection } from '../../support/synth';
import { ciRoles, reaperRoleName } from '../../../contract/ci/ci-roles';
import { ciDeployPolicy } from '../../../contract/ci/deploy-role';
import { reaperPolicy } from '../../../contract/ci/reaper-role';
import { listOf, type PolicyDocument } from '../../../contract/iam/policy-document';
import { accountDelegatingKeyPolicy } from '../../../contract/iam/key-policy';

const env = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-west-2', keyPrefix: 'tf' } });
const ACCOUNT = env.account.id;
const REGION = env.account.region;
const BUILD = ephemeral('dev', '26-01-23-07');
const BUILD_CLUSTER = clusterName(BUILD);
const REPOSITORY = 'goldenpath-idp/goldenpath-infra';

type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/** KMS authorizes by key policy first: a build's key delegates to the account's IAM, as the cluster construct writes it. */
const KEY_POLICY = accountDelegatingKeyPolicy({ partition: 'aws', accountId: ACCOUNT });

async function decide(policy: PolicyDocument, role: string, action: string, resource: string, contextVariables: Record<string, string | string[]> = {}): Promise<Decision> {
  const simulation: Simulation = {
    identityPolicies: [{ name: role, policy: policy as unknown as Record<string, unknown> }],
    ...(resource.includes(':kms:') && resource.includes(':key/') ? { resourcePolicy: KEY_POLICY as unknown as Record<string, unknown> } : {}),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      action,
      resource: { resource, accountId: ACCOUNT },
      contextVariables: { 'aws:RequestedRegion': REGION, ...contextVariables },
    },
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

const buildTags = (buildId: string, envName = 'dev') => ({
  [`aws:ResourceTag/${TAG_KEYS.env}`]: envName,
  [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral',
  [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'disposable',
  [`aws:ResourceTag/${TAG_KEYS.buildId}`]: buildId,
});
const volume = `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0abc`;

describe('reaper role (IAM simulation)', () => {
  const reaper = reaperPolicy(env);
  const role = reaperRoleName('dev');
  const can = (action: string, resource: string, ctx: Record<string, string | string[]> = {}) => decide(reaper, role, action, resource, ctx);

  it("deletes a volume tagged as a build of the env", async () => {
    expect(await can('ec2:DeleteVolume', volume, buildTags('26-01-23-07'))).toBe('Allowed');
  });

  it('never deletes a volume tagged persistent, even one claiming a build id', async () => {
    expect(await can('ec2:DeleteVolume', volume, { ...buildTags('26-01-23-07'), [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent' })).toBe('ExplicitlyDenied');
  });

  it('never deletes a foundational resource', async () => {
    expect(await can('ec2:DeleteSecurityGroup', `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-1`, { ...buildTags('x'), [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'foundational' })).toBe('ExplicitlyDenied');
  });

  it("cannot delete another env's build resources", async () => {
    expect(await can('ec2:DeleteVolume', volume, buildTags('26-01-23-07', 'prod'))).toBe('ImplicitlyDenied');
  });

  it('cannot delete an untagged volume', async () => {
    expect(await can('ec2:DeleteVolume', volume)).toBe('ImplicitlyDenied');
  });

  it('cannot delete in another region', async () => {
    expect(await can('ec2:DeleteVolume', `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0abc`, { ...buildTags('26-01-23-07'), 'aws:RequestedRegion': 'us-east-1' })).toBe('ImplicitlyDenied');
  });

  it.each(Object.values(CONTROLLER_TAGS).filter((k) => !k.endsWith('/')))('deletes what a build cluster controller tagged %s', async (key) => {
    const lb = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/net/k8s-x/0123`;
    expect(await can('elasticloadbalancing:DeleteLoadBalancer', lb, { [`aws:ResourceTag/${key}`]: BUILD_CLUSTER })).toBe('Allowed');
    expect(await can('elasticloadbalancing:DeleteLoadBalancer', lb, { [`aws:ResourceTag/${key}`]: clusterName(persistent('dev')) })).toBe('ImplicitlyDenied');
  });

  it("deletes a build's IRSA role but not the persistent cluster's", async () => {
    expect(await can('iam:DeleteRole', `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(BUILD, 'loki')}`)).toBe('Allowed');
    expect(await can('iam:DeleteRole', `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(persistent('dev'), 'loki')}`)).toBe('ImplicitlyDenied');
  });

  it("cannot delete the DNS stack's build boundary policy", async () => {
    expect(await can('iam:DeletePolicy', `arn:aws:iam::${ACCOUNT}:policy/${dnsPolicyName('dev', 'build-boundary')}`)).toBe('ImplicitlyDenied');
  });

  it("deletes a build's control plane log group, not the persistent cluster's", async () => {
    const group = (c: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/eks/${c}/cluster:*`;
    expect(await can('logs:DeleteLogGroup', group(BUILD_CLUSTER))).toBe('Allowed');
    expect(await can('logs:DeleteLogGroup', group(clusterName(persistent('dev'))))).toBe('ImplicitlyDenied');
  });

  describe('Route53', () => {
    const zone = 'arn:aws:route53:::hostedzone/Z0DEVZONE00001';
    const change = (names: string[], actions: string[]) =>
      can('route53:ChangeResourceRecordSets', zone, { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': names, 'route53:ChangeResourceRecordSetsActions': actions });

    it("deletes a build's records, TXT registry records included", async () => {
      expect(await change(['grafana.b-26-01-23-07.dev.goldenpathidp.io', '_gp-a.grafana.b-26-01-23-07.dev.goldenpathidp.io'], ['DELETE'])).toBe('Allowed');
    });

    it('cannot delete a persistent record', async () => {
      expect(await change(['grafana.dev.goldenpathidp.io'], ['DELETE'])).toBe('ImplicitlyDenied');
    });

    it('cannot create or change records, even in the build space', async () => {
      expect(await change(['grafana.b-26-01-23-07.dev.goldenpathidp.io'], ['UPSERT'])).toBe('ImplicitlyDenied');
    });

    it("cannot delete another env's build records", async () => {
      expect(await change(['grafana.b-26-01-23-07.prod.goldenpathidp.io'], ['DELETE'])).toBe('ImplicitlyDenied');
    });
  });

  it('cannot deploy or tag: no create or tag calls', async () => {
    expect(await can('ec2:CreateTags', volume, buildTags('26-01-23-07'))).toBe('ImplicitlyDenied');
  });

  describe('what a build creates besides its network', () => {
    const cluster = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${BUILD_CLUSTER}`;
    const nodegroup = `arn:aws:eks:${REGION}:${ACCOUNT}:nodegroup/${BUILD_CLUSTER}/default/4ec5`;
    const key = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const instance = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0abc`;
    const cert = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0abc`;
    const tagged: [string, string][] = [
      ['eks:DeleteCluster', cluster],
      ['eks:DeleteNodegroup', nodegroup],
      ['eks:DeleteAddon', `arn:aws:eks:${REGION}:${ACCOUNT}:addon/${BUILD_CLUSTER}/vpc-cni/4ec5`],
      ['eks:DeleteFargateProfile', `arn:aws:eks:${REGION}:${ACCOUNT}:fargateprofile/${BUILD_CLUSTER}/system/4ec5`],
      ['ec2:TerminateInstances', instance],
      ['ec2:DeleteSnapshot', `arn:aws:ec2:${REGION}::snapshot/snap-0abc`],
      ['kms:ScheduleKeyDeletion', key],
      ['acm:DeleteCertificate', cert],
    ];
    it.each(tagged)('%s: a build of the env, never the persistent cluster nor another env', async (action, resource) => {
      expect(await can(action, resource, buildTags('26-01-23-07'))).toBe('Allowed');
      expect(await can(action, resource, { ...buildTags('26-01-23-07'), [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent' })).not.toBe('Allowed');
      expect(await can(action, resource, buildTags('26-01-23-07', 'staging'))).toBe('ImplicitlyDenied');
      expect(await can(action, resource)).toBe('ImplicitlyDenied');
    });

    it('terminates the instances of a build cluster node group by their eks:cluster-name tag', async () => {
      expect(await can('ec2:TerminateInstances', instance, { [`aws:ResourceTag/${CONTROLLER_TAGS.eksNodeClusterName}`]: BUILD_CLUSTER })).toBe('Allowed');
      expect(await can('ec2:TerminateInstances', instance, { [`aws:ResourceTag/${CONTROLLER_TAGS.eksNodeClusterName}`]: clusterName(persistent('dev')) })).toBe('ImplicitlyDenied');
    });

    it("deletes a build key's alias, not the persistent cluster's", async () => {
      expect(await can('kms:DeleteAlias', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/${BUILD_CLUSTER}-secrets`)).toBe('Allowed');
      expect(await can('kms:DeleteAlias', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/${clusterName(persistent('dev'))}-secrets`)).toBe('ImplicitlyDenied');
    });

    it("empties (every version) and deletes a build's bucket, never the persistent cluster's or the state bucket", async () => {
      const bucket = `arn:aws:s3:::${BUILD_CLUSTER}-loki-${ACCOUNT}`;
      for (const [action, resource] of [['s3:ListBucketVersions', bucket], ['s3:DeleteObjectVersion', `${bucket}/chunks/a`], ['s3:DeleteBucket', bucket]] as const) {
        expect(await can(action, resource)).toBe('Allowed');
      }
      expect(await can('s3:DeleteBucket', `arn:aws:s3:::${clusterName(persistent('dev'))}-loki-${ACCOUNT}`)).toBe('ImplicitlyDenied');
      expect(await can('s3:DeleteObjectVersion', 'arn:aws:s3:::goldenpath-state-111111111111/tf/dev/dev-network.tfstate')).toBe('ImplicitlyDenied');
    });

    it("deletes a build's tagged instance profile, not one of another env", async () => {
      const profile = `arn:aws:iam::${ACCOUNT}:instance-profile/${BUILD_CLUSTER}-node`;
      expect(await can('iam:DeleteInstanceProfile', profile, buildTags('26-01-23-07'))).toBe('Allowed');
      expect(await can('iam:DeleteInstanceProfile', profile, buildTags('26-01-23-07', 'staging'))).toBe('ImplicitlyDenied');
      expect(await can('iam:DeleteInstanceProfile', `arn:aws:iam::${ACCOUNT}:instance-profile/${clusterName(persistent('dev'))}-node`, { ...buildTags('26-01-23-07') })).toBe('ImplicitlyDenied');
    });
  });
});

describe('ci-deploy role (IAM simulation)', () => {
  const deploy = ciDeployPolicy(env);
  const role = 'goldenpath-ci-deploy';
  const can = (action: string, resource: string, ctx: Record<string, string | string[]> = {}) => decide(deploy, role, action, resource, ctx);
  const stateObject = (key: string) => `arn:aws:s3:::goldenpath-state-111111111111/${key}`;

  it('reads and writes the state and lock files of the env and its builds', async () => {
    for (const key of [stateKey('tf', persistent('dev'), 'dev-network'), stateKey('tf', BUILD, `dev-b-26-01-23-07-cluster`)]) {
      expect(await can('s3:PutObject', stateObject(key))).toBe('Allowed');
      expect(await can('s3:DeleteObject', stateObject(`${key}.tflock`))).toBe('Allowed');
    }
  });

  it("cannot touch another env's state", async () => {
    expect(await can('s3:GetObject', stateObject(stateKey('tf', persistent('prod'), 'prod-network')))).toBe('ImplicitlyDenied');
  });

  it('lists only the env prefix of the state bucket', async () => {
    const bucket = 'arn:aws:s3:::goldenpath-state-111111111111';
    expect(await can('s3:ListBucket', bucket, { 's3:prefix': 'tf/dev/builds/' })).toBe('Allowed');
    expect(await can('s3:ListBucket', bucket, { 's3:prefix': 'tf/prod/' })).toBe('ImplicitlyDenied');
  });

  it("writes the env's foundation documents, not another env's", async () => {
    const param = (e: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${foundationParameterName(e, 'network')}`;
    expect(await can('ssm:PutParameter', param('dev'))).toBe('Allowed');
    expect(await can('ssm:PutParameter', param('prod'))).toBe('ImplicitlyDenied');
  });

  it('creates and passes roles in the env name space only', async () => {
    expect(await can('iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(BUILD, 'ebs-csi')}`)).toBe('Allowed');
    expect(await can('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(persistent('dev'), 'cluster')}`)).toBe('Allowed');
    expect(await can('iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/goldenpath-prod-cluster`)).toBe('ImplicitlyDenied');
    expect(await can('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/${role}`)).toBe('ImplicitlyDenied');
  });

  it("cannot strip or swap the DNS boundary of a build's roles", async () => {
    const buildRole = `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(BUILD, 'external-dns')}`;
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/${dnsPolicyName('dev', 'build-boundary')}`;
    expect(await can('iam:DeleteRolePermissionsBoundary', buildRole)).toBe('ExplicitlyDenied');
    expect(await can('iam:PutRolePermissionsBoundary', buildRole, { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/goldenpath-dev-anything` })).toBe('ExplicitlyDenied');
    expect(await can('iam:PutRolePermissionsBoundary', buildRole, { 'iam:PermissionsBoundary': boundary })).toBe('Allowed');
  });

  it("works only in the env's region, IAM and Route53 excepted", async () => {
    expect(await can('ec2:DeleteVolume', `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0abc`, { 'aws:RequestedRegion': 'us-east-1' })).toBe('ExplicitlyDenied');
    expect(await can('ec2:DeleteVolume', volume)).toBe('Allowed');
    expect(await can('route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/Z0DEVZONE00001', { 'aws:RequestedRegion': 'us-east-1' })).toBe('Allowed');
    expect(await can('iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(BUILD, 'loki')}`, { 'aws:RequestedRegion': 'us-east-1' })).toBe('Allowed');
  });

  it('lists build IAM resources through the tagging API in us-east-1, as teardown and orphan cleanup do', async () => {
    expect(REGION).not.toBe(GLOBAL_SERVICES_REGION);
    expect(await can('tag:GetResources', '*', { 'aws:RequestedRegion': GLOBAL_SERVICES_REGION })).toBe('Allowed');
  });

  it("reads and writes the env's app secrets, not another env's", async () => {
    const secret = (e: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:goldenpath/${e}/backstage/postgres-AbC123`;
    expect(await can('secretsmanager:PutSecretValue', secret('dev'))).toBe('Allowed');
    expect(await can('secretsmanager:PutSecretValue', secret('prod'))).toBe('ImplicitlyDenied');
  });

  it("manages a build's object storage bucket, never the state bucket", async () => {
    expect(await can('s3:CreateBucket', `arn:aws:s3:::${clusterName(BUILD)}-loki-${ACCOUNT}`)).toBe('Allowed');
    expect(await can('s3:DeleteBucket', 'arn:aws:s3:::goldenpath-state-111111111111')).toBe('ImplicitlyDenied');
  });

  it('has no state statements for an env with local state', () => {
    expect(ciDeployPolicy(defineEnvironment(dev)).Statement.map((s) => s.Sid)).not.toEqual(expect.arrayContaining(['ListEnvState', 'ReadWriteEnvState']));
  });
});

describe('trust policies', () => {
  const roles = ciRoles(env, REPOSITORY);
  const subjects = (doc: PolicyDocument) => doc.Statement[0]!.Condition!.StringEquals!['token.actions.githubusercontent.com:sub'];

  it("trust GitHub's OIDC provider for the sts audience, with no Resource", () => {
    for (const r of [roles.ciDeploy, roles.reaper]) {
      const [s] = r.trust.Statement;
      expect(s!.Principal).toEqual({ Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` });
      expect(s!.Condition!.StringEquals!['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
      expect(s!.Resource).toBeUndefined();
    }
  });

  it('lets the deploy role be assumed by the env deploy, labelled pull requests and main', () => {
    expect(subjects(roles.ciDeploy.trust)).toEqual([`repo:${REPOSITORY}:environment:dev`, `repo:${REPOSITORY}:pull_request`, `repo:${REPOSITORY}:ref:refs/heads/main`]);
  });

  it('lets the reaper be assumed only from main (the schedule and dispatch run there)', () => {
    expect(subjects(roles.reaper.trust)).toEqual([`repo:${REPOSITORY}:ref:refs/heads/main`]);
  });

  it("names the deploy role as the env definition's ciDeployRoleArn, which the cluster grants admin", () => {
    expect(roles.ciDeploy.roleArn).toBe(env.cluster.ciDeployRoleArn);
  });

  it('rejects a repository that is not owner/name', () => {
    expect(() => ciRoles(env, 'goldenpath-infra')).toThrow(/must be a GitHub owner\/name/);
  });
});

describe('coverage of the lifecycle CLI', () => {
  /** IAM service prefix of each AWS SDK client the CLI uses. */
  const SERVICE: Record<string, string> = {
    'client-ec2': 'ec2',
    'client-elastic-load-balancing-v2': 'elasticloadbalancing',
    'client-iam': 'iam',
    'client-route-53': 'route53',
    'client-cloudwatch-logs': 'logs',
    'client-resource-groups-tagging-api': 'tag',
    'client-eks': 'eks',
    'client-rds': 'rds',
    'client-secrets-manager': 'secretsmanager',
    'client-ssm': 'ssm',
    'client-kms': 'kms',
    'client-s3': 's3',
    'client-acm': 'acm',
    'client-pricing': 'pricing',
  };
  /** SDK commands whose IAM action has another name. */
  const IAM_ACTION: Record<string, string> = { 's3:ListObjectVersions': 's3:ListBucketVersions', 's3:DeleteObjects': 's3:DeleteObjectVersion' };
  const OPS = resolve(__dirname, '..', '..', '..', 'ops');
  /** The AWS calls of the code behind `builds`, `orphans`, `teardown` and `preflight` (not `db provision`, which CI does not run). */
  const files = ['aws', 'builds', 'orphans', 'preflight', 'teardown', 'cleanup'].flatMap((d) =>
    readdirSync(join(OPS, d))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(OPS, d, f)),
  );
  const calls = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9-]+)'/g)].flatMap(([, names, client]) =>
      names!
        .split(',')
        .map((n) => n.trim().replace(/^type\s+/, ''))
        .filter((n) => n.endsWith('Command') && new RegExp(`new ${n}\\b`).test(text))
        .map((n) => {
          const action = `${SERVICE[client!] ?? client}:${n.slice(0, -'Command'.length)}`;
          return { file, client: client!, action: IAM_ACTION[action] ?? action };
        }),
    );
  });
  /** Calls of the reaper's path: `orphans --expired` and what it runs. */
  const reaperCalls = calls.filter((c) => !/(preflight|teardown)\//.test(c.file));
  const allows = (doc: PolicyDocument, action: string) =>
    doc.Statement.some((s) => s.Effect === 'Allow' && listOf(s.Action).some((a) => a === action || (a.endsWith(':*') && action.startsWith(a.slice(0, -1)))));
  // GetCallerIdentity needs no permission.
  const needsPermission = (c: { action: string }) => !c.action.startsWith('client-sts:');

  it('finds the calls (a sanity check of the scan)', () => {
    expect(calls.map((c) => c.action)).toEqual(expect.arrayContaining(['ec2:DeleteVolume', 'route53:ChangeResourceRecordSets', 'tag:GetResources', 'rds:DescribeDBInstances']));
  });

  it('the reaper may make every AWS call of the orphan cleanup', () => {
    expect(reaperCalls.filter(needsPermission).filter((c) => !allows(reaperPolicy(env), c.action)).map((c) => `${c.action} (${c.file})`)).toEqual([]);
  });

  it('the deploy role may make every AWS call of builds, preflight, teardown and orphan cleanup', () => {
    expect(calls.filter(needsPermission).filter((c) => !allows(ciDeployPolicy(env), c.action)).map((c) => `${c.action} (${c.file})`)).toEqual([]);
  });
});

describe('coverage of the synthesized stacks', () => {
  /** IAM service of a Terraform AWS resource or data source type, by its name; route53 before route. */
  const TYPE_SERVICE: readonly [RegExp, string][] = [
    [/^aws_route53_/, 'route53'],
    [/^aws_acm_/, 'acm'],
    [/^aws_(vpc|subnet|route|internet_gateway|nat_gateway|eip|security_group|default_security_group|flow_log|launch_template)/, 'ec2'],
    [/^aws_eks_/, 'eks'],
    [/^aws_db_/, 'rds'],
    [/^aws_kms_/, 'kms'],
    [/^aws_cloudwatch_log_/, 'logs'],
    [/^aws_iam_/, 'iam'],
    [/^aws_s3_/, 's3'],
    [/^aws_secretsmanager_/, 'secretsmanager'],
    [/^aws_ssm_/, 'ssm'],
    [/^aws_autoscaling_/, 'autoscaling'],
  ];
  const types = [persistent('dev'), BUILD].flatMap((sel) => {
    const synth = synthSelection(sel);
    return Object.values(synth.stacks).flatMap((stack) => {
      const json = synth.json(stack.node.id);
      return [json.resource, json.data, json.ephemeral].flatMap((block) => Object.keys(block ?? {})).filter((t) => t.startsWith('aws_'));
    });
  });

  it.each([...new Set(types)].sort())('the deploy role has the service of %s', (type) => {
    const service = TYPE_SERVICE.find(([re]) => re.test(type))?.[1];
    expect(service).toBeDefined();
    const actions = ciDeployPolicy(env).Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action ?? []);
    expect(actions.some((a) => a.startsWith(`${service}:`))).toBe(true);
  });

  it('reads the foundation folder the disposable stacks read', async () => {
    const folder = foundationParameterFolder('dev');
    expect(await decide(ciDeployPolicy(env), 'goldenpath-ci-deploy', 'ssm:GetParametersByPath', `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${folder}`)).toBe('Allowed');
  });
});

describe('README "Running in CI"', () => {
  const doc = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const roles = ciRoles(env, REPOSITORY);

  it.each([
    ['ci-deploy', roles.ciDeploy.policy],
    ['reaper', roles.reaper.policy],
  ] as const)('names every statement of the generated %s policy', (_role, policy) => {
    const documented = (sid: string) => doc.includes(`\`${sid}\``) || (/\d$/.test(sid) && doc.includes(`\`${sid.replace(/\d+$/, '')}1..`));
    expect(policy.Statement.map((s) => s.Sid ?? '(a statement without Sid)').filter((sid) => !documented(sid))).toEqual([]);
  });
});
