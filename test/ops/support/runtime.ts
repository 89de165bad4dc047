import { mkdtempSync } from 'node:fs';
import { ACKNOWLEDGE_EXAMPLE_VALUES_VARIABLE } from '../../../contract/example-values';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Runtime } from '../../../ops/runtime';
import type { FakeAws } from './fake-aws';

export interface TestRuntime extends Runtime {
  readonly out: string[];
  readonly err: string[];
  /** Every program run (cdktf destroy), with the selection variables it got. */
  readonly runs: { command: string; args: readonly string[]; vars: Readonly<Record<string, string>> }[];
  readonly ledgerDir: string;
}

/** A runtime over the fake AWS: no terminal, no real clock waits, a fresh ledger dir. */
export function testRuntime(fake: FakeAws | undefined, overrides: Partial<Runtime> = {}): TestRuntime {
  const out: string[] = [];
  const err: string[] = [];
  const runs: TestRuntime['runs'] = [];
  const ledgerDir = mkdtempSync(join(tmpdir(), 'gp-ledger-'));
  return {
    out,
    err,
    runs,
    ledgerDir,
    // The example envs run against the fake account; preflight would refuse their example values otherwise.
    vars: { GOLDENPATH_LEDGER_DIR: ledgerDir, [ACKNOWLEDGE_EXAMPLE_VALUES_VARIABLE]: '1' },
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    now: () => new Date('2026-01-23T12:00:00Z'),
    sleep: async () => undefined,
    interactive: false,
    confirm: async () => false,
    aws: () => {
      if (fake === undefined) throw new Error('this test must not reach AWS');
      return fake.clients();
    },
    run: async (command, args, vars) => {
      runs.push({ command, args, vars });
      return 0;
    },
    ...overrides,
  };
}
