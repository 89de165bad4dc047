import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkflows, REPO, stepsOf } from './support/workflows';

const engines = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const major = /^>=(\d+)$/.exec(engines)?.[1];
const setupNode = loadWorkflows().flatMap((wf) => stepsOf(wf).filter((s) => String(s.step.uses ?? '').startsWith('actions/setup-node@')));

describe('the Node version', () => {
  it('is a supported LTS in package.json engines (Node 20 reached end of life on 2026-04-30)', () => {
    expect(engines).toBe('>=24');
  });

  it.each(setupNode.map((s) => [s.where, s] as const))('%s sets up the engines major', (_where, s) => {
    expect(String(s.step.with?.['node-version'])).toBe(major);
  });

  it('is set up by every workflow job that runs npm', () => {
    expect(setupNode.length).toBeGreaterThanOrEqual(7);
  });
});
