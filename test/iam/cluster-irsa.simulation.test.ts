import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { BUILD_ID_PRINCIPAL_TAG_KEY, normalizeRecordName, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { clusterName, disposableStackName, dnsPolicyName, foundationParameterName, foundationStackName, hostSuffix, irsaRoleName, envIdentity } from '../../contract/naming';
import { buildIdOf, ephemeral, persistent, type Selection } from '../../contract/selection';
import { clusterAutoscalerOwnerTagKey, CONTROLLER_TAGS, TAG_KEYS } from '../../contract/tags';
import { loadEnvironment } from '../../envs';
import { synthesizedBuildBoundary } from '../support/bootstrap-synth';
import { synthDnsStack, synthesizedPolicy } from '../support/dns-synth';
import { synthSelection, type TerraformJson } from '../support/synth';

/**
 * The IRSA roles' permissions, proven with an IAM policy simulator on the
 * policies of the synthesized cluster stacks (and, for ExternalDNS, the
 * dev-dns stack's policies the cluster stack attaches by reference).
 */
const env = loadEnvironment('dev');
const ACCOUNT = env.account.id;
const REGION = env.account.region;
const DEV = persistent('dev');
const BUILD = ephemeral('dev', '26-01-23-01');
const OTHER_BUILD = ephemeral('dev', '26-01-23-02');
const ZONE_ARN = 'arn:aws:route53:::hostedzone/Z0DEVZONE00001';

type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

const devJson = synthSelection(DEV).json(disposableStackName(DEV, 'cluster'));
/** The build boundary of the env's bootstrap stack, synthesized once for the file. */
const BUILD_BOUNDARY = synthesizedBuildBoundary(env);
const buildJson = synthSelection(BUILD).json(disposableStackName(BUILD, 'cluster'));

/**
 * The policy a role of the synthesized stack owns, parsed as AWS receives it
 * (Terraform escapes undone); `references` gives the value Terraform would
 * put in for each live reference, and any reference left over is an error.
 */
function ownPolicy(json: TerraformJson, name: string, references: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const match = Object.values<TerraformJson>(json.resource.aws_iam_policy).filter((p) => p.name === name);
  if (match.length !== 1) throw new Error(`expected one aws_iam_policy named ${name}, found ${match.length}`);
  const text = Object.entries(references).reduce((t, [ref, value]) => t.split(ref).join(value), match[0]!.policy as string);
  const live = text.match(/(?<!\$)\$\{[^}]*\}/g);
  if (live !== null) throw new Error(`policy ${name} still holds Terraform references: ${live.join(', ')}`);
  return JSON.parse(text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
}

/** The policy behind an attachment's policy ARN, when it is a policy of the same stack. */
function ownPolicyByArn(json: TerraformJson, policyArn: string): Record<string, unknown> {
  const match = /^\$\{aws_iam_policy\.([^.]+)\.arn\}$/.exec(policyArn);
  if (match === null) throw new Error(`attachment of ${policyArn}, not a policy of this stack`);
  return ownPolicy(json, json.resource.aws_iam_policy[match[1]!].name as string);
}

function roleOf(json: TerraformJson, selection: Selection, key: 'external-dns'): { address: string; config: TerraformJson } {
  const name = irsaRoleName(selection, key);
  const [entry] = Object.entries<TerraformJson>(json.resource.aws_iam_role).filter(([, r]) => r.name === name);
  if (entry === undefined) throw new Error(`no aws_iam_role named ${name}`);
  return { address: `aws_iam_role.${entry[0]}`, config: entry[1] };
}

async function decide(simulation: Simulation): Promise<Decision> {
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

function request(selection: Selection, key: string, action: string, resource: string, contextVariables: Record<string, string | string[]> = {}) {
  return {
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(selection, key as 'external-secrets')}`,
      action,
      resource: { resource, accountId: ACCOUNT },
      contextVariables,
    },
  };
}

const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;
// The database key has the default key policy (constructs/database/database-key.ts): the account's IAM policies decide.
const DEFAULT_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
};

describe('external-secrets role (dev-cluster policy, IAM simulation)', () => {
  const policy = ownPolicy(devJson, irsaRoleName(DEV, 'external-secrets'));
  const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbC123`;
  const read = (name: string, action = 'secretsmanager:GetSecretValue') =>
    decide({ ...request(DEV, 'external-secrets', action, secret(name)), identityPolicies: [{ name: 'external-secrets', policy }] });

  it('reads the database secrets of its tier-2 apps: goldenpath/dev/backstage/postgres and goldenpath/dev/grafana/postgres', async () => {
    expect([await read('goldenpath/dev/backstage/postgres'), await read('goldenpath/dev/grafana/postgres')]).toEqual(['Allowed', 'Allowed']);
  });

  it("cannot read Keycloak's secret: Keycloak is out of dev's scope (ceiling 2)", async () => {
    expect(await read('goldenpath/dev/keycloak/postgres')).toBe('ImplicitlyDenied');
  });

  it('cannot read any other secret of its env: goldenpath/dev/other/postgres, goldenpath/dev/backstage/admin', async () => {
    expect([await read('goldenpath/dev/other/postgres'), await read('goldenpath/dev/backstage/admin')]).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied']);
  });

  it('cannot read another environment: goldenpath/prod/backstage/postgres', async () => {
    expect(await read('goldenpath/prod/backstage/postgres')).toBe('ImplicitlyDenied');
  });

  it('cannot read a sibling prefix that only starts like the env: goldenpath/dev-shadow/x', async () => {
    expect(await read('goldenpath/dev-shadow/x')).toBe('ImplicitlyDenied');
  });

  it('cannot read a secret outside goldenpath/', async () => {
    expect(await read('rds!db-0123/master')).toBe('ImplicitlyDenied');
  });

  it('cannot write the secrets it reads', async () => {
    expect(await read('goldenpath/dev/backstage/postgres', 'secretsmanager:PutSecretValue')).toBe('ImplicitlyDenied');
  });

  const decrypt = (viaService: string) =>
    decide({
      ...request(DEV, 'external-secrets', 'kms:Decrypt', KEY, { 'kms:ViaService': viaService }),
      identityPolicies: [{ name: 'external-secrets', policy }],
      resourcePolicy: DEFAULT_KEY_POLICY,
    });

  it('decrypts the database key only through Secrets Manager of its region', async () => {
    expect([await decrypt(`secretsmanager.${REGION}.amazonaws.com`), await decrypt(`s3.${REGION}.amazonaws.com`)]).toEqual(['Allowed', 'ImplicitlyDenied']);
  });
});

describe("a build's external-secrets role (build cluster policies as attached, with its boundary, IAM simulation)", () => {
  const roleName = irsaRoleName(BUILD, 'external-secrets');
  const [roleKey] = Object.entries<TerraformJson>(buildJson.resource.aws_iam_role).find(([, r]) => r.name === roleName)!;
  const attached = Object.values<TerraformJson>(buildJson.resource.aws_iam_role_policy_attachment ?? {}).filter((a) => a.role === `\${aws_iam_role.${roleKey}.name}`);
  const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbC123`;
  const read = (name: string) =>
    decide({
      ...request(BUILD, 'external-secrets', 'secretsmanager:GetSecretValue', secret(name)),
      identityPolicies: attached.map((a, i) => ({ name: `attached-${i}`, policy: ownPolicyByArn(buildJson, a.policy_arn as string) })),
      permissionBoundaryPolicies: [{ name: 'build-boundary', policy: BUILD_BOUNDARY }],
    });

  it('carries no policy: the apps of a tier-1.5 build read no secret', () => {
    expect([attached, Object.values<TerraformJson>(buildJson.resource.aws_iam_policy).filter((p) => p.name === roleName)]).toEqual([[], []]);
  });

  it.each(['goldenpath/dev/keycloak/postgres', 'goldenpath/dev/backstage/postgres', 'goldenpath/dev/grafana/postgres', 'goldenpath/dev/b-26-01-23-01/x', 'rds!db-0123/master'])(
    'cannot read %s',
    async (name) => {
      expect(await read(name)).not.toBe('Allowed');
    },
  );

  it("would be denied a persistent app secret by its boundary even with the persistent cluster's policy attached", async () => {
    const persistentPolicy = ownPolicy(devJson, irsaRoleName(DEV, 'external-secrets'));
    const decision = await decide({
      ...request(BUILD, 'external-secrets', 'secretsmanager:GetSecretValue', secret('goldenpath/dev/backstage/postgres')),
      identityPolicies: [{ name: 'persistent', policy: persistentPolicy }],
      permissionBoundaryPolicies: [{ name: 'build-boundary', policy: BUILD_BOUNDARY }],
    });
    expect(decision).toBe('ExplicitlyDenied');
  });
});

describe("db-provisioner role (dev-cluster policy with the database document's master secret, IAM simulation)", () => {
  const MASTER_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b-AbC123`;
  const policy = ownPolicy(devJson, irsaRoleName(DEV, 'db-provisioner'), { '${local.foundation_database.masterSecretArn}': MASTER_SECRET });
  const appSecret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-AbC123`;
  const parameter = (env: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${foundationParameterName(env, 'database')}`;
  const ask = (action: string, resource: string, contextVariables: Record<string, string> = {}) =>
    decide({ ...request(DEV, 'db-provisioner', action, resource, contextVariables), identityPolicies: [{ name: 'db-provisioner', policy }] });
  const decrypt = (viaService: string) =>
    decide({
      ...request(DEV, 'db-provisioner', 'kms:Decrypt', KEY, { 'kms:ViaService': viaService }),
      identityPolicies: [{ name: 'db-provisioner', policy }],
      resourcePolicy: DEFAULT_KEY_POLICY,
    });

  it('reads the database foundation document of its env', async () => {
    expect(await ask('ssm:GetParameter', parameter('dev'))).toBe('Allowed');
  });

  it("cannot read another env's database foundation document", async () => {
    expect(await ask('ssm:GetParameter', parameter('prod'))).toBe('ImplicitlyDenied');
  });

  it('reads the master secret the database document names', async () => {
    expect(await ask('secretsmanager:GetSecretValue', MASTER_SECRET)).toBe('Allowed');
  });

  it('reads goldenpath/dev/backstage/postgres', async () => {
    expect(await ask('secretsmanager:GetSecretValue', appSecret('goldenpath/dev/backstage/postgres'))).toBe('Allowed');
  });

  it('cannot read another environment: goldenpath/prod/backstage/postgres', async () => {
    expect(await ask('secretsmanager:GetSecretValue', appSecret('goldenpath/prod/backstage/postgres'))).toBe('ImplicitlyDenied');
  });

  it("cannot read another RDS instance's master secret", async () => {
    expect(await ask('secretsmanager:GetSecretValue', appSecret('rds!db-99999999-0000-0000-0000-000000000000'))).toBe('ImplicitlyDenied');
  });

  it('cannot write the secrets or the document it reads', async () => {
    expect([
      await ask('secretsmanager:PutSecretValue', MASTER_SECRET),
      await ask('secretsmanager:PutSecretValue', appSecret('goldenpath/dev/backstage/postgres')),
      await ask('ssm:PutParameter', parameter('dev')),
    ]).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied']);
  });

  it('decrypts with the database key when Secrets Manager asks for it', async () => {
    expect(await decrypt(`secretsmanager.${REGION}.amazonaws.com`)).toBe('Allowed');
  });

  it('cannot decrypt through any other service', async () => {
    expect(await decrypt(`ssm.${REGION}.amazonaws.com`)).toBe('ImplicitlyDenied');
  });
});

describe('cluster-autoscaler role (dev-cluster policy, IAM simulation)', () => {
  const policy = ownPolicy(devJson, irsaRoleName(DEV, 'cluster-autoscaler'));
  const ASG = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:0123:autoScalingGroupName/eks-general-0123`;
  const resize = (ownerCluster: string) =>
    decide({
      ...request(DEV, 'cluster-autoscaler', 'autoscaling:SetDesiredCapacity', ASG, { [`aws:ResourceTag/${clusterAutoscalerOwnerTagKey(ownerCluster)}`]: 'owned' }),
      identityPolicies: [{ name: 'cluster-autoscaler', policy }],
    });

  it('resizes an Auto Scaling group its own cluster owns', async () => {
    expect(await resize('goldenpath-dev')).toBe('Allowed');
  });

  it("cannot resize another cluster's Auto Scaling group", async () => {
    expect(await resize('goldenpath-dev-b-26-01-23-01')).toBe('ImplicitlyDenied');
  });
});

describe("a build's cluster-autoscaler role (build cluster policy under its boundary, IAM simulation)", () => {
  const policy = ownPolicy(buildJson, irsaRoleName(BUILD, 'cluster-autoscaler'));
  const ASG = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:0123:autoScalingGroupName/eks-general-0456`;
  /** The build node group's Auto Scaling group: the tags the cluster stack adds, and EKS's own. */
  const buildGroup = {
    [`aws:ResourceTag/${clusterAutoscalerOwnerTagKey(clusterName(BUILD))}`]: 'owned',
    [`aws:ResourceTag/${CONTROLLER_TAGS.eksNodeClusterName}`]: clusterName(BUILD),
    [`aws:ResourceTag/${TAG_KEYS.env}`]: 'dev',
    [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral',
    [`aws:ResourceTag/${TAG_KEYS.buildId}`]: buildIdOf(BUILD)!,
  };

  it('resizes its own node group through the boundary', async () => {
    expect(
      await decide({
        ...request(BUILD, 'cluster-autoscaler', 'autoscaling:SetDesiredCapacity', ASG, buildGroup),
        identityPolicies: [{ name: 'cluster-autoscaler', policy }],
        permissionBoundaryPolicies: [{ name: 'build-boundary', policy: BUILD_BOUNDARY }],
      }),
    ).toBe('Allowed');
  });
});

describe("a build's external-dns role (dev-dns policies attached as the build cluster stack wires them, IAM simulation)", () => {
  const dns = synthDnsStack(env);
  const dnsPolicy = (key: 'external-dns-persistent' | 'external-dns-build') =>
    synthesizedPolicy(dns.json, dnsPolicyName(env.name, key), ZONE_ARN);
  const role = roleOf(buildJson, BUILD, 'external-dns');
  const identity = envIdentity(env);

  it('is wired to the dns document: build policy attached, build boundary set, build-id tag carried', () => {
    const attachments = Object.values<TerraformJson>(buildJson.resource.aws_iam_role_policy_attachment).filter((a) => a.role === `\${${role.address}.name}`);
    expect(attachments.map((a) => a.policy_arn)).toEqual(['${local.foundation_dns.buildPolicyArn}']);
    expect(role.config.permissions_boundary).toBe('${local.foundation_dns.buildBoundaryArn}');
    expect(role.config.tags[TAG_KEYS.buildId]).toBe(buildIdOf(BUILD));
  });

  const write = (name: string) =>
    decide({
      ...request(BUILD, 'external-dns', 'route53:ChangeResourceRecordSets', ZONE_ARN, {
        [ROUTE53_CHANGE_KEYS.names]: [normalizeRecordName(name)],
        [ROUTE53_CHANGE_KEYS.types]: ['A'],
        [ROUTE53_CHANGE_KEYS.actions]: ['UPSERT'],
        [BUILD_ID_PRINCIPAL_TAG_KEY]: role.config.tags[TAG_KEYS.buildId],
      }),
      // The persistent policy attached too: the boundary must still hold the build to its own suffix.
      identityPolicies: [
        { name: 'external-dns-build', policy: dnsPolicy('external-dns-build') },
        { name: 'external-dns-persistent', policy: dnsPolicy('external-dns-persistent') },
      ],
      permissionBoundaryPolicies: [{ name: 'build-boundary', policy: BUILD_BOUNDARY }],
    });

  it('writes a record under its own suffix', async () => {
    expect(await write(`app.${hostSuffix(BUILD, identity)}`)).toBe('Allowed');
  });

  it('cannot write a persistent record even with the persistent policy attached', async () => {
    expect(await write(`app.${hostSuffix(DEV, identity)}`)).not.toBe('Allowed');
  });

  it("cannot write under another build's suffix even with the persistent policy attached", async () => {
    expect(await write(`app.${hostSuffix(OTHER_BUILD, identity)}`)).not.toBe('Allowed');
  });
});

describe("load balancer controller roles (dev-cluster and build cluster policies, a build's with its boundary, IAM simulation)", () => {
  const CLUSTER_TAG = CONTROLLER_TAGS.lbControllerCluster;
  const PERSISTENT_CLUSTER = clusterName(DEV);
  const BUILD_CLUSTER = clusterName(BUILD);
  const OTHER_BUILD_CLUSTER = clusterName(OTHER_BUILD);
  const devPolicy = ownPolicy(devJson, irsaRoleName(DEV, 'lb-controller'));
  const buildPolicy = ownPolicy(buildJson, irsaRoleName(BUILD, 'lb-controller'));
  const boundary = BUILD_BOUNDARY;

  const LB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/net/k8s-kong-kongprox-0a1b2c3d4e/0123456789abcdef`;
  const TG = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/k8s-kong-kongprox-0a1b2c3d4e/0123456789abcdef`;
  const LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/net/k8s-kong-kongprox-0a1b2c3d4e/0123456789abcdef/fedcba9876543210`;
  const RULE = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener-rule/app/k8s-apps-0a1b2c3d4e/0123456789abcdef/fedcba9876543210/0011223344556677`;
  const SG = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0123456789abcdef0`;
  const VPC = `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0123456789abcdef0`;

  /** Tags of what a cluster's controller created: its cluster tag and the controller default tags of that selection. */
  const madeBy = (selection: Selection, cluster = clusterName(selection)) => ({
    [`aws:ResourceTag/${CLUSTER_TAG}`]: cluster,
    [`aws:ResourceTag/${TAG_KEYS.env}`]: selection.env,
    [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: selection.lifecycle,
    ...(buildIdOf(selection) === undefined ? {} : { [`aws:ResourceTag/${TAG_KEYS.buildId}`]: buildIdOf(selection)! }),
  });
  /** The EKS cluster security group: tagged by EKS alone. */
  const eksSecurityGroupOf = (cluster: string) => ({
    [`aws:ResourceTag/${CONTROLLER_TAGS.eksClusterName}`]: cluster,
    [`aws:ResourceTag/${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned',
  });
  /** The database's security group: the database stack's default tags. */
  const DATABASE_SG = {
    [`aws:ResourceTag/${TAG_KEYS.env}`]: 'dev',
    [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'foundational',
    [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent',
    [`aws:ResourceTag/${TAG_KEYS.stack}`]: foundationStackName('dev', 'database'),
  };
  const creating = (cluster: string) => ({ [`aws:RequestTag/${CLUSTER_TAG}`]: cluster });
  /** The controller's default tags (the build identity, protection keys among them) on top of its cluster tag, as it sends them at creation. */
  const withBuildIdentity = (request: Record<string, string>) => {
    const identity = { [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: buildIdOf(BUILD)! };
    return { ...request, ...Object.fromEntries(Object.entries(identity).map(([k, v]) => [`aws:RequestTag/${k}`, v])), 'aws:TagKeys': [CLUSTER_TAG, ...Object.keys(identity)] };
  };

  type Who = 'build' | 'persistent';
  const ask = (who: Who, action: string, resource: string, context: Record<string, string | string[]>) =>
    who === 'build'
      ? decide({
          ...request(BUILD, 'lb-controller', action, resource, context),
          identityPolicies: [{ name: 'lb-controller', policy: buildPolicy }],
          permissionBoundaryPolicies: [{ name: 'build-boundary', policy: boundary }],
        })
      : decide({ ...request(DEV, 'lb-controller', action, resource, context), identityPolicies: [{ name: 'lb-controller', policy: devPolicy }] });
  /** The build's policy alone, no boundary: the policy itself must be narrow. */
  const askPolicyAlone = (action: string, resource: string, context: Record<string, string | string[]>) =>
    decide({ ...request(BUILD, 'lb-controller', action, resource, context), identityPolicies: [{ name: 'lb-controller', policy: buildPolicy }] });

  type Context = Record<string, string | string[]>;
  const own: [string, Who, string, string, Context][] = [
    ['creates a load balancer tagged with its cluster', 'build', 'elasticloadbalancing:CreateLoadBalancer', LB, creating(BUILD_CLUSTER)],
    ['creates a target group tagged with its cluster', 'build', 'elasticloadbalancing:CreateTargetGroup', TG, creating(BUILD_CLUSTER)],
    ['tags a load balancer while creating it', 'build', 'elasticloadbalancing:AddTags', LB, { ...creating(BUILD_CLUSTER), 'elasticloadbalancing:CreateAction': 'CreateLoadBalancer' }],
    ['adds a listener to its own load balancer', 'build', 'elasticloadbalancing:CreateListener', LB, madeBy(BUILD)],
    ['changes its own listener', 'build', 'elasticloadbalancing:ModifyListener', LISTENER, madeBy(BUILD)],
    ['deletes its own listener', 'build', 'elasticloadbalancing:DeleteListener', LISTENER, madeBy(BUILD)],
    ['changes its own rule', 'build', 'elasticloadbalancing:ModifyRule', RULE, madeBy(BUILD)],
    ['registers pods in its own target group', 'build', 'elasticloadbalancing:RegisterTargets', TG, madeBy(BUILD)],
    ['changes its own target group', 'build', 'elasticloadbalancing:ModifyTargetGroupAttributes', TG, madeBy(BUILD)],
    ['changes its own load balancer', 'build', 'elasticloadbalancing:SetSecurityGroups', LB, madeBy(BUILD)],
    ['deletes its own load balancer', 'build', 'elasticloadbalancing:DeleteLoadBalancer', LB, madeBy(BUILD)],
    ['deletes its own target group', 'build', 'elasticloadbalancing:DeleteTargetGroup', TG, madeBy(BUILD)],
    ['retags its own load balancer with other keys', 'build', 'elasticloadbalancing:AddTags', LB, { ...madeBy(BUILD), 'aws:RequestTag/ingress.k8s.aws/stack': 'kong/kong-proxy', 'aws:TagKeys': ['ingress.k8s.aws/stack'] }],
    ['removes other keys from its own security group', 'build', 'ec2:DeleteTags', SG, { ...madeBy(BUILD), 'aws:TagKeys': ['ingress.k8s.aws/stack'] }],
    ['creates a security group tagged with its cluster', 'build', 'ec2:CreateSecurityGroup', SG, creating(BUILD_CLUSTER)],
    ['creates a security group in the VPC', 'build', 'ec2:CreateSecurityGroup', VPC, {}],
    ['tags a security group while creating it', 'build', 'ec2:CreateTags', SG, { ...creating(BUILD_CLUSTER), 'ec2:CreateAction': 'CreateSecurityGroup' }],
    ['tags a security group with the build identity while creating it', 'build', 'ec2:CreateTags', SG, { ...withBuildIdentity(creating(BUILD_CLUSTER)), 'ec2:CreateAction': 'CreateSecurityGroup' }],
    ['tags a load balancer with the build identity while creating it', 'build', 'elasticloadbalancing:AddTags', LB, { ...withBuildIdentity(creating(BUILD_CLUSTER)), 'elasticloadbalancing:CreateAction': 'CreateLoadBalancer' }],
    ['opens its own load balancer security group', 'build', 'ec2:AuthorizeSecurityGroupIngress', SG, madeBy(BUILD)],
    ['deletes its own security group', 'build', 'ec2:DeleteSecurityGroup', SG, madeBy(BUILD)],
    ["opens pod ports on its cluster's EKS security group (IP targets)", 'build', 'ec2:AuthorizeSecurityGroupIngress', SG, eksSecurityGroupOf(BUILD_CLUSTER)],
    ["closes pod ports on its cluster's EKS security group", 'build', 'ec2:RevokeSecurityGroupIngress', SG, eksSecurityGroupOf(BUILD_CLUSTER)],
    ['persistent: deletes its own load balancer', 'persistent', 'elasticloadbalancing:DeleteLoadBalancer', LB, madeBy(DEV)],
    ["persistent: opens pod ports on its cluster's EKS security group", 'persistent', 'ec2:AuthorizeSecurityGroupIngress', SG, eksSecurityGroupOf(PERSISTENT_CLUSTER)],
  ];
  it.each(own)('%s', async (_name, who, action, resource, context) => {
    expect(await ask(who, action, resource, context)).toBe('Allowed');
  });

  const foreign: [string, Who, string, string, Context][] = [
    ["cannot delete the persistent cluster's load balancer", 'build', 'elasticloadbalancing:DeleteLoadBalancer', LB, madeBy(DEV)],
    ["cannot change the persistent cluster's listener", 'build', 'elasticloadbalancing:ModifyListener', LISTENER, madeBy(DEV)],
    ["cannot add a rule to the persistent cluster's listener", 'build', 'elasticloadbalancing:CreateRule', LISTENER, madeBy(DEV)],
    ["cannot delete the persistent cluster's rule", 'build', 'elasticloadbalancing:DeleteRule', RULE, madeBy(DEV)],
    ["cannot register targets in the persistent cluster's target group", 'build', 'elasticloadbalancing:RegisterTargets', TG, madeBy(DEV)],
    ["cannot delete the persistent cluster's security group", 'build', 'ec2:DeleteSecurityGroup', SG, madeBy(DEV)],
    ["cannot open the persistent cluster's EKS security group", 'build', 'ec2:AuthorizeSecurityGroupIngress', SG, eksSecurityGroupOf(PERSISTENT_CLUSTER)],
    ["cannot delete another build's load balancer", 'build', 'elasticloadbalancing:DeleteLoadBalancer', LB, madeBy(OTHER_BUILD)],
    ["cannot deregister targets of another build's target group", 'build', 'elasticloadbalancing:DeregisterTargets', TG, madeBy(OTHER_BUILD)],
    ["cannot open another build's EKS security group", 'build', 'ec2:AuthorizeSecurityGroupIngress', SG, eksSecurityGroupOf(OTHER_BUILD_CLUSTER)],
    ['cannot open an untagged security group', 'build', 'ec2:AuthorizeSecurityGroupIngress', SG, {}],
    ['cannot delete an untagged security group', 'build', 'ec2:DeleteSecurityGroup', SG, {}],
    ['cannot change an untagged load balancer', 'build', 'elasticloadbalancing:ModifyLoadBalancerAttributes', LB, {}],
    ['cannot create a load balancer without its cluster tag', 'build', 'elasticloadbalancing:CreateLoadBalancer', LB, {}],
    ["cannot create a load balancer under the persistent cluster's name", 'build', 'elasticloadbalancing:CreateLoadBalancer', LB, creating(PERSISTENT_CLUSTER)],
    ['cannot create a security group without its cluster tag', 'build', 'ec2:CreateSecurityGroup', SG, {}],
    ['hijack: cannot tag the persistent load balancer with its cluster', 'build', 'elasticloadbalancing:AddTags', LB, { ...madeBy(DEV), ...creating(BUILD_CLUSTER) }],
    ['hijack: cannot tag an untagged load balancer with its cluster', 'build', 'elasticloadbalancing:AddTags', LB, creating(BUILD_CLUSTER)],
    ["hijack: cannot claim creation of the persistent load balancer's tags", 'build', 'elasticloadbalancing:AddTags', LB, { ...creating(PERSISTENT_CLUSTER), 'elasticloadbalancing:CreateAction': 'CreateLoadBalancer' }],
    ['hijack: cannot tag an untagged security group with its cluster', 'build', 'ec2:CreateTags', SG, creating(BUILD_CLUSTER)],
    ["hijack: cannot tag the persistent cluster's security group with its cluster", 'build', 'ec2:CreateTags', SG, { ...madeBy(DEV), ...creating(BUILD_CLUSTER) }],
    ['cannot hand its own load balancer to the persistent cluster', 'build', 'elasticloadbalancing:AddTags', LB, { ...madeBy(BUILD), ...creating(PERSISTENT_CLUSTER) }],
    ['cannot strip its cluster tag from its own security group (values given)', 'build', 'ec2:DeleteTags', SG, { ...madeBy(BUILD), ...creating(BUILD_CLUSTER) }],
    ['cannot strip its cluster tag from its own security group (keys only)', 'build', 'ec2:DeleteTags', SG, { ...madeBy(BUILD), 'aws:TagKeys': [CLUSTER_TAG] }],
    ['cannot strip its cluster tag from its own load balancer (keys only)', 'build', 'elasticloadbalancing:RemoveTags', LB, { ...madeBy(BUILD), 'aws:TagKeys': [CLUSTER_TAG] }],
    ["persistent: cannot delete a build's load balancer", 'persistent', 'elasticloadbalancing:DeleteLoadBalancer', LB, madeBy(BUILD)],
    ["persistent: cannot open a build's EKS security group", 'persistent', 'ec2:AuthorizeSecurityGroupIngress', SG, eksSecurityGroupOf(BUILD_CLUSTER)],
  ];
  it.each(foreign)('%s', async (_name, who, action, resource, context) => {
    expect(await ask(who, action, resource, context)).not.toBe('Allowed');
  });

  it.each(foreign.filter(([, who]) => who === 'build'))('policy alone, no boundary: %s', async (_name, _who, action, resource, context) => {
    expect(await askPolicyAlone(action, resource, context)).not.toBe('Allowed');
  });

  const odd: [string, string][] = [
    ['in upper case', BUILD_CLUSTER.toUpperCase()],
    ['with trailing whitespace', `${BUILD_CLUSTER} `],
    ['with leading whitespace', ` ${BUILD_CLUSTER}`],
    ['empty', ''],
    ['as a prefix of another build', BUILD_CLUSTER.slice(0, -1)],
    ['as a glob', 'goldenpath-dev-b-*'],
  ];
  it.each(odd)('its cluster name %s is not its cluster: no delete, no create under it', async (_name, value) => {
    expect([
      await askPolicyAlone('elasticloadbalancing:DeleteLoadBalancer', LB, { [`aws:ResourceTag/${CLUSTER_TAG}`]: value }),
      await askPolicyAlone('elasticloadbalancing:CreateLoadBalancer', LB, creating(value)),
      await askPolicyAlone('ec2:AuthorizeSecurityGroupIngress', SG, { [`aws:ResourceTag/${CONTROLLER_TAGS.eksClusterName}`]: value }),
    ]).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied']);
  });

  const databaseCases: [string, string, Record<string, string>][] = [
    ['opening it', 'ec2:AuthorizeSecurityGroupIngress', DATABASE_SG],
    ['opening it even if it carried the build cluster tag', 'ec2:AuthorizeSecurityGroupIngress', { ...DATABASE_SG, ...madeBy(BUILD) }],
    ['opening it even if it looked like the EKS security group', 'ec2:AuthorizeSecurityGroupIngress', { ...DATABASE_SG, ...eksSecurityGroupOf(BUILD_CLUSTER) }],
    ['closing it', 'ec2:RevokeSecurityGroupIngress', { ...DATABASE_SG, ...madeBy(BUILD) }],
    ['deleting it', 'ec2:DeleteSecurityGroup', { ...DATABASE_SG, ...madeBy(BUILD) }],
    ['retagging it', 'ec2:CreateTags', { ...DATABASE_SG, ...madeBy(BUILD) }],
    ['with its plane tag in another case', 'ec2:AuthorizeSecurityGroupIngress', { ...DATABASE_SG, [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'Foundational', ...madeBy(BUILD) }],
  ];
  it.each(databaseCases)("the database's security group is explicitly denied to the build's policy: %s", async (_name, action, context) => {
    expect(await askPolicyAlone(action, SG, context)).toBe('ExplicitlyDenied');
  });

  it("the database's security group is explicitly denied to the persistent cluster's policy too", async () => {
    expect(await ask('persistent', 'ec2:AuthorizeSecurityGroupIngress', SG, { ...DATABASE_SG, ...madeBy(DEV) })).toBe('ExplicitlyDenied');
  });
});
