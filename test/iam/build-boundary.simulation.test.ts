import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { clusterName, foundationStackName } from '../../contract/naming';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { CONTROLLER_TAGS, PROTECTION_TAG_KEYS, resourceTags, TAG_KEYS } from '../../contract/tags';
import { loadEnvironment } from '../../envs';
import { synthesizedBuildBoundary } from '../support/bootstrap-synth';

/**
 * The build boundary confines whatever policy a pull request attaches to a
 * build role (the build role may create `goldenpath-{env}-b-*` roles with any
 * inline policy as long as they carry this boundary). So every case here
 * gives the role `ec2:*`, `elasticloadbalancing:*` and `autoscaling:*` and
 * asks what the boundary, as the dev bootstrap stack synthesizes it, leaves.
 */
const env = loadEnvironment('dev');
const ACCOUNT = env.account.id;
const REGION = env.account.region;
const BOUNDARY = synthesizedBuildBoundary(env);
const DEV = persistent('dev');
const BUILD = ephemeral('dev', '26-01-23-01');
const BUILD_CLUSTER = clusterName(BUILD);
const PERSISTENT_CLUSTER = clusterName(DEV);

type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';
type Context = Record<string, string | string[]>;

const EVERYTHING_A_PR_ATTACHES = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['ec2:*', 'elasticloadbalancing:*', 'autoscaling:*'], Resource: '*' }],
};

async function ask(action: string, resource: string, context: Context): Promise<Decision> {
  const result = await runSimulation(
    {
      identityPolicies: [{ name: 'pr-policy', policy: EVERYTHING_A_PR_ATTACHES }],
      permissionBoundaryPolicies: [{ name: 'build-boundary', policy: BOUNDARY }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:role/${BUILD_CLUSTER}-pr`,
        action,
        resource: { resource, accountId: ACCOUNT },
        contextVariables: context,
      },
    } as Simulation,
    {},
  );
  if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

const ec2 = (resource: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:${resource}`;
const SG = ec2('security-group/sg-0123456789abcdef0');
const NEW_SG = ec2('security-group/sg-0new0000000000000');
const INSTANCE = ec2('instance/i-0123456789abcdef0');
const ENI = ec2('network-interface/eni-0123456789abcdef0');
const VOLUME = ec2('volume/vol-0123456789abcdef0');
const LB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/net/k8s-kong-kongprox-0a1b2c3d4e/0123456789abcdef`;
const ASG = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b:autoScalingGroupName/eks-default-0a1b2c3d`;

const carrying = (tags: Readonly<Record<string, string>>): Context => Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]));
const requesting = (tags: Readonly<Record<string, string>>): Context => ({
  ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
  'aws:TagKeys': Object.keys(tags),
});
const stackTags = (selection: Selection, stack: string) => resourceTags({ selection, plane: 'disposable', stack });

/** The database's group: the database stack's default tags. */
const DATABASE_SG = carrying({ [TAG_KEYS.env]: 'dev', [TAG_KEYS.plane]: 'foundational', [TAG_KEYS.lifecycle]: 'persistent', [TAG_KEYS.stack]: foundationStackName('dev', 'database') });
/** The persistent cluster's node group: the cluster stack's default tags, which the database group admits. */
const PERSISTENT_NODE_SG = carrying(stackTags(DEV, 'dev-cluster'));
/** The group EKS creates for a cluster: only EKS's own tags, no goldenpath tag. */
const eksSecurityGroupOf = (cluster: string) => carrying({ [CONTROLLER_TAGS.eksClusterName]: cluster, [`${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned' });
const PERSISTENT_EKS_SG = eksSecurityGroupOf(PERSISTENT_CLUSTER);
const BUILD_NODE_SG = carrying(stackTags(BUILD, `dev-b-26-01-23-01-cluster`));
const BUILD_EKS_SG = eksSecurityGroupOf(BUILD_CLUSTER);
/** What the build's load balancer controller creates: its cluster tag and the controller tags. */
const BUILD_LB_SG = carrying({ [CONTROLLER_TAGS.lbControllerCluster]: BUILD_CLUSTER, [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: '26-01-23-01' });
const BUILD_TAGS = stackTags(BUILD, 'dev-b-26-01-23-01-cluster');

describe('a role under the build boundary cannot retag what exists (ec2:*, elasticloadbalancing:* attached, IAM simulation)', () => {
  const retag: [string, string, string, Context][] = [
    ...PROTECTION_TAG_KEYS.map((key): [string, string, string, Context] => [`${key} on the database group`, 'ec2:CreateTags', SG, { ...DATABASE_SG, ...requesting({ [key]: key === TAG_KEYS.lifecycle ? 'ephemeral' : 'x' }) }]),
    ['lifecycle=ephemeral on the database group, key in odd case', 'ec2:CreateTags', SG, { ...DATABASE_SG, ...requesting({ 'GoldenPath.IDP/Lifecycle': 'ephemeral' }) }],
    ['the build tags on the database group, env key in upper case', 'ec2:CreateTags', SG, { ...DATABASE_SG, ...requesting({ [TAG_KEYS.env.toUpperCase()]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral' }) }],
    ['lifecycle=ephemeral on a group with no tags', 'ec2:CreateTags', SG, requesting({ [TAG_KEYS.lifecycle]: 'ephemeral' })],
    ['lifecycle=ephemeral on an instance with no tags', 'ec2:CreateTags', INSTANCE, requesting({ [TAG_KEYS.lifecycle]: 'ephemeral' })],
    ['the build tags on its own instance (a build resource made persistent hides from teardown)', 'ec2:CreateTags', INSTANCE, { ...carrying(BUILD_TAGS), ...requesting({ [TAG_KEYS.lifecycle]: 'persistent' }) }],
    ['removal of the database group lifecycle tag', 'ec2:DeleteTags', SG, { ...DATABASE_SG, 'aws:TagKeys': [TAG_KEYS.lifecycle] }],
    ['removal of a lifecycle tag in odd case', 'ec2:DeleteTags', VOLUME, { ...carrying(BUILD_TAGS), 'aws:TagKeys': ['GOLDENPATH.IDP/LIFECYCLE'] }],
    ['lifecycle=ephemeral on a load balancer with no goldenpath tags', 'elasticloadbalancing:AddTags', LB, requesting({ [TAG_KEYS.lifecycle]: 'ephemeral' })],
    ['lifecycle=ephemeral on the persistent load balancer', 'elasticloadbalancing:AddTags', LB, { ...carrying({ [CONTROLLER_TAGS.lbControllerCluster]: PERSISTENT_CLUSTER, [TAG_KEYS.lifecycle]: 'persistent', [TAG_KEYS.env]: 'dev' }), ...requesting({ [TAG_KEYS.lifecycle]: 'ephemeral' }) }],
    ['removal of the build-id tag from a load balancer', 'elasticloadbalancing:RemoveTags', LB, { 'aws:TagKeys': ['goldenpath.idp/Build-Id'] }],
  ];
  it.each(retag)('denies %s', async (_name, action, resource, context) => {
    expect(await ask(action, resource, context)).toBe('ExplicitlyDenied');
  });

  it('so cannot then open the database group: as it is, it stays shut', async () => {
    expect(await ask('ec2:AuthorizeSecurityGroupIngress', SG, DATABASE_SG)).toBe('ExplicitlyDenied');
  });

  const atCreation: [string, string, string, Context][] = [
    ['tags a new security group with the build tags', 'ec2:CreateTags', NEW_SG, { ...requesting(BUILD_TAGS), 'ec2:CreateAction': 'CreateSecurityGroup' }],
    ['tags a new volume with the build tags (EBS CSI)', 'ec2:CreateTags', VOLUME, { ...requesting(BUILD_TAGS), 'ec2:CreateAction': 'CreateVolume' }],
    ['tags a new network interface (VPC CNI)', 'ec2:CreateTags', ENI, { ...requesting({ [CONTROLLER_TAGS.vpcCniCluster]: BUILD_CLUSTER }), 'ec2:CreateAction': 'CreateNetworkInterface' }],
    ['tags a new load balancer with the build tags', 'elasticloadbalancing:AddTags', LB, { ...requesting(BUILD_TAGS), 'elasticloadbalancing:CreateAction': 'CreateLoadBalancer' }],
    ['adds other keys to its own load balancer', 'elasticloadbalancing:AddTags', LB, { ...BUILD_LB_SG, ...requesting({ 'ingress.k8s.aws/stack': 'kong/kong-proxy' }) }],
    ['adds other keys to its own security group', 'ec2:CreateTags', SG, { ...BUILD_LB_SG, ...requesting({ 'ingress.k8s.aws/resource': 'ManagedLBSecurityGroup' }) }],
  ];
  it.each(atCreation)('still %s', async (_name, action, resource, context) => {
    expect(await ask(action, resource, context)).toBe('Allowed');
  });
});

describe('a role under the build boundary writes only its own security groups (ec2:* attached, IAM simulation)', () => {
  const FOREIGN_GROUPS: [string, Context][] = [
    ['the database group', DATABASE_SG],
    ["the persistent cluster's node group", PERSISTENT_NODE_SG],
    ["the persistent cluster's EKS group (no goldenpath tags)", PERSISTENT_EKS_SG],
    ['a group with no tags', {}],
    ["the persistent load balancer controller's group", carrying({ [CONTROLLER_TAGS.lbControllerCluster]: PERSISTENT_CLUSTER, [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'persistent' })],
    ["another env's build group", carrying(stackTags(ephemeral('staging', '26-01-23-01'), 'staging-b-26-01-23-01-cluster'))],
    ['a group whose EKS cluster tag only looks like a build (upper case)', eksSecurityGroupOf(BUILD_CLUSTER.toUpperCase())],
  ];
  const WRITES = [
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:AuthorizeSecurityGroupEgress',
    'ec2:RevokeSecurityGroupIngress',
    'ec2:ModifySecurityGroupRules',
    'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
    'ec2:DeleteSecurityGroup',
    'ec2:RunInstances',
    'ec2:CreateNetworkInterface',
    'ec2:ModifyNetworkInterfaceAttribute',
    'ec2:ModifyInstanceAttribute',
    'ec2:CreateVpcEndpoint',
  ];
  const foreign = FOREIGN_GROUPS.flatMap(([group, context]) => WRITES.map((action): [string, string, Context] => [action, group, context]));
  it.each(foreign)('denies %s on %s', async (action, _group, context) => {
    expect(await ask(action, SG, context)).toBe('ExplicitlyDenied');
  });

  it.each(FOREIGN_GROUPS)('denies tagging %s with any key (a hijack by cluster tag)', async (_group, context) => {
    expect(await ask('ec2:CreateTags', SG, { ...context, ...requesting({ [CONTROLLER_TAGS.lbControllerCluster]: BUILD_CLUSTER }) })).toBe('ExplicitlyDenied');
  });

  it.each(FOREIGN_GROUPS)('denies removing any tag from %s', async (_group, context) => {
    expect(await ask('ec2:DeleteTags', SG, { ...context, 'aws:TagKeys': ['Name'] })).toBe('ExplicitlyDenied');
  });

  it("denies changing the persistent cluster's pod network interfaces (tagged by the VPC CNI only)", async () => {
    expect(await ask('ec2:DetachNetworkInterface', ENI, carrying({ [CONTROLLER_TAGS.vpcCniCluster]: PERSISTENT_CLUSTER }))).toBe('ExplicitlyDenied');
  });

  const OWN_GROUPS: [string, Context][] = [
    ["the build's node group (the cluster stack's tags)", BUILD_NODE_SG],
    ["the build cluster's EKS group", BUILD_EKS_SG],
    ["its load balancer controller's own group", BUILD_LB_SG],
  ];
  const own = OWN_GROUPS.flatMap(([group, context]) => WRITES.map((action): [string, string, Context] => [action, group, context]));
  it.each(own)('allows %s on %s', async (action, _group, context) => {
    expect(await ask(action, SG, context)).toBe('Allowed');
  });

  const flows: [string, string, string, Context][] = [
    ['creates a security group with the build tags', 'ec2:CreateSecurityGroup', NEW_SG, requesting(BUILD_TAGS)],
    ["creates its load balancer controller's group", 'ec2:CreateSecurityGroup', NEW_SG, requesting({ [CONTROLLER_TAGS.lbControllerCluster]: BUILD_CLUSTER })],
    ['reads the groups', 'ec2:DescribeSecurityGroups', '*', {}],
    ["VPC CNI: creates a pod network interface in the build's node group", 'ec2:CreateNetworkInterface', ENI, {}],
    ["VPC CNI: attaches it to the build's node", 'ec2:AttachNetworkInterface', INSTANCE, carrying(BUILD_TAGS)],
    ['VPC CNI: assigns pod addresses on its own interface', 'ec2:AssignPrivateIpAddresses', ENI, carrying({ [CONTROLLER_TAGS.vpcCniCluster]: BUILD_CLUSTER })],
    ['EBS CSI: creates a volume', 'ec2:CreateVolume', VOLUME, requesting(BUILD_TAGS)],
    ["EBS CSI: attaches its volume to the build's node", 'ec2:AttachVolume', VOLUME, carrying(BUILD_TAGS)],
    ['EBS CSI: deletes its volume', 'ec2:DeleteVolume', VOLUME, carrying(BUILD_TAGS)],
    ["cluster autoscaler: resizes the build's node group", 'autoscaling:SetDesiredCapacity', ASG, carrying({ ...BUILD_TAGS, [CONTROLLER_TAGS.eksNodeClusterName]: BUILD_CLUSTER })],
  ];
  it.each(flows)('%s', async (_name, action, resource, context) => {
    expect(await ask(action, resource, context)).toBe('Allowed');
  });

  it("cluster autoscaler: cannot resize the persistent cluster's node group", async () => {
    expect(await ask('autoscaling:SetDesiredCapacity', ASG, carrying(stackTags(DEV, 'dev-cluster')))).toBe('ExplicitlyDenied');
  });
});

describe('the database credentials stay the gate (secretsmanager:*, kms:* attached, IAM simulation)', () => {
  const DATABASE_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;
  const MASTER_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-AbCdEf`;
  const askWith = async (action: string, resource: string, context: Context) => {
    const result = await runSimulation(
      {
        identityPolicies: [{ name: 'pr-policy', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['secretsmanager:*', 'kms:*'], Resource: '*' }] } }],
        permissionBoundaryPolicies: [{ name: 'build-boundary', policy: BOUNDARY }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        request: { principal: `arn:aws:iam::${ACCOUNT}:role/${BUILD_CLUSTER}-pr`, action, resource: { resource, accountId: ACCOUNT }, contextVariables: context },
      } as Simulation,
      {},
    );
    if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
    return result.overallResult as Decision;
  };
  const DATABASE_KEY_TAGS = carrying({ [TAG_KEYS.env]: 'dev', [TAG_KEYS.plane]: 'foundational', [TAG_KEYS.lifecycle]: 'persistent', [TAG_KEYS.stack]: foundationStackName('dev', 'database') });

  it('cannot decrypt with the database key, which every database secret (the RDS-managed master secret too) is encrypted with', async () => {
    expect(await askWith('kms:Decrypt', DATABASE_KEY, { ...DATABASE_KEY_TAGS, 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` })).toBe('ExplicitlyDenied');
  });

  it('cannot read the RDS-managed master secret itself, which carries no goldenpath tag', async () => {
    expect(await askWith('secretsmanager:GetSecretValue', MASTER_SECRET, {})).toBe('ExplicitlyDenied');
  });
});
