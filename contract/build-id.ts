import { buildScopedNames, type EnvIdentity } from './naming';

/** The form CI generates by default: YY-MM-DD-NN, e.g. 26-01-23-01. */
export const DEFAULT_BUILD_ID_PATTERN = /^\d{2}-\d{2}-\d{2}-\d{2}$/;

/** Lowercase DNS-label characters, alphanumeric at both ends, no `--`. */
export const BUILD_ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest buildId whose every derived name still fits its AWS or DNS
 * limit in this environment. Derived from the name templates themselves, so a
 * new build-scoped name automatically tightens the bound.
 */
export function maxBuildIdLength(env: EnvIdentity): number {
  return Math.min(...buildScopedNames(env, '').map((n) => n.limit - n.value.length));
}

/** Returns the problems with a buildId for this environment (empty when valid). */
export function buildIdProblems(buildId: string, env: EnvIdentity): string[] {
  const problems: string[] = [];
  if (!BUILD_ID_SHAPE.test(buildId)) {
    problems.push(
      'must be lowercase letters, digits and single hyphens, starting and ending with a letter or digit (CI form: YY-MM-DD-NN, e.g. 26-01-23-01)',
    );
  }
  const max = maxBuildIdLength(env);
  if (buildId.length > max) {
    problems.push(`must be at most ${max} characters in env "${env.name}" (it is ${buildId.length}) so every derived AWS and DNS name fits its limit`);
  }
  return problems;
}

export function isValidBuildId(buildId: string, env: EnvIdentity): boolean {
  return buildIdProblems(buildId, env).length === 0;
}
