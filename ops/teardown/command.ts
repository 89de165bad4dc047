import type { Command } from 'commander';
import { disposableStackName } from '../../contract/naming';
import { SELECTION_VARIABLES } from '../../contract/parse-selection';
import { ephemeral } from '../../contract/selection';
import { assertCallerMatchesEnv } from '../aws/identity';
import { buildScope } from '../cleanup/scope';
import { buildIdOrUsage, envOrUsage, ledgerDir, printResult, progressOf, type CommandContext } from '../command-context';
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
      const drainTimeoutS = Number(opts.drainTimeout);
      if (!Number.isFinite(drainTimeoutS) || drainTimeoutS < 0) throw new UsageError(`--drain-timeout "${opts.drainTimeout}" must be a number of seconds`);
      assertLedgerRowWritable(ctx, env, 'teardown', buildId);
      if (opts.yes !== true) {
        if (!ctx.runtime.interactive) throw new SafetyRefusal('teardown needs --yes when not run interactively (CI)');
        if (!(await ctx.runtime.confirm(`tear down build ${buildId} of env ${env.name}?`))) throw new SafetyRefusal('not confirmed: nothing done');
      }
      const progress = progressOf(ctx);
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      const scope = buildScope(env, buildId);
      const selection = ephemeral(env.name, buildId);
      const stateFile = stateFilePath(ledgerDir(ctx.runtime.vars), env.name, buildId);
      let state: TeardownState = readState(stateFile) ?? initialState(env.name, buildId);
      const todo = remainingStages(state);
      if (todo.length === 0) {
        printResult(ctx, opts.json === true, { env: env.name, buildId, stateFile, completed: state.completed, notes: state.notes }, `teardown of ${buildId} already complete (${stateFile}); run goldenpath orphans to re-check`);
        return;
      }
      if (state.completed.length > 0) progress(`resuming teardown of ${buildId} at ${todo[0]} (${stateFile})`);

      const start = ctx.runtime.now();
      let code: ExitCode = EXIT.ok;
      let deleted = 0;
      let left = 0;
      const finish = (stage: TeardownStage, note?: string): void => {
        state = completeStage(state, stage, note);
        writeState(stateFile, state);
        progress(`${stage}: done${note ? ` (${note})` : ''}`);
      };

      /** Runs one stage; false stops the teardown (state keeps what finished, so a re-run resumes here). */
      const runStage = async (stage: TeardownStage): Promise<boolean> => {
        if (stage === 'drain') {
          const endpoint = await clusterEndpoint(clients, scope.clusterName);
          if (endpoint === undefined) {
            finish(stage, `cluster ${scope.clusterName} already gone: drain skipped`);
            return true;
          }
          const kube = httpsKubeApi({ ...endpoint, token: () => eksToken(scope.clusterName, env.account.region, clients.sts.config.credentials) });
          const result = await drainCluster(kube, {
            awsLeft: () => buildLoadBalancersAndVolumes(clients, scope),
            timeoutMs: drainTimeoutS * 1000,
            pollMs: DRAIN_POLL_MS,
            sleep: ctx.runtime.sleep,
            now: () => ctx.runtime.now().getTime(),
            progress,
          });
          finish(stage, result.timedOut ? `timed out with ${result.awsLeft} load balancer(s)/volume(s) left; orphan cleanup takes them` : `deleted ${result.deleted} objects`);
          return true;
        }
        if (stage === 'destroy-platform' || stage === 'destroy-cluster') {
          const stack = disposableStackName(selection, stage === 'destroy-platform' ? 'platform' : 'cluster');
          const exit = await ctx.runtime.run('npx', ['cdktf', 'destroy', stack, '--auto-approve'], {
            [SELECTION_VARIABLES.env]: env.name,
            [SELECTION_VARIABLES.lifecycle]: 'ephemeral',
            [SELECTION_VARIABLES.buildId]: buildId,
            CHECKPOINT_DISABLE: '1',
          });
          if (exit !== 0) {
            progress(`${stage}: cdktf destroy ${stack} exited ${exit}; fix the cause and re-run teardown to resume here`);
            return false;
          }
          finish(stage);
          return true;
        }
        const report = await cleanupBuild(cleanupDeps(clients, ctx.runtime.sleep, progress), scope);
        progress(renderCleanup(report, true));
        deleted = report.deleted;
        left = report.left;
        if (left > 0) return false;
        finish(stage, `deleted ${deleted}`);
        return true;
      };

      for (const stage of todo) {
        progress(`${stage}: starting`);
        let ok: boolean;
        try {
          ok = await runStage(stage);
        } catch (err) {
          progress(`${stage}: failed: ${(err as Error).message}; re-run teardown to resume here`);
          ok = false;
        }
        if (!ok) {
          code = EXIT.partialFailure;
          break;
        }
      }

      const end = ctx.runtime.now();
      const ledger = await recordLedgerRow(ctx, env, ledgerRow(ctx, env, { phase: 'teardown', buildId, start, end, exitCode: code, resourcesDeleted: deleted, resourcesLeft: left }));
      for (const line of ledgerWriteWarnings(ledger)) progress(line);
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
