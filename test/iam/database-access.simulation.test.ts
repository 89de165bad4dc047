import { ciRoles } from '../../contract/ci/ci-roles';
import { foundationStackName } from '../../contract/naming';
import { TAG_KEYS } from '../../contract/tags';
import { dev } from '../../envs/dev';
import { defineEnvironment } from '../../envs/schema';
import { identityDecision, type Context } from './support/ci-simulation';

/**
 * Who may open the env database's security group: the ingress rule belongs
 * to the persistent cluster stack (deployed by the env deploy role), so the
 * deploy role must be able to add and remove it; a pull request's build role
 * must not, however it tags its request (which clusters get a rule:
 * test/stacks/cluster-stack.test.ts).
 */

const env = defineEnvironment({ ...dev, github: { repository: 'acme/platform' }, stateBackend: { bucket: 'acme-dev-tfstate', region: 'eu-west-2', keyPrefix: 'tf' } });
const roles = ciRoles(env, 'acme/platform');
const SG = `arn:aws:ec2:${env.account.region}:${env.account.id}:security-group/sg-0database0000000`;
/** The database security group's tags: the database stack's default_tags. */
const DATABASE_SG: Context = {
  [`aws:ResourceTag/${TAG_KEYS.env}`]: 'dev',
  [`aws:ResourceTag/${TAG_KEYS.plane}`]: 'foundational',
  [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent',
  [`aws:ResourceTag/${TAG_KEYS.stack}`]: foundationStackName('dev', 'database'),
};
const BUILD_REQUEST_TAGS: Context = {
  [`aws:RequestTag/${TAG_KEYS.env}`]: 'dev',
  [`aws:RequestTag/${TAG_KEYS.plane}`]: 'disposable',
  [`aws:RequestTag/${TAG_KEYS.lifecycle}`]: 'ephemeral',
  [`aws:RequestTag/${TAG_KEYS.buildId}`]: '26-01-23-01',
};
const ask = (key: 'deploy' | 'build', action: string, resource: string, context: Context) =>
  identityDecision(roles[key]!, env.account.id, env.account.region, action, resource, context);

describe("the database security group's ingress (CI roles as generated, IAM simulation)", () => {
  it('the deploy role adds the persistent cluster its rule', async () => {
    expect(await ask('deploy', 'ec2:AuthorizeSecurityGroupIngress', SG, DATABASE_SG)).toBe('Allowed');
  });

  it('the deploy role removes that rule when the cluster goes', async () => {
    expect(await ask('deploy', 'ec2:RevokeSecurityGroupIngress', SG, DATABASE_SG)).toBe('Allowed');
  });

  const denied: [string, string, string, Context][] = [
    ['open it', 'ec2:AuthorizeSecurityGroupIngress', SG, DATABASE_SG],
    ['open it with a rule tagged as its build', 'ec2:AuthorizeSecurityGroupIngress', SG, { ...DATABASE_SG, ...BUILD_REQUEST_TAGS }],
    ['close it', 'ec2:RevokeSecurityGroupIngress', SG, DATABASE_SG],
    ['open it for egress', 'ec2:AuthorizeSecurityGroupEgress', SG, DATABASE_SG],
    ['rewrite its rules', 'ec2:ModifySecurityGroupRules', SG, DATABASE_SG],
    ['retag it as a build resource', 'ec2:CreateTags', SG, { ...DATABASE_SG, ...BUILD_REQUEST_TAGS }],
    ['strip its lifecycle tag', 'ec2:DeleteTags', SG, { ...DATABASE_SG, 'aws:TagKeys': [TAG_KEYS.lifecycle] }],
    ['delete it', 'ec2:DeleteSecurityGroup', SG, DATABASE_SG],
  ];
  it.each(denied)('the build role cannot %s', async (_name, action, resource, context) => {
    expect(await ask('build', action, resource, context)).not.toBe('Allowed');
  });
});
