import { ENVIRONMENT_NAMES, loadEnvironment, UnknownEnvironmentError } from '../../envs';

describe('loadEnvironment', () => {
  it('knows dev, staging and prod', () => {
    expect(ENVIRONMENT_NAMES).toEqual(['dev', 'staging', 'prod']);
  });

  it.each(['dev', 'staging', 'prod'])('loads %s under its own name', (name) => {
    expect(loadEnvironment(name).name).toBe(name);
  });

  it('names the known environments for an unknown one', () => {
    expect(() => loadEnvironment('nope')).toThrow('unknown environment "nope": known environments are dev, staging, prod (definitions live in envs/)');
  });

  it.each(['__proto__', 'constructor', 'toString'])('treats the object property %s as an unknown environment', (name) => {
    expect(() => loadEnvironment(name)).toThrow(UnknownEnvironmentError);
  });
});
