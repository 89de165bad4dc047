import { ciRoles } from '../../contract/ci/ci-roles';
import { clusterName } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../contract/tags';
import { dev } from '../../envs/dev';
import { defineEnvironment } from '../../envs/schema';
import { identityDecision, type Context } from './support/ci-simulation';

/**
 * A build cluster stack creates its node security group's rules with the
 * provider's default tags, which EC2 authorizes as CreateTags on the new
 * security-group-rule inside the Authorize call. The build role must allow
 * that on its own groups, and nothing more.
 */
const env = defineEnvironment({ ...dev, github: { repository: 'acme/platform' }, stateBackend: { bucket: 'acme-dev-tfstate', region: 'eu-west-2', keyPrefix: 'tf' } });
const build = ciRoles(env, 'acme/platform').build!;
const ec2 = (resource: string) => `arn:aws:ec2:${env.account.region}:${env.account.id}:${resource}`;
const BUILD_TAGS = { env: 'dev', plane: 'disposable', lifecycle: 'ephemeral', buildId: '26-01-23-01' };
const requestTags: Context = Object.fromEntries(Object.entries(BUILD_TAGS).map(([k, v]) => [`aws:RequestTag/${TAG_KEYS[k as keyof typeof TAG_KEYS]}`, v]));
const ownGroup: Context = { [`aws:ResourceTag/${TAG_KEYS.env}`]: 'dev', [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral', [`aws:ResourceTag/${TAG_KEYS.buildId}`]: '26-01-23-01' };
const ask = (action: string, resource: string, context: Context) => identityDecision(build, env.account.id, env.account.region, action, resource, context);

describe("the build role and its node security group's rules (IAM simulation)", () => {
  it('adds an ingress rule to its own security group', async () => {
    expect(await ask('ec2:AuthorizeSecurityGroupIngress', ec2('security-group/sg-0build'), ownGroup)).toBe('Allowed');
  });

  it.each(['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress'])('tags the rule %s creates with the build tags', async (createAction) => {
    expect(await ask('ec2:CreateTags', ec2('security-group-rule/sgr-0new'), { ...requestTags, 'ec2:CreateAction': createAction })).toBe('Allowed');
  });

  it('cannot tag an existing rule outside a create call', async () => {
    expect(await ask('ec2:CreateTags', ec2('security-group-rule/sgr-0old'), requestTags)).not.toBe('Allowed');
  });

  const otherTags: [string, Context][] = [
    ['persistent', { ...requestTags, [`aws:RequestTag/${TAG_KEYS.lifecycle}`]: 'persistent' }],
    ['of another env', { ...requestTags, [`aws:RequestTag/${TAG_KEYS.env}`]: 'staging' }],
    ['of the foundational plane', { ...requestTags, [`aws:RequestTag/${TAG_KEYS.plane}`]: 'foundational' }],
    ['without a build id', Object.fromEntries(Object.entries(requestTags).filter(([k]) => !k.endsWith(TAG_KEYS.buildId)))],
  ];
  it.each(otherTags)('cannot tag a new rule %s (it would hide from teardown and cleanup)', async (_name, tags) => {
    expect(await ask('ec2:CreateTags', ec2('security-group-rule/sgr-0new'), { ...tags, 'ec2:CreateAction': 'AuthorizeSecurityGroupIngress' })).not.toBe('Allowed');
  });

  it.each(['CreateSecurityGroup', 'CreateLaunchTemplate'])('tags what %s creates with the build tags', async (createAction) => {
    expect(await ask('ec2:CreateTags', ec2('security-group/sg-0new'), { ...requestTags, 'ec2:CreateAction': createAction })).toBe('Allowed');
  });
});

describe('the build role and security groups that are not its own (IAM simulation)', () => {
  const persistentCluster = clusterName(persistent('dev'));
  const groups: [string, Context][] = [
    ["the persistent cluster's EKS group (no goldenpath tags)", { [`aws:ResourceTag/${CONTROLLER_TAGS.eksClusterName}`]: persistentCluster }],
    ["the persistent cluster's node group", { [`aws:ResourceTag/${TAG_KEYS.env}`]: 'dev', [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'disposable', [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent' }],
    ['a group with no tags', {}],
  ];
  const writes = ['ec2:AuthorizeSecurityGroupIngress', 'ec2:ModifySecurityGroupRules', 'ec2:RunInstances', 'ec2:CreateNetworkInterface', 'ec2:ModifyNetworkInterfaceAttribute', 'ec2:ModifyInstanceAttribute'];
  const cases = groups.flatMap(([group, context]) => writes.map((action): [string, string, Context] => [action, group, context]));
  it.each(cases)('cannot %s on %s', async (action, _group, context) => {
    expect(await ask(action, ec2('security-group/sg-0persistent'), context)).not.toBe('Allowed');
  });
});
