import { envIdentity } from '../../contract/naming';
import { maxBuildIdLength } from '../../contract/build-id';
import { parseSelection, SelectionError } from '../../contract/parse-selection';
import { ENVIRONMENT_NAMES, loadEnvironment } from '../../envs';

function lookupEnv(name: string) {
  const env = loadEnvironment(name);
  return envIdentity(env);
}

function parse(vars: Record<string, string>) {
  return parseSelection(vars, lookupEnv);
}

function errorOf(vars: Record<string, string>): SelectionError {
  try {
    parse(vars);
  } catch (err) {
    if (err instanceof SelectionError) return err;
    throw err;
  }
  throw new Error(`selection ${JSON.stringify(vars)} was accepted`);
}

describe('parseSelection defaults', () => {
  it('selects the persistent dev clusters when nothing is set', () => {
    expect(parse({})).toEqual({ env: 'dev', lifecycle: 'persistent' });
  });

  it('treats empty and blank variables as unset', () => {
    expect(parse({ GOLDENPATH_ENV: '', GOLDENPATH_LIFECYCLE: '  ', GOLDENPATH_BUILD_ID: '' })).toEqual({ env: 'dev', lifecycle: 'persistent' });
  });

  it.each(ENVIRONMENT_NAMES.map((n) => [n]))('selects env %s from GOLDENPATH_ENV', (name) => {
    expect(parse({ GOLDENPATH_ENV: name })).toEqual({ env: name, lifecycle: 'persistent' });
  });

  it('selects a build from GOLDENPATH_LIFECYCLE=ephemeral and GOLDENPATH_BUILD_ID', () => {
    expect(parse({ GOLDENPATH_LIFECYCLE: 'ephemeral', GOLDENPATH_BUILD_ID: '26-01-23-01' })).toEqual({
      env: 'dev',
      lifecycle: 'ephemeral',
      buildId: '26-01-23-01',
    });
  });
});

describe('parseSelection rejects', () => {
  it('an unknown env, naming GOLDENPATH_ENV and the known envs', () => {
    const err = errorOf({ GOLDENPATH_ENV: 'nope' });
    expect(err.variable).toBe('GOLDENPATH_ENV');
    expect(err.message).toBe('GOLDENPATH_ENV: unknown environment "nope": known environments are dev, staging, prod (definitions live in envs/)');
  });

  it('an unknown lifecycle, naming GOLDENPATH_LIFECYCLE and the lifecycles', () => {
    const err = errorOf({ GOLDENPATH_LIFECYCLE: 'temporary' });
    expect(err.variable).toBe('GOLDENPATH_LIFECYCLE');
    expect(err.message).toBe('GOLDENPATH_LIFECYCLE: "temporary" is not a lifecycle; use one of persistent, ephemeral');
  });

  it('a buildId given for a persistent selection, naming GOLDENPATH_BUILD_ID and the fix', () => {
    const err = errorOf({ GOLDENPATH_BUILD_ID: '26-01-23-01' });
    expect(err.variable).toBe('GOLDENPATH_BUILD_ID');
    expect(err.message).toMatch(/^GOLDENPATH_BUILD_ID: is set \("26-01-23-01"\) but GOLDENPATH_LIFECYCLE is persistent.*unset it, or set GOLDENPATH_LIFECYCLE=ephemeral/);
  });

  it('an ephemeral selection without a buildId, naming GOLDENPATH_BUILD_ID and the CI form', () => {
    const err = errorOf({ GOLDENPATH_LIFECYCLE: 'ephemeral' });
    expect(err.variable).toBe('GOLDENPATH_BUILD_ID');
    expect(err.message).toBe('GOLDENPATH_BUILD_ID: is required when GOLDENPATH_LIFECYCLE=ephemeral (CI form: YY-MM-DD-NN, e.g. 26-01-23-01)');
  });

  it.each(['26-01-23-AB', '26--01', '-26-01', '26-01-', '26.01.23.01', '26_01_23_01'])(
    'the malformed buildId %s, naming GOLDENPATH_BUILD_ID and the character rule',
    (id) => {
      const err = errorOf({ GOLDENPATH_LIFECYCLE: 'ephemeral', GOLDENPATH_BUILD_ID: id });
      expect(err.variable).toBe('GOLDENPATH_BUILD_ID');
      expect(err.message).toMatch(new RegExp(`^GOLDENPATH_BUILD_ID: "${id.replace(/\./g, '\\.')}" must be lowercase letters, digits and single hyphens`));
    },
  );

  it.each(ENVIRONMENT_NAMES.map((n) => [n]))('a buildId too long for env %s, naming GOLDENPATH_BUILD_ID and the limit', (name) => {
    const max = maxBuildIdLength(lookupEnv(name));
    const err = errorOf({ GOLDENPATH_ENV: name, GOLDENPATH_LIFECYCLE: 'ephemeral', GOLDENPATH_BUILD_ID: 'a'.repeat(max + 1) });
    expect(err.variable).toBe('GOLDENPATH_BUILD_ID');
    expect(err.message).toContain(`must be at most ${max} characters in env "${name}"`);
  });
});
