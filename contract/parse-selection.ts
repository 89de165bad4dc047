import { buildIdProblems } from './build-id';
import { LIFECYCLES, type Lifecycle } from './lifecycle';
import type { EnvIdentity } from './naming';
import type { Selection } from './selection';

/** The process variables a selection is read from (never TF_VAR_*: the cdktf CLI strips those). */
export const SELECTION_VARIABLES = {
  env: 'GOLDENPATH_ENV',
  lifecycle: 'GOLDENPATH_LIFECYCLE',
  buildId: 'GOLDENPATH_BUILD_ID',
  /** Optional ISO-8601 start of a CI build; the expiry of a buildId not in the YY-MM-DD-NN form needs it. */
  buildStartedAt: 'GOLDENPATH_BUILD_STARTED_AT',
} as const;

export const DEFAULT_ENV = 'dev';
export const DEFAULT_LIFECYCLE: Lifecycle = 'persistent';

/** A selection that cannot be honoured; names the variable and the rule. */
export class SelectionError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`${variable}: ${rule}`);
    this.name = 'SelectionError';
  }
}

type Vars = Readonly<Record<string, string | undefined>>;

function read(vars: Vars, name: string): string | undefined {
  const value = vars[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Reads and validates the selection. `lookupEnv` resolves an env name to its
 * identity and throws when it does not exist.
 */
export function parseSelection(vars: Vars, lookupEnv: (name: string) => EnvIdentity): Selection {
  const envName = read(vars, SELECTION_VARIABLES.env) ?? DEFAULT_ENV;
  let env: EnvIdentity;
  try {
    env = lookupEnv(envName);
  } catch (err) {
    throw new SelectionError(SELECTION_VARIABLES.env, (err as Error).message);
  }

  const lifecycleText = read(vars, SELECTION_VARIABLES.lifecycle) ?? DEFAULT_LIFECYCLE;
  if (!(LIFECYCLES as readonly string[]).includes(lifecycleText)) {
    throw new SelectionError(SELECTION_VARIABLES.lifecycle, `"${lifecycleText}" is not a lifecycle; use one of ${LIFECYCLES.join(', ')}`);
  }
  const lifecycle = lifecycleText as Lifecycle;

  const buildId = read(vars, SELECTION_VARIABLES.buildId);
  if (lifecycle === 'persistent') {
    if (buildId !== undefined) {
      throw new SelectionError(
        SELECTION_VARIABLES.buildId,
        `is set ("${buildId}") but ${SELECTION_VARIABLES.lifecycle} is persistent; a buildId only keys ephemeral builds (unset it, or set ${SELECTION_VARIABLES.lifecycle}=ephemeral)`,
      );
    }
    return { env: env.name, lifecycle };
  }
  if (buildId === undefined) {
    throw new SelectionError(SELECTION_VARIABLES.buildId, `is required when ${SELECTION_VARIABLES.lifecycle}=ephemeral (CI form: YY-MM-DD-NN, e.g. 26-01-23-01)`);
  }
  const problems = buildIdProblems(buildId, env);
  if (problems.length > 0) {
    throw new SelectionError(SELECTION_VARIABLES.buildId, `"${buildId}" ${problems.join('; ')}`);
  }
  return { env: env.name, lifecycle, buildId };
}
