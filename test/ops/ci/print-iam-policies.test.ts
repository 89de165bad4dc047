import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ciRoles } from '../../../contract/ci/ci-roles';
import { loadEnvironment } from '../../../envs';

const REPO = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(REPO, 'ops', 'ci', 'print-iam-policies.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: REPO, encoding: 'utf8' });

describe('print-iam-policies', () => {
  it('prints both roles of the env exactly as generated, as JSON', () => {
    const out = run(['--env', 'prod', '--repository', 'goldenpath-idp/goldenpath-infra']);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(ciRoles(loadEnvironment('prod'), 'goldenpath-idp/goldenpath-infra'))));
  });

  it('exits 2 naming the expected form of a bad repository, printing nothing', () => {
    const out = run(['--env', 'dev', '--repository', 'goldenpath-infra']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/repository "goldenpath-infra" must be a GitHub owner\/name/);
    expect(out.stdout).toBe('');
  });

  it('exits 2 naming the known envs for an unknown env', () => {
    const out = run(['--env', 'qa', '--repository', 'o/r']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/known environments are dev, staging, prod/);
  });
});
