import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { defineEnvironment } from '../../../envs/schema';
import { dev } from '../../../envs/dev';
import { prod } from '../../../envs/prod';
import { ciSessionSeconds } from '../../../contract/ci/sessions';
import { buildsDisabledProblem, envFacts, formatFacts, remoteStateProblem } from '../../../ops/ci/env-facts';

const REPO = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(REPO, 'ops', 'ci', 'env-facts.ts');
const withState = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-west-2', keyPrefix: 'goldenpath' } });
const local = defineEnvironment(dev);

describe('env facts for workflows', () => {
  it('reads region, account and the CI roles of the env from its definition', () => {
    expect(envFacts(local)).toMatchObject({
      env: 'dev',
      account_id: dev.account.id,
      region: dev.account.region,
      ephemeral_enabled: 'true',
      deploy_role_arn: `arn:aws:iam::${dev.account.id}:role/goldenpath-dev-ci-deploy`,
      build_role_arn: `arn:aws:iam::${dev.account.id}:role/goldenpath-dev-ci-build`,
      reaper_role_arn: `arn:aws:iam::${dev.account.id}:role/goldenpath-dev-ci-reaper`,
      validation_role_arn: `arn:aws:iam::${dev.account.id}:role/goldenpath-dev-ci-validation`,
    });
  });

  it('gives each role the session length of the contract, for role-duration-seconds', () => {
    expect(envFacts(local).deploy_role_duration_seconds).toBe(String(ciSessionSeconds('deploy')));
    expect(envFacts(local).build_role_duration_seconds).toBe(String(ciSessionSeconds('build')));
  });

  it('refuses a build in an env that does not enable them, naming the field and file', () => {
    expect(buildsDisabledProblem(defineEnvironment(prod))).toMatch(/env "prod" does not enable ephemeral builds.*ephemeral\.enabled.*envs\/prod\.ts/);
    expect(buildsDisabledProblem(local)).toBeUndefined();
  });

  it('names the state location: the env prefix in the bucket, or local', () => {
    expect(envFacts(withState).state_backend).toBe('s3://goldenpath-state-111111111111/goldenpath/dev/');
    expect(envFacts(local).state_backend).toBe('local');
  });

  it("names the runs-on of the jobs that reach each cluster's API as JSON for fromJSON, with the env's choice", () => {
    const facts = envFacts(local);
    expect(JSON.parse(facts.runner_persistent!)).toEqual(dev.cluster.apiAccess.persistent.runsOn);
    expect(facts.api_access_persistent).toBe(dev.cluster.apiAccess.persistent.via);
    expect(JSON.parse(facts.runner_builds!)).toEqual(local.cluster.apiAccess.builds.runsOn);
    expect(facts.api_access_builds).toBe(dev.cluster.apiAccess.builds.via);
  });

  it('prints every env\'s persistent runs-on by env for a matrix over envs', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, '--all-envs'], { cwd: REPO, encoding: 'utf8' });
    const runners = JSON.parse(/^persistent_runners=(.+)\n$/.exec(out)![1]!) as Record<string, string[]>;
    expect(Object.keys(runners)).toEqual(['dev', 'staging', 'prod']);
    expect(runners.prod).toEqual(['self-hosted', 'linux', 'goldenpath-prod']);
  });

  it('formats key=value lines for $GITHUB_OUTPUT', () => {
    expect(formatFacts({ a: '1', b: 'x' })).toBe('a=1\nb=x\n');
  });

  it('refuses local state for a CI deploy, naming the fix', () => {
    expect(remoteStateProblem(local)).toMatch(/no stateBackend.*add stateBackend \{ bucket, region, keyPrefix \} to envs\/dev\.ts/);
    expect(remoteStateProblem(withState)).toBeUndefined();
  });

  it('prints the facts of an env as a script', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, '--env', 'staging'], { cwd: REPO, encoding: 'utf8' });
    expect(out).toMatch(/^env=staging\naccount_id=\d{12}\nregion=[a-z0-9-]+\n/);
    expect(out).toMatch(/\ndeploy_role_arn=arn:aws:iam::\d{12}:role\/goldenpath-staging-ci-deploy\n/);
    expect(out).toMatch(/\nstate_backend=\S+\n$/);
    expect(out).toMatch(/\nrunner_persistent=\[.+\]\nrunner_builds=\[.+\]\napi_access_persistent=[a-z-]+\napi_access_builds=[a-z-]+\n/);
  });

  it('exits 2 naming the known envs for an unknown env', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--env', 'qa'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown environment "qa": known environments are dev, staging, prod/);
    expect(run.stdout).toBe('');
  });
});

describe('env facts guards', () => {
  it('refuses an env that still carries example values, naming field and file, before anything else', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--env', 'dev', '--refuse-example-values', '--require-remote-state'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/env "dev" still carries example values: account\.id in envs\/dev\.ts is the example account 111111111111/);
    expect(run.stderr).toMatch(/dns\.zoneId in envs\/dev\.ts is the example zone id Z0DEVZONE00001/);
    expect(run.stdout).toBe('');
  });

  it('refuses a build in prod, which does not enable them', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--env', 'prod', '--require-builds'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/env "prod" does not enable ephemeral builds/);
  });
});
