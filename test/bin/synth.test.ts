import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `npm run synth` is `node bin/synth.cjs`: run it as that script does, with only the given selection variables. */
const REPO = resolve(__dirname, '../..');

function synth(args: readonly string[], vars: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GOLDENPATH_') && !k.startsWith('CDKTF_')));
  return new Promise((done) => {
    execFile(process.execPath, ['bin/synth.cjs', ...args], { cwd: REPO, env: { ...env, ...vars } }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const BUILD = { GOLDENPATH_LIFECYCLE: 'ephemeral', GOLDENPATH_BUILD_ID: '26-01-23-01' };

describe('npm run synth (bin/synth.cjs)', () => {
  it('writes to --output and removes the stack folders the new manifest no longer names', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gp-synth-cli-')), 'out');
    expect((await synth(['--output', out], BUILD)).code).toBe(0);
    expect(readdirSync(join(out, 'stacks')).sort()).toEqual(['dev-b-26-01-23-01-cluster', 'dev-b-26-01-23-01-platform', 'dev-bootstrap', 'dev-database', 'dev-dns', 'dev-network']);
    const again = await synth([`--output=${out}`], {});
    expect(again.code).toBe(0);
    expect(readdirSync(join(out, 'stacks')).sort()).toEqual(['dev-bootstrap', 'dev-cluster', 'dev-database', 'dev-dns', 'dev-network', 'dev-platform']);
    expect(again.stdout).toBe('Generated Terraform code for the stacks: dev-bootstrap, dev-cluster, dev-database, dev-dns, dev-network, dev-platform\n');
  });

  it('prints only the app\'s message and exits 2 on bad input', async () => {
    const r = await synth(['--output', join(mkdtempSync(join(tmpdir(), 'gp-synth-cli-')), 'out')], { GOLDENPATH_ENV: 'nope' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^goldenpath: invalid selection\n {2}GOLDENPATH_ENV: unknown environment "nope"[^\n]*\n$/);
  });

  it('refuses an argument it does not know, naming it', async () => {
    const r = await synth(['--outptu', 'x'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('synth: unknown argument --outptu');
  });
});
