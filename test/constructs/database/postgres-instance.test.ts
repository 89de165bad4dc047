import { Testing, TerraformStack } from 'cdktf';
import { POSTGRES_LOG_EXPORTS, POSTGRES_PARAMETERS, PostgresInstance, type PostgresInstanceProps } from '../../../constructs/database/postgres-instance';
import type { TerraformJson } from '../../support/synth';

const BASE: PostgresInstanceProps = {
  identifier: 'goldenpath-test',
  engineVersion: '16.11',
  parameterFamily: 'postgres16',
  instanceClass: 'db.t4g.medium',
  allocatedStorageGb: 20,
  maxAllocatedStorageGb: 100,
  multiAz: false,
  deletionProtection: false,
  backupRetentionDays: 7,
  performanceInsightsRetentionDays: 7,
  vpcId: 'vpc-0abc',
  subnetIds: ['subnet-a', 'subnet-b'],
  kmsKeyArn: 'arn:aws:kms:eu-west-2:111111111111:key/test',
};

function synth(overrides: Partial<PostgresInstanceProps> = {}): TerraformJson {
  const stack = new TerraformStack(Testing.app(), 'test');
  new PostgresInstance(stack, 'postgres', { ...BASE, ...overrides });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

const one = (tf: TerraformJson, type: string): TerraformJson => {
  const values = Object.values(tf.resource[type] ?? {}) as TerraformJson[];
  expect(values).toHaveLength(1);
  return values[0]!;
};

describe('PostgresInstance', () => {
  it('forces TLS and logs slow statements, DDL and connections through its parameter group', () => {
    const group = one(synth(), 'aws_db_parameter_group');
    expect(group.family).toBe('postgres16');
    expect(Object.fromEntries(group.parameter.map((p: TerraformJson) => [p.name, p.value]))).toEqual(POSTGRES_PARAMETERS);
    expect(POSTGRES_PARAMETERS['rds.force_ssl']).toBe('1');
    expect(POSTGRES_PARAMETERS.log_statement).toBe('ddl');
  });

  it('replaces its parameter group under a fresh name before destroying the old one', () => {
    const group = one(synth(), 'aws_db_parameter_group');
    expect(group.name_prefix).toBe('goldenpath-test-postgres16-');
    expect(group.lifecycle.create_before_destroy).toBe(true);
  });

  it('admits nothing by itself (no CIDR, no rule: each cluster that needs it adds its own) and opens no egress', () => {
    const tf = synth();
    expect(tf.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
    expect(tf.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
    expect([one(tf, 'aws_security_group').ingress, one(tf, 'aws_security_group').egress]).toEqual([undefined, undefined]);
  });

  it('puts its subnet group on the given subnets', () => {
    expect(one(synth(), 'aws_db_subnet_group').subnet_ids).toEqual(['subnet-a', 'subnet-b']);
  });

  it('encrypts storage, Performance Insights and the master secret with the given key', () => {
    const db = one(synth(), 'aws_db_instance');
    expect(db).toEqual(
      expect.objectContaining({
        storage_encrypted: true,
        kms_key_id: BASE.kmsKeyArn,
        performance_insights_enabled: true,
        performance_insights_kms_key_id: BASE.kmsKeyArn,
        master_user_secret_kms_key_id: BASE.kmsKeyArn,
      }),
    );
  });

  it('lets RDS manage the master password and never sets one', () => {
    const db = one(synth(), 'aws_db_instance');
    expect(db.manage_master_user_password).toBe(true);
    expect(db.password).toBeUndefined();
  });

  it('stays private on gp3 with storage autoscaling', () => {
    expect(one(synth(), 'aws_db_instance')).toEqual(
      expect.objectContaining({ publicly_accessible: false, storage_type: 'gp3', allocated_storage: 20, max_allocated_storage: 100 }),
    );
  });

  it('exports the postgresql and upgrade logs to CloudWatch', () => {
    expect(one(synth(), 'aws_db_instance').enabled_cloudwatch_logs_exports).toEqual([...POSTGRES_LOG_EXPORTS]);
  });

  it('skips the final snapshot when no identifier is given', () => {
    const db = one(synth(), 'aws_db_instance');
    expect(db.skip_final_snapshot).toBe(true);
    expect(db.final_snapshot_identifier).toBeUndefined();
  });

  it('takes a final snapshot under the given identifier', () => {
    const db = one(synth({ finalSnapshotIdentifier: 'goldenpath-test-final', deletionProtection: true, multiAz: true }), 'aws_db_instance');
    expect(db).toEqual(expect.objectContaining({ skip_final_snapshot: false, final_snapshot_identifier: 'goldenpath-test-final', deletion_protection: true, multi_az: true }));
  });
});
