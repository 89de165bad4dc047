import type { Command } from 'commander';
import { envIdentity } from '../../contract/naming';
import { assertCallerMatchesEnv } from '../aws/identity';
import type { envBuildResources } from './discover-builds';
import { join } from 'node:path';
import { envOrUsage, ledgerDir, printResult, progressOf, type CommandContext } from '../command-context';
import { estimateHourlyCost, priceKeysOf, type CostEstimate } from './cost-estimate';
import { liveBuilds, type LiveBuild } from './live-builds';
import type { livePrices } from './price-list';
import { EXIT } from '../exit-codes';

type PricedBuild = Omit<LiveBuild, 'costInventory'> & { readonly cost: CostEstimate };

function describe(b: PricedBuild): string {
  const types = Object.entries(b.resourcesByType)
    .sort(([a], [c]) => a.localeCompare(c))
    .map(([t, n]) => `${t}=${n}`)
    .join(' ');
  const flag = b.expired ? '  EXPIRED' : b.expiryProblems.length > 0 ? '  EXPIRY UNKNOWN (never reaped)' : '';
  const unpriced = b.cost.unpriced.length > 0 ? ` (+ unpriced: ${b.cost.unpriced.join(', ')})` : '';
  return [
    `${b.buildId}${flag}`,
    `  age ${b.ageHours === undefined ? 'unknown' : `${b.ageHours} h`}, expires ${b.expiresAt ?? 'never (no valid tag)'}`,
    ...b.expiryProblems.map((p) => `  expiry: ${p}`),
    `  ${b.resourceCount} resources: ${types}`,
    `  ~$${b.cost.usdPerHour.toFixed(4)}/h${unpriced}`,
  ].join('\n');
}

/**
 * The EC2, tagging and pricing SDK packages, loaded once the identity is known to be the env's
 * (require, like the command registry: the CLI's TypeScript loader compiles it).
 */
function discovery(): { envBuildResources: typeof envBuildResources; livePrices: typeof livePrices } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return { ...(require('./discover-builds') as { envBuildResources: typeof envBuildResources }), ...(require('./price-list') as { livePrices: typeof livePrices }) };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('builds')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: { env: string; json?: boolean }) => {
      const env = envOrUsage(opts.env);
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      const { envBuildResources, livePrices } = discovery();
      progressOf(ctx, opts.json === true).note(`listing build resources of env ${env.name} in ${env.account.region}`);
      const live = liveBuilds(await envBuildResources(clients, env.name), { ...envIdentity(env), ttlHours: env.ephemeral.ttlHours }, ctx.runtime.now());
      const prices = await livePrices({
        pricing: clients.pricing,
        region: env.account.region,
        keys: live.flatMap((b) => priceKeysOf(b.costInventory)),
        cacheFile: join(ledgerDir(ctx.runtime.vars), 'prices', `${env.account.region}.json`),
        now: ctx.runtime.now(),
      });
      const builds: PricedBuild[] = live.map(({ costInventory, ...b }) => ({ ...b, cost: estimateHourlyCost(costInventory, prices) }));
      const expired = builds.filter((b) => b.expired).length;
      const text =
        builds.length === 0
          ? `no live builds in env ${env.name}`
          : [
              `${builds.length} live build(s) in env ${env.name} (cap ${env.ephemeral.maxConcurrentBuilds}), ${expired} expired`,
              ...builds.map(describe),
              `costs: ${prices.basis}`,
            ].join('\n');
      printResult(ctx, opts.json === true, { env: env.name, cap: env.ephemeral.maxConcurrentBuilds, prices: { source: prices.source, basis: prices.basis }, builds }, text);
      if (expired > 0) ctx.exitWith(EXIT.findings);
    });
}
