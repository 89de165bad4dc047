import { accountScope, roleArn } from '../iam/arn';
import type { Selection } from '../selection';
import type { CiEnv } from './ci-env';
import { ciRoleName, platformAdminRoleName } from './names';

/** The cluster admin role of the env: the one it names, or the platform admin role its bootstrap stack creates. */
export function clusterAdminRoleArn(env: Pick<CiEnv, 'name' | 'account' | 'cluster'>): string {
  return env.cluster.adminRoleArn ?? roleArn(accountScope(env.account), platformAdminRoleName(env.name));
}

/**
 * Who gets which access entry on a cluster: the admin role everywhere; the
 * deploy role on the persistent cluster and the build role on the builds it
 * creates (never the other way round); the validation role reads the
 * persistent cluster for the nightly tier check.
 */
export function clusterAccess(env: Pick<CiEnv, 'name' | 'account' | 'cluster'>, selection: Selection): { admins: string[]; viewers: string[] } {
  const scope = accountScope(env.account);
  const ci = (key: Parameters<typeof ciRoleName>[1]) => roleArn(scope, ciRoleName(env.name, key));
  return selection.lifecycle === 'persistent'
    ? { admins: [clusterAdminRoleArn(env), ci('deploy')], viewers: [ci('validation')] }
    : { admins: [clusterAdminRoleArn(env), ci('build')], viewers: [] };
}

/** The ARN of one of the env's CI roles. */
export function ciRoleArn(env: Pick<CiEnv, 'name' | 'account'>, key: Parameters<typeof ciRoleName>[1]): string {
  return roleArn(accountScope(env.account), ciRoleName(env.name, key));
}
