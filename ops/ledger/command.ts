import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import type { Environment } from '../../envs/schema';
import { assertCallerMatchesEnv } from '../aws/identity';
import { buildIdOrUsage, envOrUsage, ledgerFile, printResult, type CommandContext } from '../command-context';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { ledgerBucketOf, putLedgerRow, readLedgerBucket } from './bucket-store';
import { readLedgerFile } from './ledger-file';
import { ledgerRow, ledgerWriteWarnings, recordLedgerRow } from './record';
import { isUtcTimestamp, LEDGER_HEADER, LEDGER_PHASES, ledgerRowProblems, type LedgerPhase } from './schema';
import { lastBuilds, rowsSince, summarizeLedger, type ParsedLedger } from './summary';

interface LedgerOptions {
  env?: string;
  since?: string;
  last: string;
  local?: boolean;
  file?: string;
  json?: boolean;
}

interface RecordOptions {
  env: string;
  phase: string;
  buildId?: string;
  start: string;
  end?: string;
  exitCode: string;
  resourcesDeleted: string;
  resourcesLeft: string;
  json?: boolean;
}

const SKIPPED_SHOWN = 5;

/** `--since`: an ISO date or UTC timestamp, or an age such as `7d` or `12h`. */
export function sinceOf(text: string, now: Date): Date {
  const age = /^(\d{1,4})([dh])$/.exec(text);
  if (age !== null) return new Date(now.getTime() - Number(age[1]) * (age[2] === 'd' ? 86_400_000 : 3_600_000));
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && isUtcTimestamp(`${text}T00:00:00Z`)) return new Date(`${text}T00:00:00Z`);
  if (isUtcTimestamp(text)) return new Date(text);
  throw new UsageError(`--since "${text}" must be a date (2026-01-23), a UTC timestamp (2026-01-23T10:00:00Z) or an age (7d, 12h)`);
}

function countOf(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`${flag} "${text}" must be a whole number from ${min} to ${max}`);
  return Number(text);
}

/** The local cache or a given file; a missing file, a directory or a file that is not a ledger is bad input. */
function readFileSource(file: string, given: boolean): ParsedLedger {
  if (!existsSync(file)) {
    throw new UsageError(
      given
        ? `no ledger at ${file}: check the path`
        : `no local ledger cache at ${file}: nothing was recorded on this machine (teardown and orphans --delete write rows; read the env's state bucket once it has a stateBackend)`,
    );
  }
  if (statSync(file).isDirectory()) throw new UsageError(`${file} is a directory: pass the ledger CSV file itself`);
  let parsed: ParsedLedger;
  try {
    parsed = readLedgerFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (!parsed.headerSeen && parsed.rows.length === 0 && parsed.skipped.length > 0) {
    throw new UsageError(`${file} is not a goldenpath ledger: no header line "${LEDGER_HEADER}" and no valid row`);
  }
  return parsed;
}

type Source = { readonly kind: 'bucket'; readonly bucket: string; readonly prefix: string } | { readonly kind: 'file'; readonly file: string; readonly note?: string };

async function readSource(ctx: CommandContext, env: Environment, opts: LedgerOptions, since: Date | undefined): Promise<{ source: Source; ledger: ParsedLedger }> {
  if (opts.file !== undefined) return { source: { kind: 'file', file: opts.file }, ledger: readFileSource(opts.file, true) };
  const cache = ledgerFile(ctx.runtime.vars);
  const where = ledgerBucketOf(env);
  if (opts.local === true || where === undefined) {
    const note = where === undefined ? `env ${env.name} has no stateBackend, so no shared ledger: reading this machine's cache` : undefined;
    return { source: { kind: 'file', file: cache, note }, ledger: readFileSource(cache, false) };
  }
  await assertCallerMatchesEnv(ctx.runtime.aws(env.account.region).sts, env, ctx.runtime.vars);
  const ledger = await readLedgerBucket(ctx.runtime.aws(where.region).s3, where, since);
  return { source: { kind: 'bucket', bucket: where.bucket, prefix: where.prefix }, ledger };
}

function table(phases: ReturnType<typeof summarizeLedger>, builds: ReturnType<typeof lastBuilds>): string[] {
  const lines = ['phase            count     p50_s     p95_s  failed', ...phases.map((p) => `${p.phase.padEnd(16)} ${String(p.count).padStart(5)}  ${p.p50DurationS.toFixed(1).padStart(8)}  ${p.p95DurationS.toFixed(1).padStart(8)}  ${String(p.failures).padStart(6)}`)];
  if (builds.length > 0) {
    lines.push('', `last ${builds.length} build(s), newest first:`);
    for (const b of builds) lines.push(`  ${b.buildId.padEnd(14)} ${b.startedUtc}  ${b.phases.map((p) => `${p.phase} ${p.durationS.toFixed(0)}s${p.exitCode === 0 ? '' : ` exit ${p.exitCode}`}`).join(', ')}`);
  }
  return lines;
}

function registerRecord(ledger: Command, ctx: CommandContext): void {
  ledger
    .command('record')
    .description(`Record one timed phase of a build (${LEDGER_PHASES.join(', ')}): the workflows time their deploys and health check with it`)
    .requiredOption('--env <env>', 'environment name (envs/)')
    .requiredOption('--phase <phase>', LEDGER_PHASES.join(' | '))
    .option('--build-id <id>', 'the build (omit for env-wide runs)')
    .requiredOption('--start <utc>', 'when the phase started (UTC timestamp, e.g. $(date -u +%Y-%m-%dT%H:%M:%SZ))')
    .option('--end <utc>', 'when it ended (default: now)')
    .requiredOption('--exit-code <n>', 'the exit code of the phase')
    .option('--resources-deleted <n>', 'resources deleted', '0')
    .option('--resources-left <n>', 'resources left behind', '0')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: RecordOptions) => {
      const env = envOrUsage(opts.env);
      if (!(LEDGER_PHASES as readonly string[]).includes(opts.phase)) throw new UsageError(`--phase "${opts.phase}" must be one of ${LEDGER_PHASES.join(', ')}`);
      const buildId = opts.buildId === undefined ? '' : buildIdOrUsage(env, opts.buildId);
      if (!isUtcTimestamp(opts.start)) throw new UsageError(`--start "${opts.start}" must be a UTC timestamp such as 2026-01-23T10:00:00Z`);
      if (opts.end !== undefined && !isUtcTimestamp(opts.end)) throw new UsageError(`--end "${opts.end}" must be a UTC timestamp such as 2026-01-23T10:00:00Z`);
      const start = new Date(opts.start);
      const end = opts.end === undefined ? ctx.runtime.now() : new Date(opts.end);
      if (end < start) throw new UsageError(`--end ${end.toISOString()} is before --start ${start.toISOString()}`);
      const row = ledgerRow(ctx, env, {
        phase: opts.phase as LedgerPhase,
        buildId,
        start,
        end,
        exitCode: countOf('--exit-code', opts.exitCode, 0, 255),
        resourcesDeleted: countOf('--resources-deleted', opts.resourcesDeleted, 0, 999_999_999),
        resourcesLeft: countOf('--resources-left', opts.resourcesLeft, 0, 999_999_999),
      });
      const problems = ledgerRowProblems(row);
      if (problems.length > 0) throw new UsageError(`ledger row refused: ${problems.join('; ')}`);
      const write = await recordLedgerRow(ctx, env, row);
      for (const line of ledgerWriteWarnings(write)) ctx.runtime.stderr(`${line}\n`);
      printResult(ctx, opts.json === true, { row, ledger: write }, `recorded ${row.phase} of ${buildId || `env ${env.name}`}: ${row.durationS.toFixed(1)} s, exit ${row.exitCode}${write.key === undefined ? '' : ` (${write.bucket}${write.key.slice(write.key.lastIndexOf('/') + 1)})`}`);
    });
}

const PUSH_CONCURRENCY = 8;

interface PushOptions {
  env: string;
  json?: boolean;
}

/**
 * `ledger push`: the rows of this machine's cache for the env that the bucket
 * does not hold yet (a run whose bucket write failed kept its row only here).
 * A row's key is its content, so rows already there stay single and the push
 * can run any number of times.
 */
function registerPush(ledger: Command, ctx: CommandContext): void {
  ledger
    .command('push')
    .description("Write the env's rows of this machine's cache to its state bucket where they are missing (rows a failed bucket write left only here); running it again adds nothing")
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: PushOptions) => {
      const env = envOrUsage(opts.env);
      const where = ledgerBucketOf(env);
      if (where === undefined) throw new UsageError(`env ${env.name} has no stateBackend, so there is no shared ledger to push to: add stateBackend to envs/${env.name}.ts (README, Day 0)`);
      const cache = ledgerFile(ctx.runtime.vars);
      const bucket = `s3://${where.bucket}/${where.prefix}`;
      // A machine that recorded nothing has nothing to push: that is no failure (a reaper run that deleted nothing).
      if (!existsSync(cache)) {
        printResult(ctx, opts.json === true, { env: env.name, cache, bucket, rows: 0, added: 0, present: 0, failed: [] }, `ledger push: no local ledger cache at ${cache}, nothing to push`);
        return;
      }
      const rows = readFileSource(cache, false).rows.filter((r) => r.env === env.name);
      await assertCallerMatchesEnv(ctx.runtime.aws(env.account.region).sts, env, ctx.runtime.vars);
      const s3 = ctx.runtime.aws(where.region).s3;
      const outcomes: ({ readonly existed: boolean } | { readonly error: unknown })[] = [];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < rows.length) {
          const row = rows[next++]!;
          try {
            outcomes.push(await putLedgerRow(s3, where, row));
          } catch (error) {
            outcomes.push({ error });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PUSH_CONCURRENCY, rows.length) }, worker));
      const errors = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
      // Nothing landed: the cause (credentials, access, network) is the command's outcome, with its exit code.
      if (errors.length > 0 && errors.length === rows.length) throw errors[0];
      const added = outcomes.filter((o) => 'existed' in o && !o.existed).length;
      const present = outcomes.filter((o) => 'existed' in o && o.existed).length;
      const failed = errors.map((e) => (e as Error).message);
      printResult(
        ctx,
        opts.json === true,
        { env: env.name, cache, bucket, rows: rows.length, added, present, failed },
        [`ledger push ${cache} -> ${bucket}: ${rows.length} row(s) of env ${env.name}, ${added} added, ${present} already there`, ...(failed.length === 0 ? [] : [`${failed.length} not written (run it again): ${failed[0]}`])].join('\n'),
      );
      if (failed.length > 0) ctx.exitWith(EXIT.partialFailure);
    });
}

export function register(program: Command, ctx: CommandContext): void {
  const ledger = program
    .command('ledger')
    // `ledger record --env …`: options after `record` are record's, not the summary's.
    .enablePositionalOptions()
    .option('--env <env>', 'environment name (envs/); required')
    .option('--since <when>', 'only rows that started then or later: a date, a UTC timestamp or an age (7d, 12h)')
    .option('--last <n>', 'how many recent builds to list', '10')
    .option('--local', "read this machine's cache ($GOLDENPATH_LEDGER_DIR/ledger.csv, default .goldenpath/ledger.csv) instead of the bucket")
    .option('--file <file>', 'read this ledger CSV instead of the bucket')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: LedgerOptions) => {
      if (opts.env === undefined) throw new UsageError("required option '--env <env>' not specified");
      const env = envOrUsage(opts.env);
      const since = opts.since === undefined ? undefined : sinceOf(opts.since, ctx.runtime.now());
      const last = countOf('--last', opts.last, 1, 1000);
      if (opts.local === true && opts.file !== undefined) throw new UsageError('pass --local or --file, not both');
      const { source, ledger: parsed } = await readSource(ctx, env, opts, since);
      const rows = rowsSince(parsed.rows, since);
      const phases = summarizeLedger(rows, env.name);
      const builds = lastBuilds(rows, env.name, last);
      const where = source.kind === 'bucket' ? `s3://${source.bucket}/${source.prefix}` : source.file;
      const skipped = parsed.skipped.length;
      const text = [
        `ledger ${where}, env ${env.name}${since === undefined ? '' : `, since ${since.toISOString()}`}`,
        ...(source.kind === 'file' && source.note !== undefined ? [source.note] : []),
        ...(phases.length === 0 ? [`no rows for env ${env.name}`] : table(phases, builds)),
        ...(skipped === 0
          ? []
          : [`skipped ${skipped} corrupt or foreign row(s):`, ...parsed.skipped.slice(0, SKIPPED_SHOWN).map((s) => `  ${s.where}: ${s.problem}`), ...(skipped > SKIPPED_SHOWN ? [`  … and ${skipped - SKIPPED_SHOWN} more (--json lists them all)`] : [])]),
      ].join('\n');
      printResult(ctx, opts.json === true, { source, env: env.name, since: since?.toISOString(), rows: rows.filter((r) => r.env === env.name).length, phases, builds, skipped, skippedRecords: parsed.skipped }, text);
    });
  registerRecord(ledger, ctx);
  registerPush(ledger, ctx);
}
