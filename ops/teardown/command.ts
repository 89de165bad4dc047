import type { Command } from 'commander';
import { assertCallerMatchesEnv } from '../aws/identity';
import { buildScope } from '../cleanup/scope';
import { buildIdOrUsage, envOrUsage, ledgerDir, planOf, printResult, progressOf, type CommandContext } from '../command-context';
import { SafetyRefusal, UsageError } from '../errors';
import { EXIT, type ExitCode } from '../exit-codes';
import { eksToken } from '../kube/eks-token';
import { httpsKubeApi } from '../kube/kube-api';
import { assertLedgerRowWritable, ledgerRow, ledgerWriteWarnings, recordLedgerRow } from '../ledger/record';
import { cleanupBuild, planBuildCleanup } from '../cleanup/cleanup-build';
import { cleanupDeps } from '../cleanup/deps';
import { renderCleanup, unmanagedHint } from '../cleanup/render';
import { buildLoadBalancersAndVolumes, clusterEndpoint } from './aws-facts';
import { runTeardown, type TeardownContext } from './stage-table';
import { NO_CLUSTER, remainingStages, startingState } from './stages';
import { readState, stateFilePath, writeState } from './state-file';

interface TeardownOptions {
  env: string;
  buildId: string;
  yes?: boolean;
  json?: boolean;
  drainTimeout: string;
}

const DRAIN_POLL_MS = 10_000;

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('teardown')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .requiredOption('--build-id <id>', 'the build to tear down')
    .option('--yes', 'do not ask (required when not interactive)')
    .option('--drain-timeout <seconds>', 'how long to wait for load balancers and volumes to disappear', '600')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: TeardownOptions) => {
      const env = envOrUsage(opts.env);
      const buildId = buildIdOrUsage(env, opts.buildId);
      if (!/^\d{1,6}$/.test(opts.drainTimeout.trim())) {
        throw new UsageError(`--drain-timeout "${opts.drainTimeout}" must be a whole number of seconds, 0 or more (e.g. 600; 0 skips the wait for load balancers and volumes)`);
      }
      const drainTimeoutS = Number(opts.drainTimeout.trim());
      assertLedgerRowWritable(ctx, env, 'teardown', buildId);
      if (opts.yes !== true) {
        if (!ctx.runtime.interactive) throw new SafetyRefusal('teardown needs --yes when not run interactively (CI)');
        if (!(await ctx.runtime.confirm(`tear down build ${buildId} of env ${env.name}?`))) throw new SafetyRefusal('not confirmed: nothing done');
      }
      const progress = progressOf(ctx, opts.json === true);
      const note = (line: string): void => progress.note(line);
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      const plan = planOf(env, buildId);
      const scope = buildScope(plan);
      const stateFile = stateFilePath(ledgerDir(ctx.runtime.vars), env.name, buildId);
      const deps = cleanupDeps(clients, ctx.runtime.sleep, note);
      const teardown: TeardownContext = {
        env: env.name,
        scope,
        stacks: plan.stacks,
        runtime: ctx.runtime,
        progress: note,
        drainTimeoutMs: drainTimeoutS * 1000,
        drainPollMs: DRAIN_POLL_MS,
        cluster: () => clusterEndpoint(clients, scope.clusterName),
        kube: (cluster) => httpsKubeApi({ ...cluster, token: () => eksToken(scope.clusterName, env.account.region, clients.sts.config.credentials) }),
        awsLeft: () => buildLoadBalancersAndVolumes(clients, scope),
        cleanup: async () => {
          const report = await cleanupBuild(deps, scope);
          note(renderCleanup(report, true));
          return report;
        },
      };

      const saved = readState(stateFile);
      const cluster = await teardown.cluster();
      const runKey = cluster?.createdAt ?? NO_CLUSTER;
      // Only a state that says complete needs the (full) discovery to tell a finished teardown from a stale one.
      const buildHasResources = saved !== undefined && remainingStages(saved).length === 0 && (cluster !== undefined || (await planBuildCleanup(deps, scope)).plan.deletions.length > 0);
      const { state: initial, reason } = startingState(saved, env.name, buildId, { runKey, buildHasResources });
      if (reason !== undefined) note(reason);
      const todo = remainingStages(initial);
      if (todo.length === 0) {
        printResult(ctx, opts.json === true, { env: env.name, buildId, stateFile, completed: initial.completed, notes: initial.notes }, `teardown of ${buildId} already complete and nothing of it is left (${stateFile})`);
        return;
      }
      if (initial.completed.length > 0) note(`resuming teardown of ${buildId} at ${todo[0]} (${stateFile})`);
      writeState(stateFile, initial);

      const start = ctx.runtime.now();
      const outcome = await runTeardown(teardown, initial, (state) => writeState(stateFile, state), {
        // cdktf destroy writes to the terminal itself: those stages are announced in lines, not drawn over.
        around: (stage, work) => progress.stage(stage, work, { drawsOnTerminal: stage === 'destroy-platform' || stage === 'destroy-cluster' }),
      });
      const report = outcome.cleanup;
      const deleted = report?.deleted ?? 0;
      const left = (report?.left ?? 0) + (report?.unsupported.length ?? 0);
      // Missing or expired credentials exit with their own code, so CI can tell them from a failed stage.
      const code: ExitCode =
        outcome.stoppedBy?.exitCode ?? (outcome.failed.length > 0 ? EXIT.partialFailure : (report?.unsupported.length ?? 0) > 0 ? EXIT.findings : EXIT.ok);

      const end = ctx.runtime.now();
      const ledger = await recordLedgerRow(ctx, env, ledgerRow(ctx, env, { phase: 'teardown', buildId, start, end, exitCode: code, resourcesDeleted: deleted, resourcesLeft: left }));
      for (const line of ledgerWriteWarnings(ledger)) note(line);
      const remaining = remainingStages(outcome.state);
      const unmanaged = report?.unsupported.map((u) => ({ arn: u.arn, hint: unmanagedHint(u.arn) })) ?? [];
      printResult(
        ctx,
        opts.json === true,
        { env: env.name, buildId, stateFile, completed: outcome.state.completed, remaining, failed: outcome.failed, notes: outcome.state.notes, resourcesDeleted: deleted, resourcesLeft: left, unmanaged, ledger },
        remaining.length === 0
          ? `teardown of ${buildId} complete${unmanaged.length > 0 ? `; ${unmanaged.length} unmanaged leftover(s): ${unmanaged.map((u) => `${u.arn} (${u.hint})`).join('; ')}` : ''}`
          : `teardown of ${buildId} incomplete: ${outcome.failed.join(', ')} failed (every later stage ran); re-run to finish`,
      );
      ctx.exitWith(code);
    });
}
