import { resourcesOf, type Rule } from './types';

const ID = 'rds-storage-encrypted';

/** Data at rest, automated backups and snapshots of every instance are encrypted. */
export const rdsStorageEncrypted: Rule = {
  id: ID,
  description: 'Every RDS instance has storage_encrypted = true',
  check(tf) {
    return resourcesOf(tf, 'aws_db_instance')
      .filter(({ config }) => config.storage_encrypted !== true)
      .map(({ address }) => ({ rule: ID, address, message: `${address} stores data unencrypted: set storage_encrypted = true with a KMS key` }));
  },
};
