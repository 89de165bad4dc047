import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../ops/exit-codes';

/** The real entry (ops/bin/goldenpath.cjs) as a user runs it: its loader, not jest's, compiles the TypeScript. */
function goldenpath(args: readonly string[], vars: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'ops', 'bin', 'goldenpath.cjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'gp-home-')), GOLDENPATH_LEDGER_DIR: mkdtempSync(join(tmpdir(), 'gp-ledger-')), AWS_EC2_METADATA_DISABLED: 'true', ...vars },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the goldenpath executable', () => {
  it('loads a command module and answers --json with one object (exit 2 for an empty local ledger)', () => {
    const r = goldenpath(['ledger', '--env', 'dev', '--json']);
    expect(r.status).toBe(EXIT.usage);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 2, message: expect.stringMatching(/^no local ledger cache at /) });
  });

  it('names missing credentials and the env account in one line, exit 5, no stack', () => {
    const r = goldenpath(['builds', '--env', 'dev']);
    expect(r.status).toBe(EXIT.credentials);
    expect(r.stderr).toMatch(/goldenpath: no AWS credentials found .* — set AWS_PROFILE .* \(env dev: account \d{12}/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('finishes quietly, exit 0, when its reader stops early (goldenpath --help | head -1)', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'ops', 'bin', 'goldenpath.cjs'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Like head: read the first chunk, then close the pipe before the rest is written.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect([code, stderr]).toEqual([0, '']);
  });
});
