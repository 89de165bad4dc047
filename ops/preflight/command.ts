import type { Command } from 'commander';
import { ACKNOWLEDGE_EXAMPLE_VALUES_VARIABLE, exampleValueProblems } from '../../contract/example-values';
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
    .description('Check that an env (and a new build) can be deployed: foundation documents, zone, database, build id, capacity')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--build-id <id>', 'the build about to be created (ephemeral); omit for the persistent clusters')
    .option('--allow-reuse', 'the build id may already be live (re-deploying the same build)')
    .option('--json', 'machine-readable output on stdout')
    .option('--examples-only', 'only check (offline) that the env carries none of the example values it ships with')
    .action(async (opts: { env: string; buildId?: string; allowReuse?: boolean; json?: boolean; examplesOnly?: boolean }) => {
      const env = envOrUsage(opts.env);
      // An env that still carries the shipped example values is not meant for a real account: refuse before any AWS call.
      const examples = exampleValueProblems(env);
      if (opts.examplesOnly === true || (examples.length > 0 && ctx.runtime.vars[ACKNOWLEDGE_EXAMPLE_VALUES_VARIABLE] !== '1')) {
        const results = examples.map((detail) => ({ check: 'no example values', ok: false, detail, fix: 'set the env\'s own value (README, Day 0 step 1)' }));
        const text = examples.length === 0 ? `env ${env.name} carries no example values` : [...results.map((r) => `FAIL ${r.check}: ${r.detail}`), `preflight failed: ${examples.length} example value(s)`].join('\n');
        printResult(ctx, opts.json === true, { env: env.name, ok: examples.length === 0, checks: results }, text);
        if (examples.length > 0) ctx.exitWith(EXIT.findings);
        return;
      }
      const buildId = opts.buildId === undefined ? undefined : buildIdOrUsage(env, opts.buildId);
      const plan = planOf(env, buildId);
      const { maxTier } = plan;
      const needsDatabase = plan.capabilities.has('rds');
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      progressOf(ctx, opts.json === true).note(`preflight of env ${env.name}${buildId ? ` build ${buildId}` : ''} (maxTier ${maxTier})`);
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
