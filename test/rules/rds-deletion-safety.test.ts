import { rdsDeletionSafety } from '../../rules/rds-deletion-safety';
import { ruleContext } from './context';

const tf = (config: Record<string, unknown>) => ({ resource: { aws_db_instance: { db: config } } });
const unprotected = { deletion_protection: false, skip_final_snapshot: true };

describe('rds-deletion-safety', () => {
  it('passes a protected instance with a final snapshot where the env demands both', () => {
    const safe = { deletion_protection: true, skip_final_snapshot: false, final_snapshot_identifier: 'goldenpath-prod-final' };
    expect(rdsDeletionSafety.check(tf(safe), ruleContext(true))).toEqual([]);
  });

  it('passes an unprotected instance where the env does not demand protection', () => {
    expect(rdsDeletionSafety.check(tf(unprotected), ruleContext(false))).toEqual([]);
  });

  it('fails an unprotected instance without final snapshot where the env demands both', () => {
    const findings = rdsDeletionSafety.check(tf(unprotected), ruleContext(true));
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('deletion_protection = true'), expect.stringContaining('final_snapshot_identifier')]);
  });

  it('fails a final snapshot demand met by skip_final_snapshot = false alone, without an identifier', () => {
    expect(rdsDeletionSafety.check(tf({ deletion_protection: true, skip_final_snapshot: false }), ruleContext(true))).toHaveLength(1);
  });
});
