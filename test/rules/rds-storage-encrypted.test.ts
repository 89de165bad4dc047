import { rdsStorageEncrypted } from '../../rules/rds-storage-encrypted';
import { ruleContext } from './context';

const tf = (config: Record<string, unknown>) => ({ resource: { aws_db_instance: { db: config } } });

describe('rds-storage-encrypted', () => {
  it('passes an instance with encrypted storage', () => {
    expect(rdsStorageEncrypted.check(tf({ storage_encrypted: true }), ruleContext(false))).toEqual([]);
  });

  it('fails an instance that leaves storage_encrypted unset', () => {
    const findings = rdsStorageEncrypted.check(tf({}), ruleContext(false));
    expect(findings).toEqual([expect.objectContaining({ rule: 'rds-storage-encrypted', address: 'aws_db_instance.db' })]);
    expect(findings[0]!.message).toContain('storage_encrypted = true');
  });
});
