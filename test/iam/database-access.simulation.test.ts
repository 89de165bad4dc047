import { ciRoles } from '../../contract/ci/ci-roles';
import { DATABASE_PORT } from '../../contract/database-secret';
import { disposableStackName, foundationStackName } from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';
import { TAG_KEYS } from '../../contract/tags';
import { dev } from '../../envs/dev';
import { defineEnvironment } from '../../envs/schema';
import { synthSelection, type TerraformJson } from '../support/synth';
import { identityDecision, type Context } from './support/ci-simulation';

/**
 * Who may open the env database's security group: the ingress rule belongs
 * to the persistent cluster stack (deployed by the env deploy role), so the
 * deploy role must be able to add and remove it; a pull request's build role
 * must not, however it tags its request. Synth shows which clusters get a rule.
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

describe('which clusters the database admits (synthesized cluster stacks)', () => {
  const rulesOf = (json: TerraformJson) => Object.values<TerraformJson>(json.resource.aws_vpc_security_group_ingress_rule ?? {}).filter((r) => r.from_port === DATABASE_PORT);
  const DEV = persistent('dev');
  const BUILD = ephemeral('dev', '26-01-23-01');
  const devJson = synthSelection(DEV).json(disposableStackName(DEV, 'cluster'));
  const buildJson = synthSelection(BUILD).json(disposableStackName(BUILD, 'cluster'));

  it("admits the persistent dev cluster's node security group on the PostgreSQL port only, by the database document's group id", () => {
    const [nodeGroup] = Object.keys(devJson.resource.aws_security_group);
    expect(rulesOf(devJson)).toEqual([
      expect.objectContaining({
        security_group_id: '${local.foundation_database.securityGroupId}',
        referenced_security_group_id: `\${aws_security_group.${nodeGroup}.id}`,
        ip_protocol: 'tcp',
        from_port: DATABASE_PORT,
        to_port: DATABASE_PORT,
      }),
    ]);
    expect(rulesOf(devJson)[0]!.cidr_ipv4).toBeUndefined();
  });

  it('gives a build (tier 1.5, no app needs the database) no rule and no read of the database document', () => {
    expect(rulesOf(buildJson)).toEqual([]);
    expect(JSON.stringify(buildJson)).not.toContain('foundation_database');
  });
});
