import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';

export interface DatabaseKeyProps {
  /** Alias name, `alias/...`. */
  readonly alias: string;
  /** Key description shown in KMS. */
  readonly description: string;
}

/**
 * The customer-managed key of the env database: storage, Performance
 * Insights, the RDS-managed master secret and the app secrets. One key, so
 * revoking it revokes every copy of the data at once. Rotated yearly by KMS.
 */
export class DatabaseKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: DatabaseKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    new KmsAlias(this, 'alias', { name: props.alias, targetKeyId: this.key.keyId });
  }
}
