import type { Command } from 'commander';
import { envIdentity } from '../../contract/naming';
import { assertCallerMatchesEnv } from '../aws/identity';
import { envBuildResources } from '../builds/discover-builds';
import { liveBuilds, type LiveBuild } from '../builds/live-builds';
import { DEFAULT_CONCURRENCY } from '../cleanup/executor';
import { buildScope } from '../cleanup/scope';
import { buildIdOrUsage, envOrUsage, planOf, printResult, progressOf, type CommandContext } from '../command-context';
import { SafetyRefusal, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { assertLedgerRowWritable, ledgerRow, ledgerWriteWarnings, recordLedgerRow, type LedgerWrite } from '../ledger/record';
import { dryRunReport, planBuildCleanup, runBuildCleanup, type CleanupReport } from '../cleanup/cleanup-build';
import { cleanupDeps } from '../cleanup/deps';
import { cleanupJson, renderCleanup } from '../cleanup/render';

interface OrphansOptions {
  env: string;
  buildId?: string;
  expired?: boolean;
  delete?: boolean;
  yes?: boolean;
  json?: boolean;
  concurrency: string;
}

function concurrencyOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new UsageError(`--concurrency "${text}" must be an integer from 1 to 32`);
  return n;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('orphans')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--build-id <id>', 'the build to clean up')
    .option('--expired', 'reaper mode: every build whose goldenpath.idp/expires-at has passed')
    .option('--delete', 'delete what the plan lists (default: print the plan only)')
    .option('--yes', 'confirm --delete without asking (required when not interactive)')
    .option('--concurrency <n>', 'deletions in flight', String(DEFAULT_CONCURRENCY))
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: OrphansOptions) => {
      const env = envOrUsage(opts.env);
      if ((opts.buildId === undefined) === (opts.expired !== true)) throw new UsageError('pass exactly one of --build-id <id> or --expired');
      const buildId = opts.buildId === undefined ? undefined : buildIdOrUsage(env, opts.buildId);
      const concurrency = concurrencyOf(opts.concurrency);
      const remove = opts.delete === true;
      if (remove && opts.yes !== true && !ctx.runtime.interactive) {
        throw new SafetyRefusal('--delete needs --yes when not run interactively (CI): review the dry-run plan first, then re-run with --delete --yes');
      }
      if (remove) assertLedgerRowWritable(ctx, env, 'orphans', buildId ?? '');
      const progress = progressOf(ctx, opts.json === true);
      const note = (line: string): void => progress.note(line);
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      const deps = cleanupDeps(clients, ctx.runtime.sleep, note, concurrency);

      let buildIds: string[];
      let unknownExpiry: LiveBuild[] = [];
      if (buildId !== undefined) buildIds = [buildId];
      else {
        note(`finding expired builds of env ${env.name}`);
        const builds = liveBuilds(await envBuildResources(clients, env.name), { ...envIdentity(env), ttlHours: env.ephemeral.ttlHours }, ctx.runtime.now());
        buildIds = builds.filter((b) => b.expired).map((b) => b.buildId);
        note(`${buildIds.length} expired of ${builds.length} live: ${buildIds.join(', ') || 'none'}`);
        unknownExpiry = builds.filter((b) => b.expiryProblems.length > 0);
        for (const b of unknownExpiry) note(`kept build ${b.buildId}: expiry unknown, never reaped (${b.expiryProblems.join('; ')}); tear it down with goldenpath teardown --build-id ${b.buildId} or fix its tags`);
      }

      const reports: CleanupReport[] = [];
      const ledgerWrites: LedgerWrite[] = [];
      for (const id of buildIds) {
        const start = ctx.runtime.now();
        const planned = await progress.stage(`find what build ${id} left`, () => planBuildCleanup(deps, buildScope(planOf(env, id))));
        let report = dryRunReport(planned);
        if (remove && planned.plan.deletions.length > 0) {
          if (opts.yes !== true) {
            ctx.runtime.stderr(`${renderCleanup(report, false)}\n`);
            if (!(await ctx.runtime.confirm(`delete these ${planned.plan.deletions.length} resources of build ${id}?`))) {
              throw new SafetyRefusal('not confirmed: nothing deleted');
            }
          }
          report = await progress.stage(`delete ${planned.plan.deletions.length} resource(s) of build ${id}`, () => runBuildCleanup(deps, planned));
        } else if (remove) {
          report = { ...report, outcomes: [], left: 0 };
        }
        reports.push(report);
        if (remove) {
          const end = ctx.runtime.now();
          const write = await recordLedgerRow(ctx, env, ledgerRow(ctx, env, { phase: 'orphans', buildId: id, start, end, exitCode: report.left > 0 ? EXIT.partialFailure : report.unsupported.length > 0 ? EXIT.findings : EXIT.ok, resourcesDeleted: report.deleted, resourcesLeft: report.left + report.unsupported.length }));
          for (const line of ledgerWriteWarnings(write)) note(line);
          ledgerWrites.push(write);
        }
      }
      const text = reports.length === 0 ? `no ${buildId === undefined ? 'expired builds' : 'resources'} in env ${env.name}` : reports.map((r) => renderCleanup(r, remove)).join('\n');
      const kept = unknownExpiry.map((b) => `kept build ${b.buildId}: expiry unknown (${b.expiryProblems.join('; ')})`);
      printResult(
        ctx,
        opts.json === true,
        { env: env.name, mode: remove ? 'delete' : 'dry-run', builds: reports.map(cleanupJson), ledger: ledgerWrites, unknownExpiry: unknownExpiry.map((b) => ({ buildId: b.buildId, problems: b.expiryProblems })) },
        [text, ...kept].join('\n'),
      );
      const left = reports.reduce((n, r) => n + r.left, 0);
      if (left > 0) ctx.exitWith(remove ? EXIT.partialFailure : EXIT.findings);
      // Unmanaged leftovers are findings: a re-run cannot delete them, so they never count as a partial failure.
      if (reports.some((r) => r.unsupported.length > 0)) ctx.exitWith(EXIT.findings);
      if (unknownExpiry.length > 0) ctx.exitWith(EXIT.findings);
    });
}
