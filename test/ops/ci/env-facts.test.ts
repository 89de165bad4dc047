import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { defineEnvironment } from '../../../envs/schema';
import { dev } from '../../../envs/dev';
import { envFacts, formatFacts, remoteStateProblem } from '../../../ops/ci/env-facts';

const REPO = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(REPO, 'ops', 'ci', 'env-facts.ts');
const withState = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-west-2', keyPrefix: 'goldenpath' } });
const local = defineEnvironment(dev);

describe('env facts for workflows', () => {
  it('reads region, account and the deploy role from the env definition', () => {
    expect(envFacts(local)).toMatchObject({
      env: 'dev',
      account_id: dev.account.id,
      region: dev.account.region,
      ci_deploy_role_arn: dev.cluster.ciDeployRoleArn,
    });
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
    expect(out).toMatch(/^env=staging\naccount_id=\d{12}\nregion=[a-z0-9-]+\nci_deploy_role_arn=arn:aws:iam::\d{12}:role\/\S+\nrunner_persistent=\[.+\]\nrunner_builds=\[.+\]\napi_access_persistent=[a-z-]+\napi_access_builds=[a-z-]+\nstate_backend=\S+\n$/);
  });

  it('exits 2 naming the known envs for an unknown env', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--env', 'qa'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown environment "qa": known environments are dev, staging, prod/);
    expect(run.stdout).toBe('');
  });
});
