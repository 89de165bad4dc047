import { posix } from 'node:path';
import { clusterSecretsKeyAlias } from '../../contract/naming';
import type { Plan } from '../../contract/plan';

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

/** The scope of a build's plan; a persistent selection has no build to clean up. */
export function buildScope(plan: Plan): BuildScope {
  if (plan.buildId === undefined) throw new Error(`cleanup is scoped to a build; the plan of env ${plan.env.name} is persistent`);
  const { names } = plan;
  return {
    env: plan.env.name,
    accountId: plan.env.accountId,
    region: plan.env.region,
    buildId: plan.buildId,
    clusterName: names.cluster,
    dnsOwnerId: names.dnsOwnerId,
    hostSuffix: names.hostSuffix,
    zoneName: names.envZone,
    roleNames: new Set(Object.values(names.roles)),
    logGroupPrefix: `${posix.dirname(names.clusterLogGroup)}/`,
    bucketName: names.objectStorageBucket,
    kmsAliasName: clusterSecretsKeyAlias(plan.selection),
  };
}
