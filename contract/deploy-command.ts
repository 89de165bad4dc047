import { bootstrapStackName, foundationStackName, type FoundationKind } from './naming';
import { SELECTION_VARIABLES } from './parse-selection';
import { buildIdOf, persistent, type Selection } from './selection';
import type { Plane } from './tags';

export interface DeployTarget {
  readonly name: string;
  readonly plane: Plane;
  /** The selection the stack belongs to (foundational stacks: the env's persistent one). */
  readonly selection: Selection;
  /** GOLDENPATH_BUILD_STARTED_AT of the build, when it was given (a build's expiry derives from it). */
  readonly buildStartedAt?: string;
}

/**
 * The process variables under which the program synthesizes this very stack:
 * without them it selects dev's persistent stacks, and a staging, prod or
 * build stack is not found. Foundational stacks exist in every selection of
 * their env, so the env is all they need.
 */
export function selectionVariables(target: DeployTarget): Record<string, string> {
  const vars: Record<string, string> = { [SELECTION_VARIABLES.env]: target.selection.env };
  if (target.plane === 'disposable') {
    vars[SELECTION_VARIABLES.lifecycle] = target.selection.lifecycle;
    const buildId = buildIdOf(target.selection);
    if (buildId !== undefined) {
      vars[SELECTION_VARIABLES.buildId] = buildId;
      if (target.buildStartedAt !== undefined) vars[SELECTION_VARIABLES.buildStartedAt] = target.buildStartedAt;
    }
  }
  return vars;
}

/** The command that deploys a stack, with its selection variables. */
export function deployCommand(target: DeployTarget): string {
  const vars = Object.entries(selectionVariables(target)).map(([k, v]) => `${k}=${v}`);
  return `${vars.join(' ')} npx cdktf deploy ${target.name}`;
}

/** The command that deploys one of an env's foundational stacks. */
export function foundationDeployCommand(env: string, kind: FoundationKind): string {
  return deployCommand({ name: foundationStackName(env, kind), plane: 'foundational', selection: persistent(env) });
}

/** The command that deploys an env's account plane (by hand, with administrator credentials). */
export function bootstrapDeployCommand(env: string): string {
  return deployCommand({ name: bootstrapStackName(env), plane: 'account', selection: persistent(env) });
}
