import { BUILD_ID_SHAPE } from '../../contract/build-id';
import { EnvironmentSchema } from '../../envs/schema';

/** The one ledger schema: every writer appends these columns, in this order. */
export const LEDGER_COLUMNS = [
  'start_utc',
  'end_utc',
  'phase',
  'env',
  'build_id',
  'duration_s',
  'exit_code',
  'resources_deleted',
  'resources_left',
  'run_url',
] as const;

export const LEDGER_HEADER = LEDGER_COLUMNS.join(',');

/** What the ledger times: the build's deploys and health check (the workflows) and its teardown and cleanup (the CLI). */
export const LEDGER_PHASES = ['deploy-cluster', 'deploy-platform', 'health', 'teardown', 'orphans'] as const;
export type LedgerPhase = (typeof LEDGER_PHASES)[number];

/**
 * Appends of up to PIPE_BUF (4096 bytes on Linux) are atomic; a row stays far
 * below it. Every field is bounded, so only a long run_url can reach this.
 */
export const MAX_ROW_BYTES = 1024;

export interface LedgerRow {
  readonly startUtc: string;
  readonly endUtc: string;
  readonly phase: LedgerPhase;
  readonly env: string;
  /** Empty for env-wide runs (e.g. the reaper). */
  readonly buildId: string;
  readonly durationS: number;
  readonly exitCode: number;
  readonly resourcesDeleted: number;
  readonly resourcesLeft: number;
  /** The CI run that wrote the row; empty outside CI. */
  readonly runUrl: string;
}

const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** Plain decimals only: no sign, exponent, hex (`0x10`), Infinity or NaN. */
const DECIMAL = /^\d{1,9}(\.\d{1,3})?$/;
const COUNT = /^\d{1,9}$/;
const BUILD_ID_MAX = 63;

/** An ISO-8601 UTC timestamp that names a real instant (no 2026-02-30). */
export function isUtcTimestamp(text: string): boolean {
  if (!UTC.test(text)) return false;
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === text.slice(0, 19);
}

function runUrlProblem(url: string): string | undefined {
  if (url === '') return undefined;
  if (!/^https:\/\/[\x21-\x7e]+$/.test(url)) return `run_url "${url.slice(0, 80)}" must be an https URL without spaces or control characters`;
  return undefined;
}

export function ledgerFields(row: LedgerRow): string[] {
  return [
    row.startUtc,
    row.endUtc,
    row.phase,
    row.env,
    row.buildId,
    row.durationS.toFixed(3),
    String(row.exitCode),
    String(row.resourcesDeleted),
    String(row.resourcesLeft),
    row.runUrl,
  ];
}

/** Why a row must not be written (empty when it may). Checked before a command starts its work, and again at the write. */
export function ledgerRowProblems(row: LedgerRow): string[] {
  const problems = fieldProblems(ledgerFields(row));
  if (!Number.isFinite(row.durationS) || row.durationS < 0) problems.push(`duration_s ${row.durationS} must be a non-negative number of seconds`);
  const bytes = Buffer.byteLength(ledgerFields(row).join(',')) + 1;
  if (bytes > MAX_ROW_BYTES) problems.push(`the row is ${bytes} bytes, over the ${MAX_ROW_BYTES}-byte limit of one atomic append: shorten run_url`);
  return [...new Set(problems)];
}

function fieldProblems(fields: readonly string[]): string[] {
  if (fields.length !== LEDGER_COLUMNS.length) return [`${fields.length} fields, expected ${LEDGER_COLUMNS.length} (${LEDGER_HEADER})`];
  const [start, end, phase, env, buildId, duration, exitCode, deleted, left, runUrl] = fields as [string, string, string, string, string, string, string, string, string, string];
  const problems: string[] = [];
  if (!isUtcTimestamp(start)) problems.push(`start_utc "${start}" is not an ISO-8601 UTC timestamp`);
  if (!isUtcTimestamp(end)) problems.push(`end_utc "${end}" is not an ISO-8601 UTC timestamp`);
  else if (isUtcTimestamp(start) && Date.parse(end) < Date.parse(start)) problems.push(`end_utc ${end} is before start_utc ${start}`);
  if (!(LEDGER_PHASES as readonly string[]).includes(phase)) problems.push(`phase "${phase}" is not one of ${LEDGER_PHASES.join(', ')}`);
  if (!EnvironmentSchema.shape.name.safeParse(env).success) problems.push(`env "${env}" is not an environment name`);
  if (buildId !== '' && (!BUILD_ID_SHAPE.test(buildId) || buildId.length > BUILD_ID_MAX)) problems.push(`build_id "${buildId}" is not a build id`);
  if (!DECIMAL.test(duration)) problems.push(`duration_s "${duration}" is not a non-negative decimal number of seconds`);
  if (!COUNT.test(exitCode) || Number(exitCode) > 255) problems.push(`exit_code "${exitCode}" is not a process exit code (0-255)`);
  if (!COUNT.test(deleted)) problems.push(`resources_deleted "${deleted}" is not a count`);
  if (!COUNT.test(left)) problems.push(`resources_left "${left}" is not a count`);
  const url = runUrlProblem(runUrl);
  if (url !== undefined) problems.push(url);
  return problems;
}

/** One data record: the row, or why it is not one. Never throws. */
export function ledgerRowOf(fields: readonly string[]): { readonly row: LedgerRow } | { readonly problem: string } {
  const problems = fieldProblems(fields);
  if (problems.length > 0) return { problem: problems.join('; ') };
  const f = fields as readonly string[];
  return {
    row: {
      startUtc: f[0]!,
      endUtc: f[1]!,
      phase: f[2] as LedgerPhase,
      env: f[3]!,
      buildId: f[4]!,
      durationS: Number(f[5]),
      exitCode: Number(f[6]),
      resourcesDeleted: Number(f[7]),
      resourcesLeft: Number(f[8]),
      runUrl: f[9]!,
    },
  };
}
