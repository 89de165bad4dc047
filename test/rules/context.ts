import type { RuleContext } from '../../rules/types';

/** A rule context for an env that demands every database safety setting, or none. */
export function ruleContext(demands: boolean): RuleContext {
  return {
    stack: 'test-database',
    env: { name: demands ? 'prod' : 'dev', database: { deletionProtection: demands, finalSnapshot: demands, multiAz: demands } },
  };
}
