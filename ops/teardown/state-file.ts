import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors';
import { TEARDOWN_STAGES, type TeardownState } from './stages';

export function stateFilePath(ledgerDir: string, env: string, buildId: string): string {
  return join(ledgerDir, 'teardown', `${env}-${buildId}.json`);
}

export function readState(file: string): TeardownState | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const damaged = new UsageError(`${file} is not a teardown state file: delete it to start the teardown from the beginning`);
  let state: Partial<TeardownState> | null;
  try {
    state = JSON.parse(raw) as Partial<TeardownState> | null;
  } catch {
    throw damaged;
  }
  const completed = state?.completed;
  if (!Array.isArray(state?.notes) || !Array.isArray(completed) || completed.some((s) => !(TEARDOWN_STAGES as readonly string[]).includes(s))) throw damaged;
  return state as TeardownState;
}

/** Written to a temp file and renamed, so an interruption never leaves half a state file. */
export function writeState(file: string, state: TeardownState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}
