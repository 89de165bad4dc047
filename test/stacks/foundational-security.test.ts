import { FOUNDATION_KINDS, foundationStackName } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import { ENVIRONMENT_NAMES } from '../../envs';
import { FOUNDATIONAL_RULES, runRules } from '../../rules';
import type { RuleContext } from '../../rules/types';
import { synthSelection } from '../support/synth';

describe.each(ENVIRONMENT_NAMES)('foundational stacks of %s', (envName) => {
  const synth = synthSelection(persistent(envName));
  const ctx = (stack: string): RuleContext => ({ stack, env: { name: envName, database: synth.env.database } });

  it.each(FOUNDATION_KINDS.map((kind) => foundationStackName(envName, kind)))('%s passes every foundational security rule', (stack) => {
    expect(runRules(FOUNDATIONAL_RULES, synth.json(stack), ctx(stack))).toEqual([]);
  });

  it('gives the database rules an instance to check', () => {
    expect(Object.keys(synth.json(foundationStackName(envName, 'database')).resource.aws_db_instance)).toHaveLength(1);
  });
});
