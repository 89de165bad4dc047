import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { DATABASE_ENGINE, DATABASE_MASTER_USERNAME, DATABASE_PORT } from '../../contract/database-secret';

/** Server logging and TLS: what every environment's PostgreSQL runs with. */
export const POSTGRES_PARAMETERS: Readonly<Record<string, string>> = {
  // Refuse every connection that is not TLS.
  'rds.force_ssl': '1',
  // Statements slower than one second, every DDL statement, and the connection lifecycle.
  log_min_duration_statement: '1000',
  log_statement: 'ddl',
  log_connections: '1',
  log_disconnections: '1',
  log_lock_waits: '1',
  // Temporary files of 10 MB and more (kB): spills that point at missing work_mem or indexes.
  log_temp_files: '10240',
};

/** What RDS ships to CloudWatch Logs. */
export const POSTGRES_LOG_EXPORTS = ['postgresql', 'upgrade'] as const;

export interface PostgresInstanceProps {
  /** RDS instance identifier; also names the subnet, parameter and security groups. */
  readonly identifier: string;
  /** PostgreSQL engine version, from the version manifest. */
  readonly engineVersion: string;
  /** Parameter group family matching the engine version (e.g. `postgres15`). */
  readonly parameterFamily: string;
  /** RDS instance class. */
  readonly instanceClass: string;
  /** Initial storage. */
  readonly allocatedStorageGb: number;
  /** Ceiling of storage autoscaling. */
  readonly maxAllocatedStorageGb: number;
  /** A standby in a second AZ. */
  readonly multiAz: boolean;
  /** RDS refuses to delete the instance while set. */
  readonly deletionProtection: boolean;
  /**
   * Snapshot taken on deletion; absent means deletion skips the final snapshot.
   * @default none (no final snapshot)
   */
  readonly finalSnapshotIdentifier?: string;
  /** Days automated backups are kept. */
  readonly backupRetentionDays: number;
  /** Days Performance Insights data is kept. */
  readonly performanceInsightsRetentionDays: number;
  /** VPC of the foundation network. */
  readonly vpcId: string;
  /** Private subnets, at least two AZs. */
  readonly subnetIds: string[];
  /** Encrypts storage, Performance Insights and the master user secret. */
  readonly kmsKeyArn: string;
}

/**
 * An encrypted, private RDS PostgreSQL instance whose master password exists
 * only in the RDS-managed Secrets Manager secret (never in Terraform).
 */
export class PostgresInstance extends Construct {
  readonly instance: DbInstance;
  readonly securityGroup: SecurityGroup;
  readonly parameterGroup: DbParameterGroup;

  constructor(scope: Construct, id: string, props: PostgresInstanceProps) {
    super(scope, id);

    const subnetGroup = new DbSubnetGroup(this, 'subnet_group', {
      name: props.identifier,
      description: `Private subnets of ${props.identifier}`,
      subnetIds: props.subnetIds,
    });

    // No rules at all here: the instance answers connections and never opens any, and each cluster that needs it
    // adds (and removes with itself) one ingress rule from its own node security group (DatabaseAccess).
    this.securityGroup = new SecurityGroup(this, 'security_group', {
      name: `${props.identifier}-postgres`,
      // Still true (every admitted group is in the VPC), and a new description would replace the group RDS holds.
      description: `PostgreSQL ${props.identifier}: port ${DATABASE_PORT} from the VPC only`,
      vpcId: props.vpcId,
    });

    // A name prefix lets a replacement (a major upgrade's new family) exist beside the old group until the instance has moved.
    this.parameterGroup = new DbParameterGroup(this, 'parameter_group', {
      namePrefix: `${props.identifier}-${props.parameterFamily}-`,
      family: props.parameterFamily,
      description: `TLS-only, logging: ${props.identifier}`,
      parameter: Object.entries(POSTGRES_PARAMETERS).map(([name, value]) => ({ name, value })),
      lifecycle: { createBeforeDestroy: true },
    });

    const finalSnapshot = props.finalSnapshotIdentifier !== undefined;
    this.instance = new DbInstance(this, 'instance', {
      identifier: props.identifier,
      engine: DATABASE_ENGINE,
      engineVersion: props.engineVersion,
      // The manifest pins the minor version; an automatic upgrade would drift from it.
      autoMinorVersionUpgrade: false,
      instanceClass: props.instanceClass,
      port: DATABASE_PORT,
      username: DATABASE_MASTER_USERNAME,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.kmsKeyArn,
      storageType: 'gp3',
      allocatedStorage: props.allocatedStorageGb,
      maxAllocatedStorage: props.maxAllocatedStorageGb,
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [this.securityGroup.id],
      publiclyAccessible: false,
      parameterGroupName: this.parameterGroup.name,
      multiAz: props.multiAz,
      backupRetentionPeriod: props.backupRetentionDays,
      copyTagsToSnapshot: true,
      deletionProtection: props.deletionProtection,
      skipFinalSnapshot: !finalSnapshot,
      finalSnapshotIdentifier: props.finalSnapshotIdentifier,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: props.kmsKeyArn,
      performanceInsightsRetentionPeriod: props.performanceInsightsRetentionDays,
      enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
    });
  }

  /** ARN of the RDS-managed secret holding the master password. */
  get masterSecretArn(): string {
    return this.instance.masterUserSecret.get(0).secretArn;
  }
}
