import { ALL_RULES, FOUNDATIONAL_RULES, runRules } from '../../rules';
import { ruleContext } from './context';

describe('rules index', () => {
  it('gives every rule a unique id', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('includes every foundational rule in ALL_RULES', () => {
    expect(ALL_RULES).toEqual(expect.arrayContaining([...FOUNDATIONAL_RULES]));
  });

  it('collects the findings of every rule', () => {
    const tf = { resource: { aws_db_instance: { db: { publicly_accessible: true, password: 'hunter2hunter2' } } } };
    const ids = new Set(runRules(FOUNDATIONAL_RULES, tf, ruleContext(false)).map((f) => f.rule));
    expect([...ids].sort()).toEqual(['no-plaintext-password', 'rds-backups-enabled', 'rds-force-ssl', 'rds-not-publicly-accessible', 'rds-storage-encrypted']);
  });
});
