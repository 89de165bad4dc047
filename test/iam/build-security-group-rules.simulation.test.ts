import { ciRoles } from '../../contract/ci/ci-roles';
import { TAG_KEYS } from '../../contract/tags';
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
});
