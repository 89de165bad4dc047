import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { appDatabaseSecretName } from '../contract/naming';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type DatabaseStackProps = Omit<GoldenpathStackProps, 'plane'>;

/** `{env}-database`: RDS PostgreSQL and one secret per app. */
export class DatabaseStack extends GoldenpathStack {
  constructor(scope: Construct, name: string, props: DatabaseStackProps) {
    super(scope, name, { ...props, plane: 'foundational' });
    new TerraformOutput(this, 'app_secret_names', {
      value: Object.fromEntries(props.env.database.apps.map((a) => [a.name, appDatabaseSecretName(props.env.name, a.name)])),
    });
  }
}
