import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, commandModules, runCli } from '../../ops/cli';
import { EXIT } from '../../ops/exit-codes';
import { testRuntime } from './support/runtime';

describe('goldenpath CLI', () => {
  it('registers a command group from every module in ops/commands', () => {
    const names = buildProgram({ runtime: testRuntime(undefined), exitWith: () => undefined }).commands.map((c) => c.name());
    expect(names).toEqual(expect.arrayContaining(['builds', 'ledger', 'orphans', 'preflight', 'teardown']));
    expect(commandModules().length).toBe(names.length);
  });

  it('documents the exit codes in --help', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['--help'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/Exit codes:[\s\S]*3 {2}safety refusal/);
  });

  it('exits 2 on an unknown option', async () => {
    expect(await runCli(['orphans', '--env', 'dev', '--nope'], testRuntime(undefined))).toBe(EXIT.usage);
  });

  it('exits 2 naming the known envs for an unknown env', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['builds', '--env', 'qa'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/known environments are dev, staging, prod/);
  });

  it('exits 2 for a build id that breaks the naming rules', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['orphans', '--env', 'dev', '--build-id', 'B--12'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/--build-id "B--12" must be lowercase/);
  });

  it('rejects a module in ops/commands that does not export register', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmds-'));
    writeFileSync(join(dir, 'broken.js'), 'module.exports = {};');
    expect(() => buildProgram({ runtime: testRuntime(undefined), exitWith: () => undefined }, commandModules(dir))).toThrow(/must export register/);
  });
});
