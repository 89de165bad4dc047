import { resourcesOf, type Rule } from './types';

const ID = 'rds-backups-enabled';

/** Automated backups (and point-in-time recovery) need a retention of at least one day. */
export const rdsBackupsEnabled: Rule = {
  id: ID,
  description: 'Every RDS instance keeps automated backups (backup_retention_period >= 1)',
  check(tf) {
    return resourcesOf(tf, 'aws_db_instance')
      .filter(({ config }) => !(Number(config.backup_retention_period) >= 1))
      .map(({ address, config }) => ({
        rule: ID,
        address,
        message: `${address} has backup_retention_period ${JSON.stringify(config.backup_retention_period ?? null)}: set it to 1-35 days (envs/<env>.ts database.backupRetentionDays)`,
      }));
  },
};
