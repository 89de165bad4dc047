import { buildProgram, runCli } from '../../ops/cli';
import { COMMANDS, entriesFor } from '../../ops/command-registry';
import { EXIT } from '../../ops/exit-codes';
import { testRuntime } from './support/runtime';

const context = () => ({ runtime: testRuntime(undefined), exitWith: () => undefined });

describe('goldenpath CLI', () => {
  it('registers every command of the registry, in registry order', async () => {
    const names = (await buildProgram(context())).commands.map((c) => c.name());
    expect(names).toEqual(COMMANDS.map((c) => c.name));
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('the %s module registers exactly the command its registry entry names', async (name, entry) => {
    const names = (await buildProgram(context(), [entry])).commands.map((c) => c.name());
    expect(names).toEqual([name]);
  });

  it('loads only the command the first argument names', () => {
    expect(entriesFor(['teardown', '--env', 'dev']).map((e) => e.name)).toEqual(['teardown']);
  });

  it('loads every command for top-level help and for an unknown command', () => {
    expect(entriesFor(['--help'])).toBe(COMMANDS);
    expect(entriesFor(['bulids'])).toBe(COMMANDS);
  });

  it('documents the exit codes in --help', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['--help'], rt)).toBe(EXIT.ok);
    expect(rt.out.join('')).toMatch(/Exit codes:[\s\S]*3 {2}safety refusal/);
  });

  it('exits 2 on an unknown command, suggesting the close one', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['bulids', '--env', 'dev'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/unknown command 'bulids'[\s\S]*builds/);
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
});
