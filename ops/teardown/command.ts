import type { Command } from 'commander';
import { classifyAwsFailure } from '../aws/failure';
import { assertCallerMatchesEnv } from '../aws/identity';
import { buildScope } from '../cleanup/scope';
import { buildIdOrUsage, envOrUsage, ledgerDir, planOf, printResult, progressOf, type CommandContext } from '../command-context';
import { SafetyRefusal, UsageError } from '../errors';
import { EXIT, type ExitCode } from '../exit-codes';
import { eksToken } from '../kube/eks-token';
import { httpsKubeApi } from '../kube/kube-api';
import { assertLedgerRowWritable, ledgerRow, ledgerWriteWarnings, recordLedgerRow } from '../ledger/record';
import { cleanupBuild } from '../cleanup/cleanup-build';
import { cleanupDeps } from '../cleanup/deps';
import { renderCleanup } from '../cleanup/render';
import { buildLoadBalancersAndVolumes, clusterEndpoint } from './aws-facts';
import { drainCluster } from './drain';
import { completeStage, initialState, remainingStages, type TeardownStage, type TeardownState } from './stages';
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
    .description('Drain, destroy (platform, then cluster), clean up orphans and record one ledger row; resumes where an interrupted run stopped')
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
      let state: TeardownState = readState(stateFile) ?? initialState(env.name, buildId);
      const todo = remainingStages(state);
      if (todo.length === 0) {
        printResult(ctx, opts.json === true, { env: env.name, buildId, stateFile, completed: state.completed, notes: state.notes }, `teardown of ${buildId} already complete (${stateFile}); run goldenpath orphans to re-check`);
        return;
      }
      if (state.completed.length > 0) note(`resuming teardown of ${buildId} at ${todo[0]} (${stateFile})`);

      const start = ctx.runtime.now();
      let code: ExitCode = EXIT.ok;
      let deleted = 0;
      let left = 0;
      const finish = (stage: TeardownStage, detail?: string): void => {
        state = completeStage(state, stage, detail);
        writeState(stateFile, state);
        if (detail !== undefined) note(`${stage}: ${detail}`);
      };

      /** Runs one stage; a throw stops the teardown (state keeps what finished, so a re-run resumes here). */
      const runStage = async (stage: TeardownStage): Promise<void> => {
        if (stage === 'drain') {
          const endpoint = await clusterEndpoint(clients, scope.clusterName);
          if (endpoint === undefined) {
            finish(stage, `cluster ${scope.clusterName} already gone: drain skipped`);
            return;
          }
          const kube = httpsKubeApi({ ...endpoint, token: () => eksToken(scope.clusterName, env.account.region, clients.sts.config.credentials) });
          const result = await drainCluster(kube, {
            awsLeft: () => buildLoadBalancersAndVolumes(clients, scope),
            timeoutMs: drainTimeoutS * 1000,
            pollMs: DRAIN_POLL_MS,
            sleep: ctx.runtime.sleep,
            now: () => ctx.runtime.now().getTime(),
            progress: note,
          });
          finish(stage, result.timedOut ? `timed out with ${result.awsLeft} load balancer(s)/volume(s) left; orphan cleanup takes them` : `deleted ${result.deleted} objects`);
          return;
        }
        if (stage === 'destroy-platform' || stage === 'destroy-cluster') {
          const { name: stack, variables } = plan.stacks[stage === 'destroy-platform' ? 'platform' : 'cluster'];
          const exit = await ctx.runtime.run('npx', ['cdktf', 'destroy', stack, '--auto-approve'], { ...variables, CHECKPOINT_DISABLE: '1' });
          if (exit !== 0) throw new Error(`cdktf destroy ${stack} exited ${exit}; fix the cause`);
          finish(stage);
          return;
        }
        const report = await cleanupBuild(cleanupDeps(clients, ctx.runtime.sleep, note), scope);
        note(renderCleanup(report, true));
        deleted = report.deleted;
        left = report.left;
        if (left > 0) throw new Error(`${left} resource(s) of the build left`);
        finish(stage, `deleted ${deleted}`);
      };

      for (const stage of todo) {
        let ok = true;
        try {
          // cdktf destroy writes to the terminal itself: its stages are announced as lines, not drawn live.
          await progress.stage(stage, () => runStage(stage), { drawsOnTerminal: stage === 'destroy-platform' || stage === 'destroy-cluster' });
        } catch (err) {
          const failure = classifyAwsFailure(err);
          note(`${stage}: failed: ${failure === undefined ? (err as Error).message : `${failure.message} — ${failure.hint}`}; re-run teardown to resume here`);
          ok = false;
          // Expired credentials or a lost network mid-teardown exit with their own code, so CI can tell them from a failed stage.
          if (failure !== undefined) code = failure.exitCode;
        }
        if (!ok) {
          if (code === EXIT.ok) code = EXIT.partialFailure;
          break;
        }
      }

      const end = ctx.runtime.now();
      const ledger = await recordLedgerRow(ctx, env, ledgerRow(ctx, env, { phase: 'teardown', buildId, start, end, exitCode: code, resourcesDeleted: deleted, resourcesLeft: left }));
      for (const line of ledgerWriteWarnings(ledger)) note(line);
      const remaining = remainingStages(state);
      printResult(
        ctx,
        opts.json === true,
        { env: env.name, buildId, stateFile, completed: state.completed, remaining, notes: state.notes, resourcesDeleted: deleted, resourcesLeft: left, ledger },
        remaining.length === 0 ? `teardown of ${buildId} complete` : `teardown of ${buildId} stopped before ${remaining[0]}; re-run to resume`,
      );
      ctx.exitWith(code);
    });
}
