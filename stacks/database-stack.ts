import { TerraformOutput, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { AppDatabaseSecret } from '../constructs/database/app-database-secret';
import { DatabaseKey } from '../constructs/database/database-key';
import { PostgresInstance } from '../constructs/database/postgres-instance';
import { FoundationDocument } from '../constructs/foundation/foundation-document';
import { FoundationReader } from '../constructs/foundation/foundation-reader';
import { appDatabaseSecretName, databaseFinalSnapshotIdentifier, databaseIdentifier, databaseKeyAlias } from '../contract/naming';
import { VERSIONS } from '../contract/versions';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type DatabaseStackProps = GoldenpathStackProps;

/** `{env}-database`: RDS PostgreSQL in the network foundation's private subnets and one secret per app. */
export class DatabaseStack extends GoldenpathStack {
  readonly postgres: PostgresInstance;
  readonly appSecrets: Readonly<Record<string, AppDatabaseSecret>>;

  constructor(scope: Construct, props: DatabaseStackProps) {
    super(scope, 'database', props);
    const env = props.env;
    const db = env.database;

    const network = new FoundationReader(this, 'foundation', { env: env.name, required: [props.plan.stacks.network] });
    const key = new DatabaseKey(this, 'key', {
      alias: databaseKeyAlias(env.name),
      description: `goldenpath ${env.name} database: storage, Performance Insights and credentials`,
    });

    this.postgres = new PostgresInstance(this, 'postgres', {
      identifier: databaseIdentifier(env.name),
      engineVersion: VERSIONS.postgresEngine,
      parameterFamily: VERSIONS.postgresParameterFamily,
      instanceClass: db.instanceClass,
      allocatedStorageGb: db.allocatedStorageGb,
      maxAllocatedStorageGb: db.maxAllocatedStorageGb,
      multiAz: db.multiAz,
      deletionProtection: db.deletionProtection,
      finalSnapshotIdentifier: db.finalSnapshot ? databaseFinalSnapshotIdentifier(env.name) : undefined,
      backupRetentionDays: db.backupRetentionDays,
      performanceInsightsRetentionDays: db.performanceInsightsRetentionDays,
      vpcId: network.field('network', 'vpcId'),
      subnetIds: network.listField('network', 'privateSubnetIds'),
      kmsKeyArn: key.key.arn,
    });
    const instance = this.postgres.instance;

    this.appSecrets = Object.fromEntries(
      db.apps.map((app) => [
        app.name,
        new AppDatabaseSecret(this, `app_secret_${app.name}`, {
          app: app.name,
          secretName: appDatabaseSecretName(env.name, app.name),
          host: instance.address,
          port: Token.asNumber(instance.port),
          kmsKeyArn: key.key.arn,
        }),
      ]),
    );
    const appSecretArns = Object.fromEntries(Object.entries(this.appSecrets).map(([app, s]) => [app, s.secret.arn]));

    new FoundationDocument(this, 'foundation_document', {
      env: env.name,
      kind: 'database',
      document: {
        endpoint: instance.endpoint,
        address: instance.address,
        port: Token.asNumber(instance.port),
        masterSecretArn: this.postgres.masterSecretArn,
        appSecretArns,
        securityGroupId: this.postgres.securityGroup.id,
      },
    });

    new TerraformOutput(this, 'endpoint', { value: instance.endpoint });
    new TerraformOutput(this, 'address', { value: instance.address });
    new TerraformOutput(this, 'port', { value: instance.port });
    new TerraformOutput(this, 'master_secret_arn', { value: this.postgres.masterSecretArn });
    new TerraformOutput(this, 'security_group_id', { value: this.postgres.securityGroup.id });
    new TerraformOutput(this, 'app_secret_arns', { value: appSecretArns });
    new TerraformOutput(this, 'app_secret_names', {
      value: Object.fromEntries(db.apps.map((a) => [a.name, appDatabaseSecretName(env.name, a.name)])),
    });
  }
}
