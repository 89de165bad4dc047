import type { Command } from 'commander';
import { databaseIdentifier } from '../../contract/naming';
import { assertCallerMatchesEnv } from '../aws/identity';
import { envBuildResources } from '../builds/discover-builds';
import { liveBuilds } from '../builds/live-builds';
import { buildIdOrUsage, envOrUsage, planOf, printResult, progressOf, type CommandContext } from '../command-context';
import { EXIT } from '../exit-codes';
import { evaluatePreflight } from './checks';
import { gatherPreflightFacts } from './gather';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('preflight')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--build-id <id>', 'the build about to be created (ephemeral); omit for the persistent clusters')
    .option('--allow-reuse', 'the build id may already be live (re-deploying the same build)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: { env: string; buildId?: string; allowReuse?: boolean; json?: boolean }) => {
      const env = envOrUsage(opts.env);
      const buildId = opts.buildId === undefined ? undefined : buildIdOrUsage(env, opts.buildId);
      const plan = planOf(env, buildId);
      const { maxTier } = plan;
      const needsDatabase = plan.capabilities.has('rds');
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      progressOf(ctx)(`preflight of env ${env.name}${buildId ? ` build ${buildId}` : ''} (maxTier ${maxTier})`);
      const facts = await gatherPreflightFacts(clients, env.name, databaseIdentifier(env.name), needsDatabase, async () =>
        buildId === undefined
          ? []
          : liveBuilds(await envBuildResources(clients, env.name), { name: env.name, baseDomain: env.dns.baseDomain, ttlHours: env.ephemeral.ttlHours }, ctx.runtime.now()).map((b) => b.buildId),
      );
      const results = evaluatePreflight(
        {
          env: env.name,
          zoneName: plan.names.envZone,
          databaseIdentifier: databaseIdentifier(env.name),
          needsDatabase,
          buildId,
          allowReuse: opts.allowReuse === true,
          maxConcurrentBuilds: env.ephemeral.maxConcurrentBuilds,
        },
        facts,
      );
      const failed = results.filter((r) => !r.ok);
      const text = [
        ...results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.check}: ${r.detail}${r.fix ? `\n     fix: ${r.fix}` : ''}`),
        failed.length === 0 ? 'preflight passed' : `preflight failed: ${failed.length} check(s)`,
      ].join('\n');
      printResult(ctx, opts.json === true, { env: env.name, buildId, maxTier, ok: failed.length === 0, checks: results }, text);
      if (failed.length > 0) ctx.exitWith(EXIT.findings);
    });
}
