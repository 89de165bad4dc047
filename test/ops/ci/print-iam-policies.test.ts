import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ciRoles } from '../../../contract/ci/ci-roles';
import { loadEnvironment } from '../../../envs';

const REPO = resolve(__dirname, '..', '..', '..');
const SCRIPT = join(REPO, 'ops', 'ci', 'print-iam-policies.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: REPO, encoding: 'utf8' });

describe('print-iam-policies', () => {
  it('prints every CI role of the env exactly as generated: roleName, roleArn, trust, policy, boundary', () => {
    const out = run(['--env', 'dev', '--repository', 'acme/platform']);
    expect(out.status).toBe(0);
    const printed = JSON.parse(out.stdout) as Record<string, Record<string, unknown>>;
    const roles = ciRoles(loadEnvironment('dev'), 'acme/platform');
    expect(Object.keys(printed).sort()).toEqual(['build', 'deploy', 'reaper', 'validation']);
    for (const [key, role] of Object.entries(roles)) {
      expect(printed[key]).toEqual(JSON.parse(JSON.stringify({ roleName: role.roleName, roleArn: role.roleArn, trust: role.trust, policy: role.policy, boundary: role.boundary })));
    }
  });

  it("defaults to the env's repository and prints no build role where builds are disabled", () => {
    const out = run(['--env', 'prod']);
    expect(out.status).toBe(0);
    expect(Object.keys(JSON.parse(out.stdout)).sort()).toEqual(['deploy', 'reaper', 'validation']);
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
