import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeStage, initialState, remainingStages } from '../../../ops/teardown/stages';
import { readState, stateFilePath, writeState } from '../../../ops/teardown/state-file';

describe('teardown stages', () => {
  it('run drain, platform destroy, cluster destroy, then orphans', () => {
    expect(remainingStages(initialState('dev', '12'))).toEqual(['drain', 'destroy-platform', 'destroy-cluster', 'orphans']);
  });

  it('resume after the last completed stage', () => {
    const state = completeStage(completeStage(initialState('dev', '12'), 'drain', 'cluster already gone'), 'destroy-platform');
    expect(remainingStages(state)).toEqual(['destroy-cluster', 'orphans']);
    expect(state.notes).toEqual(['drain: cluster already gone']);
  });
});

describe('teardown state file', () => {
  it('round-trips the state', () => {
    const file = stateFilePath(mkdtempSync(join(tmpdir(), 'td-')), 'dev', '12');
    const state = completeStage(initialState('dev', '12'), 'drain');
    writeState(file, state);
    expect(readState(file)).toEqual(state);
  });

  it('reads a missing file as no progress', () => {
    expect(readState(join(tmpdir(), 'does-not-exist.json'))).toBeUndefined();
  });

  it('rejects a file that is not a teardown state and says how to start over', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'td-')), 'x.json');
    writeFileSync(file, JSON.stringify({ completed: ['explode'] }));
    expect(() => readState(file)).toThrow(/delete it to start the teardown from the beginning/);
  });
});
