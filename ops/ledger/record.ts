import type { Environment } from '../../envs/schema';
import { ledgerFile, type CommandContext } from '../command-context';
import { UsageError } from '../errors';
import { runUrl } from '../runtime';
import { ledgerBucketOf, putLedgerRow } from './bucket-store';
import { appendLedgerRow } from './ledger-file';
import { ledgerRowProblems, type LedgerPhase, type LedgerRow } from './schema';

/** Where a row went: the local cache always, the env's state bucket when it has one; a failed write is named, not thrown. */
export interface LedgerWrite {
  readonly file: string;
  readonly fileError?: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly bucketError?: string;
}

export interface LedgerRowFacts {
  readonly phase: LedgerPhase;
  readonly buildId: string;
  readonly start: Date;
  readonly end: Date;
  readonly exitCode: number;
  readonly resourcesDeleted: number;
  readonly resourcesLeft: number;
}

export function ledgerRow(ctx: CommandContext, env: Environment, facts: LedgerRowFacts): LedgerRow {
  return {
    startUtc: facts.start.toISOString(),
    endUtc: facts.end.toISOString(),
    phase: facts.phase,
    env: env.name,
    buildId: facts.buildId,
    durationS: Math.max(0, (facts.end.getTime() - facts.start.getTime()) / 1000),
    exitCode: facts.exitCode,
    resourcesDeleted: facts.resourcesDeleted,
    resourcesLeft: facts.resourcesLeft,
    runUrl: runUrl(ctx.runtime.vars),
  };
}

/**
 * Refuses (exit 2) before a command does any work when the row it will write
 * at the end could not be written: the widest row it can produce (a week
 * long, every count at its maximum) must pass the schema. Only the CI run
 * URL comes from outside, so this is what catches a bad GITHUB_* variable.
 */
export function assertLedgerRowWritable(ctx: CommandContext, env: Environment, phase: LedgerPhase, buildId: string): void {
  const now = ctx.runtime.now();
  const widest = ledgerRow(ctx, env, { phase, buildId, start: now, end: new Date(now.getTime() + 7 * 86_400_000), exitCode: 255, resourcesDeleted: 999_999, resourcesLeft: 999_999 });
  const problems = ledgerRowProblems(widest);
  if (problems.length > 0) throw new UsageError(`the ledger row this run would write is refused (${problems.join('; ')}): nothing was done`);
}

/** Appends to the local cache, then writes the row's object to the env's state bucket. */
export async function recordLedgerRow(ctx: CommandContext, env: Environment, row: LedgerRow): Promise<LedgerWrite> {
  const file = ledgerFile(ctx.runtime.vars);
  let fileError: string | undefined;
  try {
    appendLedgerRow(file, row);
  } catch (err) {
    fileError = (err as Error).message;
  }
  const where = ledgerBucketOf(env);
  if (where === undefined) return { file, fileError };
  const bucket = `s3://${where.bucket}/${where.prefix}`;
  try {
    const { key } = await putLedgerRow(ctx.runtime.aws(where.region).s3, where, row);
    return { file, fileError, bucket, key };
  } catch (err) {
    return { file, fileError, bucket, bucketError: (err as Error).message };
  }
}

/** The lines a command prints (stderr) about a ledger write that did not fully land. */
export function ledgerWriteWarnings(write: LedgerWrite): string[] {
  const lines: string[] = [];
  if (write.fileError !== undefined) lines.push(`warning: ledger row not written to the local cache ${write.file}: ${write.fileError}`);
  if (write.bucketError !== undefined) lines.push(`warning: ledger row not written to ${write.bucket}: ${write.bucketError}${write.fileError === undefined ? ` (it is in the local cache ${write.file})` : ''}`);
  return lines;
}
