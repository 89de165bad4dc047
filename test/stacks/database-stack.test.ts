import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOUNDATION_DATA_ADDRESS, missingFoundationMessage } from '../../constructs/foundation/foundation-reader';
import { planFor } from '../support/plan';
import { DatabaseFoundationSchema, FOUNDATION_SCHEMA_VERSION, NetworkFoundationSchema } from '../../contract/foundation';
import { appDatabaseSecretName, databaseFinalSnapshotIdentifier, foundationParameterName, foundationStackName } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import { TAG_KEYS } from '../../contract/tags';
import { VERSIONS } from '../../contract/versions';
import { ENVIRONMENT_NAMES } from '../../envs';
import type { Environment } from '../../envs/schema';
import { fakeEndpointProvider, startFakeAwsEndpoint, type FakeAwsEndpoint } from '../support/fake-aws-endpoint';
import { synthSelection, type TerraformJson } from '../support/synth';
import { describeWithTerraform, foundationOverride, hclString, init, started, TerraformTests, terraformOk, type TerraformResult } from '../support/terraform';

const stackOf = (env: string) => foundationStackName(env, 'database');

/** The one resource of a type, by its synthesized name. */
function only(tf: TerraformJson, type: string): { name: string; config: TerraformJson } {
  const entries = Object.entries(tf.resource?.[type] ?? {});
  expect(entries).toHaveLength(1);
  const [name, config] = entries[0]!;
  return { name, config: config as TerraformJson };
}

function networkDocument(env: Environment) {
  return NetworkFoundationSchema.parse({
    schemaVersion: FOUNDATION_SCHEMA_VERSION,
    vpcId: 'vpc-0abc',
    vpcCidr: env.network.vpcCidr,
    availabilityZones: env.network.availabilityZones,
    publicSubnetIds: env.network.availabilityZones.map((_, i) => `subnet-public-${i}`),
    privateSubnetIds: env.network.availabilityZones.map((_, i) => `subnet-private-${i}`),
  });
}

describe.each(ENVIRONMENT_NAMES)('DatabaseStack %s (synthesized)', (envName) => {
  const synth = synthSelection(persistent(envName));
  const env = synth.env;
  const tf = synth.json(stackOf(envName));
  const instance = only(tf, 'aws_db_instance').config;

  it('runs the manifest PostgreSQL version with the manifest parameter family', () => {
    expect(instance.engine).toBe('postgres');
    expect(instance.engine_version).toBe(VERSIONS.postgresEngine);
    expect(only(tf, 'aws_db_parameter_group').config.family).toBe(VERSIONS.postgresParameterFamily);
  });

  it('applies the env availability, protection and snapshot settings', () => {
    expect(instance.multi_az).toBe(env.database.multiAz);
    expect(instance.deletion_protection).toBe(env.database.deletionProtection);
    expect(instance.skip_final_snapshot).toBe(!env.database.finalSnapshot);
    expect(instance.final_snapshot_identifier).toBe(env.database.finalSnapshot ? databaseFinalSnapshotIdentifier(envName) : undefined);
  });

  it('applies the env sizing and retention settings', () => {
    expect(instance.instance_class).toBe(env.database.instanceClass);
    expect(instance.allocated_storage).toBe(env.database.allocatedStorageGb);
    expect(instance.max_allocated_storage).toBe(env.database.maxAllocatedStorageGb);
    expect(instance.backup_retention_period).toBe(env.database.backupRetentionDays);
    expect(instance.performance_insights_retention_period).toBe(env.database.performanceInsightsRetentionDays);
  });

  it('places the instance in the private subnets and VPC of the network foundation document', () => {
    const [, type, name] = FOUNDATION_DATA_ADDRESS.split('.');
    expect(tf.data[type!][name!].path).toBe(`/goldenpath/${envName}/foundation`);
    expect(JSON.stringify(tf.data[type!][name!].lifecycle.postcondition)).toContain(missingFoundationMessage(envName, planFor(persistent(envName)).stacks.network));
    expect(only(tf, 'aws_db_subnet_group').config.subnet_ids).toContain('privateSubnetIds');
    expect(only(tf, 'aws_security_group').config.vpc_id).toContain('vpcId');
  });

  it('admits no CIDR and holds no ingress rule of its own: each cluster that uses the database adds one from its node security group', () => {
    expect(tf.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
    expect(only(tf, 'aws_security_group').config.ingress).toBeUndefined();
  });

  it("tags its security group as foundational (provider default_tags), which the load balancer controllers' deny reads", () => {
    expect(tf.provider.aws[0].default_tags[0].tags[TAG_KEYS.plane]).toBe('foundational');
    expect(only(tf, 'aws_security_group').config.tags?.[TAG_KEYS.plane]).toBeUndefined();
  });

  it('creates one KMS-encrypted secret per app under its contract name', () => {
    const secrets = Object.values(tf.resource.aws_secretsmanager_secret as Record<string, TerraformJson>);
    expect(secrets.map((s) => s.name).sort()).toEqual(env.database.apps.map((a) => appDatabaseSecretName(envName, a.name)).sort());
    for (const s of secrets) expect(s.kms_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
  });

  it('publishes every field of the database foundation document', () => {
    const parameter = only(tf, 'aws_ssm_parameter').config;
    expect(parameter.name).toBe(foundationParameterName(envName, 'database'));
    for (const field of Object.keys(DatabaseFoundationSchema.shape)) expect(parameter.value).toContain(`"${field}"`);
  });

  it('outputs the connection facts and secret ARNs', () => {
    expect(Object.keys(tf.output)).toEqual(
      expect.arrayContaining(['endpoint', 'address', 'port', 'master_secret_arn', 'security_group_id', 'app_secret_arns', 'app_secret_names']),
    );
  });

  it('leaves the master password to RDS and writes app secrets only through write-only arguments', () => {
    expect(instance.manage_master_user_password).toBe(true);
    expect(instance.password).toBeUndefined();
    for (const version of Object.values(tf.resource.aws_secretsmanager_secret_version as Record<string, TerraformJson>)) {
      expect(version.secret_string).toBeUndefined();
      expect(version.secret_string_wo).toContain('ephemeral.aws_secretsmanager_random_password.');
    }
  });
});

const SENTINEL_PASSWORD = 'SentinelPasswordNeverInPlanOrState0123456789';

function testProviderHcl(url: string, region: string): string {
  return [
    'provider "aws" {',
    `  region                      = ${hclString(region)}`,
    '  access_key                  = "offline-test"',
    '  secret_key                  = "offline-test"',
    '  skip_credentials_validation = true',
    '  skip_requesting_account_id  = true',
    '  skip_metadata_api_check     = true',
    '  endpoints {',
    `    secretsmanager = ${hclString(url)}`,
    '  }',
    '}',
  ].join('\n');
}

/** The `terraform test` file planning an env's database stack from its network document, with no password in the plan. */
function planTestFile(url: string, envName: string, env: Environment, tf: TerraformJson): string {
  const doc = networkDocument(env);
  const db = `aws_db_instance.${only(tf, 'aws_db_instance').name}`;
  const subnets = `aws_db_subnet_group.${only(tf, 'aws_db_subnet_group').name}`;
  const group = `aws_security_group.${only(tf, 'aws_security_group').name}`;
  const versions = Object.keys(tf.resource.aws_secretsmanager_secret_version).map((n) => `aws_secretsmanager_secret_version.${n}`);
  const snapshot = env.database.finalSnapshot ? hclString(databaseFinalSnapshotIdentifier(envName)) : 'null';
  return `${testProviderHcl(url, env.account.region)}

${foundationOverride({ [foundationParameterName(envName, 'network')]: doc }).replace(/^ {2}/gm, '')}

run "plan" {
  command = plan
  assert {
    condition     = ${subnets}.subnet_ids == toset(${JSON.stringify(doc.privateSubnetIds)})
    error_message = "the subnet group is not the private subnets of the network document"
  }
  assert {
    condition     = ${group}.vpc_id == ${hclString(doc.vpcId)}
    error_message = "the database security group is not in the network document's VPC"
  }
  assert {
    condition     = ${db}.multi_az == ${env.database.multiAz} && ${db}.deletion_protection == ${env.database.deletionProtection} && ${db}.final_snapshot_identifier == ${snapshot}
    error_message = "env protection settings did not reach the plan"
  }
  assert {
    condition     = ${versions.map((v) => `${v}.secret_string_wo == null && ${v}.secret_string == null`).join(' && ')}
    error_message = "a secret value is visible in the plan"
  }
}
`;
}

interface EnvFolder {
  readonly dir: string;
  readonly env: Environment;
  readonly tf: TerraformJson;
  /** The env's own fake endpoint, so the calls it counts are this folder's. */
  readonly fake: FakeAwsEndpoint;
  readonly tests: TerraformTests;
  /** GetRandomPassword calls served once the folder's `terraform test` finished. */
  readonly passwordCalls: Promise<number>;
}

describeWithTerraform('DatabaseStack (terraform)', () => {
  const folders = new Map<string, EnvFolder>();
  let savedPlan: Promise<{ planned: TerraformResult; shown: TerraformResult; targets: string[] }>;

  // Every env folder: one init, then one `terraform test -verbose` (which validates first); the three side by side.
  beforeAll(async () => {
    for (const envName of ENVIRONMENT_NAMES) {
      const synth = synthSelection(persistent(envName));
      const dir = synth.dir(stackOf(envName));
      const fake = await startFakeAwsEndpoint({
        randomPassword: SENTINEL_PASSWORD,
        parameters: { [foundationParameterName(envName, 'network')]: JSON.stringify(networkDocument(synth.env)) },
      });
      const tests = new TerraformTests(() => dir, ['-verbose']);
      tests.add('plan', () => planTestFile(fake.url, envName, synth.env, synth.json(stackOf(envName))));
      if (envName === 'dev') {
        tests.add('absent', () => `${testProviderHcl(fake.url, synth.env.account.region)}\n\n${foundationOverride({}).replace(/^ {2}/gm, '')}\n\nrun "absent" {\n  command = plan\n}\n`);
      }
      const passwordCalls = started(async () => {
        await init(dir);
        await tests.outcome('plan');
        return fake.targets().filter((t) => t === 'secretsmanager.GetRandomPassword').length;
      });
      folders.set(envName, { dir, env: synth.env, tf: synth.json(stackOf(envName)), fake, tests, passwordCalls });
    }
    // Then the dev folder again, as a real plan against the fake endpoint: saved, and shown as JSON.
    const dev = folders.get('dev')!;
    savedPlan = started(async () => {
      await dev.passwordCalls;
      const before = dev.fake.targets().length;
      writeFileSync(join(dev.dir, 'fake_endpoint_override.tf.json'), JSON.stringify({ provider: { aws: fakeEndpointProvider(dev.fake.url, dev.env.account.region) } }));
      const planned = await terraformOk(dev.dir, ['plan', '-refresh=false', '-input=false', '-lock=false', '-out=tfplan']);
      const shown = await terraformOk(dev.dir, ['show', '-json', 'tfplan']);
      return { planned, shown, targets: dev.fake.targets().slice(before) };
    });
  });
  afterAll(async () => {
    await Promise.all([...folders.values()].map(({ fake }) => fake.stop()));
  });

  it.each(ENVIRONMENT_NAMES)('%s validates and plans from the network document with no password value in the plan', async (envName) => {
    const { env, tests, passwordCalls } = folders.get(envName)!;
    const outcome = await tests.outcome('plan');
    expect(outcome).toMatchObject({ status: 'pass', diagnostics: [] });
    // The JSON plan shows sensitive values in clear; write-only ones are never in it.
    const versions = (outcome.plans.plan?.resource_changes ?? []).filter((r) => r.type === 'aws_secretsmanager_secret_version');
    expect(versions).toHaveLength(env.database.apps.length);
    for (const { change } of versions) expect(change.after).toMatchObject({ secret_string_wo: null });
    // The sentinel was really generated for every app, and still appears nowhere in the plan.
    expect(await passwordCalls).toBeGreaterThanOrEqual(env.database.apps.length);
    expect(JSON.stringify(outcome.plans.plan)).not.toContain(SENTINEL_PASSWORD);
  });

  it('fails the plan naming the network stack when the network document is absent', async () => {
    const outcome = await folders.get('dev')!.tests.outcome('absent');
    expect(outcome.status).toBe('error');
    expect(outcome.diagnostics.join('\n')).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.network));
  });

  it('keeps every password out of the saved plan and its JSON rendering (terraform plan against a local AWS endpoint)', async () => {
    const { planned, shown, targets } = await savedPlan;
    expect(targets).toContain('AmazonSSM.GetParametersByPath');
    expect(targets.filter((t) => t === 'secretsmanager.GetRandomPassword').length).toBeGreaterThanOrEqual(folders.get('dev')!.env.database.apps.length);
    expect(planned.stdout).toContain('Plan:');
    expect(`${planned.stdout}${planned.stderr}${shown.stdout}`).not.toContain(SENTINEL_PASSWORD);
  });
});
