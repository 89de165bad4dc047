import { posix } from 'node:path';
import {
  CLUSTER_ROLE_KEYS,
  IRSA_ROLE_KEYS,
  clusterLogGroupName,
  clusterName,
  clusterSecretsKeyAlias,
  dnsOwnerId,
  envZoneName,
  hostSuffix,
  irsaRoleName,
  objectStorageBucketName,
} from '../../contract/naming';
import { ephemeral } from '../../contract/selection';
import type { Environment } from '../../envs/schema';

/** Everything that identifies one build's resources in one account and region. */
export interface BuildScope {
  readonly env: string;
  readonly accountId: string;
  readonly region: string;
  readonly buildId: string;
  readonly clusterName: string;
  readonly dnsOwnerId: string;
  readonly hostSuffix: string;
  /** The env's hosted zone, which holds the build's records. */
  readonly zoneName: string;
  /** Exact names of the roles the cluster stack derives; never a prefix (build `12` must not match `12-3`). */
  readonly roleNames: ReadonlySet<string>;
  /** Control plane log groups live under this prefix; the trailing slash is the token boundary. */
  readonly logGroupPrefix: string;
  /** The build's object storage bucket, found by its exact name. */
  readonly bucketName: string;
  /** The alias of the key that encrypts the cluster's secrets. */
  readonly kmsAliasName: string;
}

export function buildScope(env: Environment, buildId: string): BuildScope {
  const selection = ephemeral(env.name, buildId);
  const cluster = clusterName(selection);
  const envIdentity = { name: env.name, baseDomain: env.dns.baseDomain };
  return {
    env: env.name,
    accountId: env.account.id,
    region: env.account.region,
    buildId,
    clusterName: cluster,
    dnsOwnerId: dnsOwnerId(selection),
    hostSuffix: hostSuffix(selection, envIdentity),
    zoneName: envZoneName(envIdentity),
    roleNames: new Set([...IRSA_ROLE_KEYS, ...CLUSTER_ROLE_KEYS].map((key) => irsaRoleName(selection, key))),
    logGroupPrefix: `${posix.dirname(clusterLogGroupName(selection))}/`,
    bucketName: objectStorageBucketName(selection, env.account.id),
    kmsAliasName: clusterSecretsKeyAlias(selection),
  };
}
