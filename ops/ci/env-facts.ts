import { Command } from 'commander';
import { posix } from 'node:path';
import { CI_ROLE_KEYS, ciRoleName } from '../../contract/ci/names';
import { ciSessionSeconds } from '../../contract/ci/sessions';
import { exampleValueProblems } from '../../contract/example-values';
import { accountScope, roleArn } from '../../contract/iam/arn';
import { stateKey } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import { ENVIRONMENT_NAMES, loadEnvironment, type Environment } from '../../envs';

/**
 * What a workflow needs to know about an env, read from its definition so the
 * region, the account and the deploy role are never re-typed in YAML.
 * Prints `key=value` lines for `$GITHUB_OUTPUT`.
 */
export function envFacts(env: Environment): Record<string, string> {
  const backend = env.stateBackend;
  return {
    env: env.name,
    account_id: env.account.id,
    region: env.account.region,
    ephemeral_enabled: String(env.ephemeral.enabled),
    // Each CI role's ARN and the session length that covers its longest job (contract/ci/sessions.ts).
    ...Object.fromEntries(
      CI_ROLE_KEYS.flatMap((key) => [
        [`${key}_role_arn`, roleArn(accountScope(env.account), ciRoleName(env.name, key))],
        [`${key}_role_duration_seconds`, String(ciSessionSeconds(key))],
      ]),
    ),
    // runs-on (a JSON label list, for fromJSON) and the choice of every job that talks to a cluster API (cluster.apiAccess).
    runner_persistent: JSON.stringify(env.cluster.apiAccess.persistent.runsOn),
    runner_builds: JSON.stringify(env.cluster.apiAccess.builds.runsOn),
    api_access_persistent: env.cluster.apiAccess.persistent.via,
    api_access_builds: env.cluster.apiAccess.builds.via,
    // The folder of the env's state keys (contract stateKey); builds sit below it.
    state_backend: backend === undefined ? 'local' : `s3://${backend.bucket}/${posix.dirname(stateKey(backend.keyPrefix, persistent(env.name), env.name))}/`,
  };
}

/**
 * A CI runner's disk is gone when the job ends, and the teardown job runs on
 * another runner than the deploy: state must be remote for any real deploy.
 */
export function remoteStateProblem(env: Environment): string | undefined {
  return env.stateBackend === undefined
    ? `env "${env.name}" has no stateBackend, so Terraform state would stay on the CI runner and be lost when the job ends; add stateBackend { bucket, region, keyPrefix } to envs/${env.name}.ts`
    : undefined;
}

/** The persistent clusters' runs-on of every env, by env name: a matrix over envs picks its runner from it. */
export function persistentRunners(envs: readonly Environment[]): Record<string, string> {
  return { persistent_runners: JSON.stringify(Object.fromEntries(envs.map((e) => [e.name, e.cluster.apiAccess.persistent.runsOn]))) };
}

/** A build in an env that does not enable them has no role to assume: say so before anything runs. */
export function buildsDisabledProblem(env: Environment): string | undefined {
  return env.ephemeral.enabled
    ? undefined
    : `env "${env.name}" does not enable ephemeral builds, so it has no build role; pick an env whose ephemeral.enabled is true, or set it in envs/${env.name}.ts and redeploy ${env.name}-bootstrap`;
}

export function formatFacts(facts: Record<string, string>): string {
  return Object.entries(facts)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
}

function main(argv: readonly string[]): number {
  const opts = new Command('env-facts')
    .description('Print the facts of an env definition as key=value lines (for $GITHUB_OUTPUT)')
    .option('--env <env>', 'environment name (envs/)')
    .option('--all-envs', "print only persistent_runners: every env's persistent runs-on, by env")
    .option('--require-remote-state', 'fail when the env keeps its Terraform state locally')
    .option('--require-builds', 'fail when the env does not enable ephemeral builds')
    .option('--refuse-example-values', 'fail when the env still carries the example values the repository ships with')
    .parse([...argv], { from: 'user' })
    .opts<{ env?: string; allEnvs?: boolean; requireRemoteState?: boolean; requireBuilds?: boolean; refuseExampleValues?: boolean }>();
  if ((opts.env === undefined) === (opts.allEnvs !== true)) {
    process.stderr.write('env-facts: pass exactly one of --env <env> or --all-envs\n');
    return 2;
  }
  let env: Environment;
  try {
    if (opts.env === undefined) {
      process.stdout.write(formatFacts(persistentRunners(ENVIRONMENT_NAMES.map(loadEnvironment))));
      return 0;
    }
    env = loadEnvironment(opts.env);
  } catch (err) {
    process.stderr.write(`env-facts: ${(err as Error).message}\n`);
    return 2;
  }
  const examples = opts.refuseExampleValues === true ? exampleValueProblems(env) : [];
  const problem =
    (examples.length > 0 ? `env "${env.name}" still carries example values: ${examples.join('; ')}` : undefined) ??
    (opts.requireRemoteState === true ? remoteStateProblem(env) : undefined) ??
    (opts.requireBuilds === true ? buildsDisabledProblem(env) : undefined);
  if (problem !== undefined) {
    process.stderr.write(`env-facts: ${problem}\n`);
    return 1;
  }
  process.stdout.write(formatFacts(envFacts(env)));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
