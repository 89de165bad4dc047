import { dev } from './dev';
import { prod } from './prod';
import { defineEnvironment, type Environment, type EnvironmentInput } from './schema';
import { staging } from './staging';

/** Every environment definition, by name. Validated when loaded. */
export const ENVIRONMENT_DEFINITIONS: Readonly<Record<string, EnvironmentInput>> = { dev, staging, prod };

export const ENVIRONMENT_NAMES = Object.keys(ENVIRONMENT_DEFINITIONS);

export class UnknownEnvironmentError extends Error {
  constructor(readonly envName: string) {
    super(`unknown environment "${envName}": known environments are ${ENVIRONMENT_NAMES.join(', ')} (definitions live in envs/)`);
    this.name = 'UnknownEnvironmentError';
  }
}

/** The validated definition of one environment; throws a named error when unknown or invalid. */
export function loadEnvironment(name: string): Environment {
  const input = Object.prototype.hasOwnProperty.call(ENVIRONMENT_DEFINITIONS, name) ? ENVIRONMENT_DEFINITIONS[name] : undefined;
  if (input === undefined) throw new UnknownEnvironmentError(name);
  const env = defineEnvironment(input);
  if (env.name !== name) {
    throw new Error(`envs/${name}.ts defines name "${env.name}"; the registry key and the name must agree`);
  }
  return env;
}

export type { Environment } from './schema';
