import type { Command } from 'commander';
import { GetParametersCommand } from '@aws-sdk/client-ssm';
import { KEYCLOAK_ADMIN_SECRET, keycloak } from '../../contract/catalog/apps/keycloak';
import { DatabaseFoundationSchema } from '../../contract/foundation';
import { boundaryArn } from '../../contract/ci/boundaries';
import { ACKNOWLEDGE_EXAMPLE_VALUES_VARIABLE, exampleValueProblems } from '../../contract/example-values';
import { appDatabaseSecretName, databaseIdentifier, envIdentity, foundationParameterName } from '../../contract/naming';
import type { Plan } from '../../contract/plan';
import type { Environment } from '../../envs/schema';
import { probeDatabaseFromCluster } from '../kube/database-probe';
import { eksToken } from '../kube/eks-token';
import { httpsKubeApi } from '../kube/kube-api';
import { clusterEndpoint } from '../teardown/aws-facts';
import { assertCallerMatchesEnv } from '../aws/identity';
import { envBuildResources } from '../builds/discover-builds';
import { liveBuilds } from '../builds/live-builds';
import { buildIdOrUsage, envOrUsage, planOf, printResult, progressOf, type CommandContext } from '../command-context';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { evaluatePreflight, type CheckResult } from './checks';
import { gatherPlatformFacts, gatherPreflightFacts } from './gather';
import { evaluatePlatformPreflight, type ReachFacts } from './platform-checks';
import { evaluateRunnerReach, observedRunner } from './runner-checks';

/** Where in a deploy preflight runs. */
export const PREFLIGHT_STAGES = ['runner', 'foundation', 'platform'] as const;

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('preflight')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--build-id <id>', 'the build about to be created (ephemeral); omit for the persistent clusters')
    .option('--allow-reuse', 'the build id may already be live (re-deploying the same build)')
    .option(
      '--stage <stage>',
      `${PREFLIGHT_STAGES.join(' | ')}: on the runner that will create the cluster, whether it can reach the cluster API (runner); before the cluster stack (foundation); after it and before the platform stack starts the apps (platform)`,
      'foundation',
    )
    .option('--egress-ip <address>', 'runner stage: the public egress address of this runner (default: RUNNER_EGRESS_IP)')
    .option('--runner-labels <labels>', 'runner stage: comma-separated labels of this runner (default: RUNNER_LABELS)')
    .option('--json', 'machine-readable output on stdout')
    .option('--examples-only', 'only check (offline) that the env carries none of the example values it ships with')
    .action(async (opts: { env: string; buildId?: string; allowReuse?: boolean; stage: string; egressIp?: string; runnerLabels?: string; json?: boolean; examplesOnly?: boolean }) => {
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
      if (!(PREFLIGHT_STAGES as readonly string[]).includes(opts.stage)) throw new UsageError(`--stage must be one of ${PREFLIGHT_STAGES.join(', ')}, got "${opts.stage}"`);
      const plan = planOf(env, buildId);
      const { maxTier } = plan;
      // Needs no AWS: what this runner can reach follows from the env's choice and what the runner observes.
      if (opts.stage === 'runner') {
        const result = evaluateRunnerReach({ env: env.name, lifecycle: plan.lifecycle, apiAccess: env.cluster.apiAccess }, observedRunner(opts, ctx.runtime.vars));
        report(ctx, opts.json === true, { env: env.name, buildId, maxTier, stage: opts.stage }, [result]);
        return;
      }
      const needsDatabase = plan.capabilities.has('rds');
      const clients = ctx.runtime.aws(env.account.region);
      await assertCallerMatchesEnv(clients.sts, env, ctx.runtime.vars);
      progressOf(ctx, opts.json === true).note(`preflight (${opts.stage}) of env ${env.name}${buildId ? ` build ${buildId}` : ''} (maxTier ${maxTier})`);
      if (opts.stage === 'platform') {
        const results = await platformStage(ctx, env, plan);
        report(ctx, opts.json === true, { env: env.name, buildId, maxTier, stage: opts.stage }, results);
        return;
      }
      const facts = await gatherPreflightFacts(clients, env.name, databaseIdentifier(env.name), needsDatabase, async () =>
        buildId === undefined
          ? []
          : liveBuilds(await envBuildResources(clients, env.name), { ...envIdentity(env), ttlHours: env.ephemeral.ttlHours }, ctx.runtime.now()).map((b) => b.buildId),
      );
      const results = evaluatePreflight(
        {
          env: env.name,
          zoneName: plan.names.envZone,
          databaseIdentifier: databaseIdentifier(env.name),
          needsDatabase,
          buildId,
          pinnedZoneId: env.dns.zoneId,
          allowReuse: opts.allowReuse === true,
          maxConcurrentBuilds: env.ephemeral.maxConcurrentBuilds,
        },
        facts,
      );
      report(ctx, opts.json === true, { env: env.name, buildId, maxTier, stage: opts.stage }, results);
    });
}

function report(ctx: CommandContext, json: boolean, head: Record<string, unknown>, results: readonly CheckResult[]): void {
  const failed = results.filter((r) => !r.ok);
  const text = [
    ...results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.check}: ${r.detail}${r.fix ? `\n     fix: ${r.fix}` : ''}`),
    failed.length === 0 ? 'preflight passed' : `preflight failed: ${failed.length} check(s)`,
  ].join('\n');
  printResult(ctx, json, { ...head, ok: failed.length === 0, checks: results }, text);
  if (failed.length > 0) ctx.exitWith(EXIT.findings);
}

/** Seconds the in-cluster database probe may take, Pod scheduling and image pull included. */
const DATABASE_PROBE_TIMEOUT_S = 180;

/**
 * After the cluster stack, before the platform stack starts the apps:
 * ExternalDNS scoped to its owner; from tier 2 each selected app's database
 * secret and the database reachable from inside the cluster; at tier 3 the
 * Secret the OIDC config app logs in to Keycloak with.
 */
async function platformStage(ctx: CommandContext, env: Environment, plan: Plan): Promise<CheckResult[]> {
  const apps = [...plan.apps].sort((a, b) => a.syncWave - b.syncWave);
  const appSecrets = apps.flatMap((a) => (a.database === undefined ? [] : [{ app: a.name, secretName: appDatabaseSecretName(env.name, a.database) }]));
  const needsKeycloak = apps.some((a) => a.name === keycloak.name);
  const clients = ctx.runtime.aws(env.account.region);
  const cluster = plan.names.cluster;
  const kube = async () => {
    const endpoint = await clusterEndpoint(clients, cluster);
    if (endpoint === undefined) return undefined;
    const make = ctx.runtime.kube ?? httpsKubeApi;
    return make({ ...endpoint, token: () => eksToken(cluster, env.account.region, clients.sts.config.credentials) });
  };
  const probeDatabase = async (): Promise<ReachFacts> => {
    const raw = (await clients.ssm.send(new GetParametersCommand({ Names: [foundationParameterName(env.name, 'database')] }))).Parameters?.[0]?.Value;
    const doc = DatabaseFoundationSchema.safeParse(raw === undefined ? undefined : JSON.parse(raw));
    if (!doc.success) return { ok: false, detail: `the database foundation document is missing or invalid (deploy ${env.name}-database)` };
    const api = await kube();
    if (api === undefined) return { ok: false, detail: `cluster ${cluster} does not exist` };
    return probeDatabaseFromCluster(api, {
      host: doc.data.address,
      port: doc.data.port,
      timeoutMs: DATABASE_PROBE_TIMEOUT_S * 1000,
      pollMs: 5000,
      sleep: ctx.runtime.sleep,
      now: () => ctx.runtime.now().getTime(),
    });
  };
  const keycloakSecretPath = `/api/v1/namespaces/${keycloak.namespace}/secrets/${KEYCLOAK_ADMIN_SECRET}`;
  const facts = await gatherPlatformFacts(clients, env.name, {
    externalDnsRoleName: plan.names.roles['external-dns'],
    appSecretNames: appSecrets.map((s) => s.secretName),
    ...(appSecrets.length === 0 ? {} : { probeDatabase }),
    ...(needsKeycloak
      ? {
          keycloakAdminSecret: {
            path: keycloakSecretPath,
            get: async (path: string) => (await kube())?.get(path),
          },
        }
      : {}),
  });
  return evaluatePlatformPreflight(
    {
      env: env.name,
      buildId: plan.buildId,
      ownerId: plan.names.dnsOwnerId,
      externalDnsRoleName: plan.names.roles['external-dns'],
      workloadBoundaryArn: boundaryArn(env, 'workload-boundary'),
      clusterStack: plan.stacks.cluster,
      appSecrets,
      ...(needsKeycloak ? { keycloakAdminSecret: `${keycloak.namespace}/${KEYCLOAK_ADMIN_SECRET}` } : {}),
    },
    facts,
  );
}
