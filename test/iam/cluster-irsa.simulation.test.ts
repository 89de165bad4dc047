import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { BUILD_ID_PRINCIPAL_TAG_KEY, normalizeRecordName, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { disposableStackName, dnsPolicyName, foundationParameterName, hostSuffix, irsaRoleName, envIdentity } from '../../contract/naming';
import { buildIdOf, ephemeral, persistent, type Selection } from '../../contract/selection';
import { clusterAutoscalerOwnerTagKey, TAG_KEYS } from '../../contract/tags';
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

  it('reads goldenpath/dev/backstage/postgres', async () => {
    expect(await read('goldenpath/dev/backstage/postgres')).toBe('Allowed');
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
      permissionBoundaryPolicies: [{ name: 'build-boundary', policy: synthesizedBuildBoundary(env) }],
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
