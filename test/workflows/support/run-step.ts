import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StepRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the step appended to $GITHUB_OUTPUT, as key/value pairs. */
  readonly outputs: Record<string, string>;
  /** What the step appended to $GITHUB_STEP_SUMMARY. */
  readonly summary: string;
  readonly dir: string;
}

/**
 * Runs a step's `run:` script the way GitHub's `shell: bash` does
 * (`bash --noprofile --norc -eo pipefail`), with `stubs` (name → shell script)
 * first on PATH in place of the real programs, and `files` (path under
 * $RUNNER_TEMP → content) written before it starts.
 */
export function runStep(
  script: string,
  vars: Readonly<Record<string, string>>,
  stubs: Readonly<Record<string, string>>,
  files: Readonly<Record<string, string>> = {},
): StepRun {
  const dir = mkdtempSync(join(tmpdir(), 'gp-step-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const [name, body] of Object.entries(stubs)) {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const file = join(dir, 'step.sh');
  writeFileSync(file, script);
  const output = join(dir, 'github-output');
  writeFileSync(output, '');
  const summary = join(dir, 'step-summary.md');
  writeFileSync(summary, '');
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, RUNNER_TEMP: dir, TMPDIR: dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...vars },
    timeout: 30_000,
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(summary, 'utf8'), dir };
}
