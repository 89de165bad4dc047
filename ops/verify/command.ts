import type { Command } from 'commander';
import { TierSchema, type Tier } from '../../contract/lifecycle';
import { assertCallerMatchesEnv } from '../aws/identity';
import { buildIdOrUsage, envOrUsage, planOf, printResult, progressOf, type CommandContext } from '../command-context';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { eksToken } from '../kube/eks-token';
import { httpsKubeApi } from '../kube/kube-api';
import { clusterEndpoint } from '../teardown/aws-facts';
import { expectationOf } from './expected';
import { nodeHttpGet } from './http-probe';
import { verifyCluster } from './verify';

interface VerifyCommandOptions {
  env: string;
  buildId?: string;
  minTier: string;
  timeout: string;
  json?: boolean;
}

function minTierOf(text: string): Tier {
  const parsed = TierSchema.safeParse(Number(text.trim()));
  if (text.trim() === '' || !parsed.success) throw new UsageError(`--min-tier "${text}" must be one of the tiers 0, 1, 1.5, 2, 3`);
  return parsed.data;
}

function secondsOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 7200) throw new UsageError(`--timeout "${text}" must be a whole number of seconds from 1 to 7200`);
  return n;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--build-id <id>', 'the build to check; omit for the persistent cluster')
    .option('--min-tier <tier>', 'check the apps of this tier and above (the nightly validation: 2)', '0')
    .option('--timeout <seconds>', 'how long apps and hostnames may take', '1800')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: VerifyCommandOptions) => {
      const env = envOrUsage(opts.env);
      const buildId = opts.buildId === undefined ? undefined : buildIdOrUsage(env, opts.buildId);
      const minTier = minTierOf(opts.minTier);
      const timeoutS = secondsOf(opts.timeout);
      const plan = planOf(env, buildId);
      const expectation = expectationOf(plan, minTier);
      if (expectation.apps.length === 0) {
        throw new UsageError(`env ${env.name} selects no app of tier ${minTier} or above on this cluster (maxTier ${expectation.maxTier}); lower --min-tier or raise the env's tierCeiling`);
      }
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      const cluster = plan.names.cluster;
      const endpoint = await clusterEndpoint(clients, cluster);
      if (endpoint === undefined) throw new UsageError(`cluster ${cluster} does not exist: deploy it first, or check --env and --build-id`);
      const progress = progressOf(ctx, opts.json === true);
      progress.note(`verify ${cluster}: ${expectation.apps.length} app(s) of tier ${minTier}+ (maxTier ${expectation.maxTier}), ${expectation.hostnames.length} hostname(s)`);
      const kube = (ctx.runtime.kube ?? httpsKubeApi)({ ...endpoint, token: () => eksToken(cluster, env.account.region, clients.sts.config.credentials) });
      const checks = await verifyCluster(kube, ctx.runtime.http ?? nodeHttpGet, expectation, {
        timeoutMs: timeoutS * 1000,
        pollMs: 20_000,
        sleep: ctx.runtime.sleep,
        now: () => ctx.runtime.now().getTime(),
        progress: (line) => progress.note(line),
      });
      const failed = checks.filter((c) => !c.ok);
      const text = [
        ...checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`),
        failed.length === 0 ? 'verify passed' : `verify failed: ${failed.length} check(s); see docs/gitops-contract.md (a failing app stops the waves above it)`,
      ].join('\n');
      printResult(ctx, opts.json === true, { env: env.name, buildId, minTier, maxTier: expectation.maxTier, ok: failed.length === 0, checks }, text);
      if (failed.length > 0) ctx.exitWith(EXIT.findings);
    });
}
