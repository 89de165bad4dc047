import { rdsBackupsEnabled } from '../../rules/rds-backups-enabled';
import { ruleContext } from './context';

const tf = (config: Record<string, unknown>) => ({ resource: { aws_db_instance: { db: config } } });

describe('rds-backups-enabled', () => {
  it('passes an instance that keeps backups for a day or more', () => {
    expect(rdsBackupsEnabled.check(tf({ backup_retention_period: 1 }), ruleContext(false))).toEqual([]);
  });

  it('fails an instance with backups switched off', () => {
    expect(rdsBackupsEnabled.check(tf({ backup_retention_period: 0 }), ruleContext(false))).toEqual([
      expect.objectContaining({ rule: 'rds-backups-enabled', address: 'aws_db_instance.db' }),
    ]);
  });

  it('fails an instance that leaves the retention to the provider default', () => {
    expect(rdsBackupsEnabled.check(tf({}), ruleContext(false))).toHaveLength(1);
  });
});
