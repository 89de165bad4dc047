import { derivePlan, type Plan } from '../../contract/plan';
import { persistent, type Selection } from '../../contract/selection';
import { loadEnvironment } from '../../envs';
import type { Environment } from '../../envs/schema';

/** The plan main.ts derives for a selection of a shipped env (or the given env definition). */
export function planFor(selection: Selection = persistent('dev'), options: { env?: Environment; buildStartedAt?: string } = {}): Plan {
  return derivePlan({ env: options.env ?? loadEnvironment(selection.env), selection, buildStartedAt: options.buildStartedAt });
}
