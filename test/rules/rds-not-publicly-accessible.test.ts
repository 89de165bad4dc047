import { rdsNotPubliclyAccessible } from '../../rules/rds-not-publicly-accessible';
import { ruleContext } from './context';

const tf = (config: Record<string, unknown>) => ({ resource: { aws_db_instance: { db: config } } });

describe('rds-not-publicly-accessible', () => {
  it('passes a private instance', () => {
    expect(rdsNotPubliclyAccessible.check(tf({ publicly_accessible: false }), ruleContext(false))).toEqual([]);
  });

  it('fails a publicly accessible instance', () => {
    expect(rdsNotPubliclyAccessible.check(tf({ publicly_accessible: true }), ruleContext(false))).toEqual([
      expect.objectContaining({ rule: 'rds-not-publicly-accessible', address: 'aws_db_instance.db' }),
    ]);
  });
});
