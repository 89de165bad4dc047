import { clusterName, NAME_PREFIX, stateKey } from '../naming';
import { ephemeral, persistent } from '../selection';

/** A build's name with `*` for the buildId: matches every build of the env and nothing persistent. */
export const ANY_BUILD = '*';

/** `goldenpath-{env}-b-*`: the cluster name, and the stem of every IAM name, of any build of the env. */
export function anyBuildName(env: string): string {
  return clusterName(ephemeral(env, ANY_BUILD));
}

/** `goldenpath-{env}-*`: every IAM name the env's stacks create (the CI and account-plane names below are carved out of it). */
export function envNameSpace(env: string): string {
  return `${NAME_PREFIX}-${env}-*`;
}

/** The identities GitHub workflows assume, one per kind of trigger. */
export const CI_ROLE_KEYS = ['deploy', 'build', 'reaper', 'validation'] as const;
export type CiRoleKey = (typeof CI_ROLE_KEYS)[number];

/** `goldenpath-{env}-ci-{key}`. */
export function ciRoleName(env: string, key: CiRoleKey): string {
  return `${NAME_PREFIX}-${env}-ci-${key}`;
}

/** Matches every CI role of the env (they may not touch one another). */
export function anyCiRoleName(env: string): string {
  return `${NAME_PREFIX}-${env}-ci-*`;
}

/** The role humans assume to administer the env's clusters (access entries name it) when the env names none of its own. */
export function platformAdminRoleName(env: string): string {
  return `${NAME_PREFIX}-${env}-platform-admin`;
}

/** Permissions boundaries the bootstrap stack owns: for every build role, every persistent role, every CI role. */
export const BOUNDARY_KEYS = ['build-boundary', 'workload-boundary', 'ci-boundary'] as const;
export type BoundaryKey = (typeof BOUNDARY_KEYS)[number];

export function boundaryPolicyName(env: string, key: BoundaryKey): string {
  return `${NAME_PREFIX}-${env}-${key}`;
}

/** The state bucket the bootstrap stack creates when the env names none: account-unique through the account id. */
export function defaultStateBucketName(env: string, accountId: string): string {
  return `${NAME_PREFIX}-${env}-tfstate-${accountId}`;
}

/** Key prefix of the state when the env names none. */
export const DEFAULT_STATE_KEY_PREFIX = NAME_PREFIX;

/** Where the env's state lives: the env's stateBackend, or the bucket the bootstrap stack creates. */
export function stateLocation(env: {
  readonly name: string;
  readonly account: { readonly id: string; readonly region: string };
  readonly stateBackend?: { readonly bucket: string; readonly region: string; readonly keyPrefix: string };
}): { bucket: string; region: string; keyPrefix: string } {
  return env.stateBackend ?? { bucket: defaultStateBucketName(env.name, env.account.id), region: env.account.region, keyPrefix: DEFAULT_STATE_KEY_PREFIX };
}

/** State keys of the env's persistent stacks and of its builds (`*` patterns). */
export function stateKeyPatterns(keyPrefix: string, env: string) {
  return {
    persistent: stateKey(keyPrefix, persistent(env), '*'),
    builds: stateKey(keyPrefix, ephemeral(env, ANY_BUILD), '*'),
  };
}
