import { buildIdProblems } from '../contract/build-id';
import { envIdentity } from '../contract/naming';
import { derivePlan, type Plan } from '../contract/plan';
import { ephemeral, persistent } from '../contract/selection';
import { loadEnvironment, type Environment } from '../envs';
import { UsageError } from './errors';
import type { ExitCode } from './exit-codes';
import { lineProgress, terminalProgress, type Progress } from './progress';
import type { Runtime } from './runtime';

/** What every command module's register() receives. */
export interface CommandContext {
  readonly runtime: Runtime;
  /** The exit code the process ends with; the highest one reported wins. */
  exitWith(code: ExitCode): void;
  /**
   * Takes a command's --json result; the CLI prints it once the exit code is
   * known, as one object with `code`, `message` and `hint`. Without it (a bare
   * context in a test) the result is printed at once.
   */
  readonly jsonResult?: (data: object, text: string) => void;
}

/** The env definition, or a usage error naming the known envs. */
export function envOrUsage(name: string): Environment {
  try {
    return loadEnvironment(name);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function buildIdOrUsage(env: Environment, buildId: string): string {
  const problems = buildIdProblems(buildId, envIdentity(env));
  if (problems.length > 0) throw new UsageError(`--build-id "${buildId}" ${problems.join('; ')}`);
  return buildId;
}

/**
 * The plan of what a command is about: the env's persistent clusters, or one
 * build (its id already checked by buildIdOrUsage). Commands read names,
 * maxTier and capabilities from it, never derive them again.
 */
export function planOf(env: Environment, buildId: string | undefined): Plan {
  return derivePlan({ env, selection: buildId === undefined ? persistent(env.name) : ephemeral(env.name, buildId) });
}

/** Progress goes to stderr so stdout stays clean for --json: live on a terminal, plain lines in CI, in pipes and with --json. */
export function progressOf(ctx: CommandContext, json = false): Progress {
  const terminal = ctx.runtime.progressTerminal;
  return terminal !== undefined && !json ? terminalProgress(terminal) : lineProgress(ctx.runtime.stderr, () => ctx.runtime.now().getTime());
}

export function printResult(ctx: CommandContext, json: boolean, data: object, text: string): void {
  if (json && ctx.jsonResult !== undefined) ctx.jsonResult(data, text);
  else ctx.runtime.stdout(json ? `${JSON.stringify(data, null, 2)}\n` : text.endsWith('\n') ? text : `${text}\n`);
}

/** Ledger and teardown state live here unless GOLDENPATH_LEDGER_DIR says otherwise. */
export const DEFAULT_LEDGER_DIR = '.goldenpath';

export function ledgerDir(vars: Runtime['vars']): string {
  return vars.GOLDENPATH_LEDGER_DIR ?? DEFAULT_LEDGER_DIR;
}

export function ledgerFile(vars: Runtime['vars']): string {
  return `${ledgerDir(vars)}/ledger.csv`;
}
