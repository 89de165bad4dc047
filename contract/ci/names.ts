import { clusterName } from '../naming';
import { ephemeral } from '../selection';

/** A build's name with `*` for the buildId: matches every build of the env and nothing persistent. */
export const ANY_BUILD = '*';

/** `goldenpath-{env}-b-*`: the cluster name, and the stem of every IAM name, of any build of the env. */
export function anyBuildName(env: string): string {
  return clusterName(ephemeral(env, ANY_BUILD));
}
