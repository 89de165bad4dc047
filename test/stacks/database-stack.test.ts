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
import { describeWithTerraform, init, plan, planTogether, started, type JointPlan, type TerraformJsonPlan, type TerraformResult } from '../support/terraform';

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

/** A planned resource of one env's stack in the joint plan, by type (each type here has exactly one, except where noted). */
function plannedOf(plan: TerraformJsonPlan, envName: string, type: string) {
  return (plan.resource_changes ?? []).filter((r) => r.address.startsWith(`module.${envName}.`) && r.type === type);
}

interface EnvFolder {
  readonly env: Environment;
  /** The env's own fake endpoint, so the calls it counts are this folder's. */
  readonly fake: FakeAwsEndpoint;
}

describeWithTerraform('DatabaseStack (terraform)', () => {
  const folders = new Map<string, EnvFolder>();
  let planned: Promise<JointPlan>;
  let absent: Promise<TerraformResult>;
  let absentFake: FakeAwsEndpoint;

  // The three envs in one saved plan against their fake endpoints (shown as JSON); beside it, dev once more with no network document.
  beforeAll(async () => {
    const stacks: Record<string, { dir: string }> = {};
    for (const envName of ENVIRONMENT_NAMES) {
      const synth = synthSelection(persistent(envName));
      const dir = synth.dir(stackOf(envName));
      const fake = await startFakeAwsEndpoint({
        randomPassword: SENTINEL_PASSWORD,
        parameters: { [foundationParameterName(envName, 'network')]: JSON.stringify(networkDocument(synth.env)) },
      });
      writeFileSync(join(dir, 'fake_endpoint_override.tf.json'), JSON.stringify({ provider: { aws: fakeEndpointProvider(fake.url, synth.env.account.region) } }));
      folders.set(envName, { env: synth.env, fake });
      stacks[envName] = { dir };
    }
    planned = started(() => planTogether(stacks, { show: true }));

    const dev = synthSelection(persistent('dev'));
    const absentDir = dev.dir(stackOf('dev'));
    absentFake = await startFakeAwsEndpoint({ randomPassword: SENTINEL_PASSWORD });
    writeFileSync(join(absentDir, 'fake_endpoint_override.tf.json'), JSON.stringify({ provider: { aws: fakeEndpointProvider(absentFake.url, dev.env.account.region) } }));
    absent = started(() => init(absentDir).then(() => plan(absentDir)));
  });
  afterAll(async () => {
    await Promise.all([...[...folders.values()].map(({ fake }) => fake.stop()), absentFake?.stop()]);
  });

  it.each(ENVIRONMENT_NAMES)('%s plans from the network document: private subnets, the env protection settings and write-only secret versions', async (envName) => {
    const { errors, shown } = await planned;
    expect(errors).toEqual([]);
    const { env } = folders.get(envName)!;
    const doc = networkDocument(env);
    const after = (type: string) => plannedOf(shown!, envName, type).map((r) => r.change.after ?? {});
    expect(after('aws_db_subnet_group').map((g) => [...(g.subnet_ids as string[])].sort())).toEqual([[...doc.privateSubnetIds].sort()]);
    expect(after('aws_security_group')).toEqual([expect.objectContaining({ vpc_id: doc.vpcId })]);
    expect(after('aws_vpc_security_group_ingress_rule')).toEqual([]);
    expect(after('aws_db_instance')).toEqual([
      expect.objectContaining({
        multi_az: env.database.multiAz,
        deletion_protection: env.database.deletionProtection,
        final_snapshot_identifier: env.database.finalSnapshot ? databaseFinalSnapshotIdentifier(envName) : null,
      }),
    ]);
    // The JSON plan shows sensitive values in clear; write-only ones are never in it.
    const versions = after('aws_secretsmanager_secret_version');
    expect(versions).toHaveLength(env.database.apps.length);
    for (const version of versions) expect(version).toMatchObject({ secret_string_wo: null, secret_string: null });
  });

  it.each(ENVIRONMENT_NAMES)('%s generates every app password through its endpoint, from the network document it reads there', async (envName) => {
    await planned;
    const { env, fake } = folders.get(envName)!;
    expect(fake.targets()).toContain('AmazonSSM.GetParametersByPath');
    expect(fake.targets().filter((t) => t === 'secretsmanager.GetRandomPassword').length).toBeGreaterThanOrEqual(env.database.apps.length);
  });

  it('keeps every generated password out of the plan, its saved file rendered as JSON and its output', async () => {
    const { output, shown } = await planned;
    expect(shown!.text).not.toContain(SENTINEL_PASSWORD);
    expect(output).not.toContain(SENTINEL_PASSWORD);
  });

  it('fails the plan naming the network stack when the network document is absent', async () => {
    const result = await absent;
    expect(result.code).not.toBe(0);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.network));
  });
});
