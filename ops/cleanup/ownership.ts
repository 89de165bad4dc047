import { CONTROLLER_TAGS, TAG_KEYS } from '../../contract/tags';
import { GLOBAL_REGION, arnAccount, type CloudResource } from './resource';
import type { BuildScope } from './scope';
import { isWithinSuffix } from './external-dns-owner';

/**
 * - build: belongs to the build and may be deleted
 * - protected: persistent or foundational, never touched
 * - other: another build, env, account or region, never touched
 * - unrelated: no evidence it belongs to the build
 */
export type Verdict = 'build' | 'protected' | 'other' | 'unrelated';

export interface Classification {
  readonly verdict: Verdict;
  readonly reason: string;
}

/** Route53 records carry their ExternalDNS owner id in this attribute (set by discovery). */
export const RECORD_OWNER_ATTRIBUTE = 'owner';
export const RECORD_NAME_ATTRIBUTE = 'name';
/** Set by discovery on records TLS issuance makes without an ExternalDNS owner: ACM DNS validation and ACME DNS-01 challenges. */
export const RECORD_PURPOSE_ATTRIBUTE = 'purpose';
export const RECORD_PURPOSES = { acmValidation: 'acm-validation', acmeChallenge: 'acme-challenge' } as const;
/** Set by discovery on an instance profile: the roles it holds, comma-separated. */
export const PROFILE_ROLES_ATTRIBUTE = 'roles';
/** Set by discovery on a KMS key found through an alias. */
export const KEY_ALIAS_ATTRIBUTE = 'alias';

/** The only tag values that let cleanup touch a resource; anything else (other case, whitespace, empty, unknown words) protects it. */
export const DELETABLE_TAG_VALUES = { lifecycle: 'ephemeral', plane: 'disposable' } as const;

/** Our ownership tags: a resource carrying any of them is judged by its tags alone. */
const OWNERSHIP_TAG_KEYS = [TAG_KEYS.env, TAG_KEYS.lifecycle, TAG_KEYS.plane, TAG_KEYS.buildId] as const;

/**
 * Decides whether a resource belongs to the build. Safety rules come first and
 * win over any evidence: wrong account or region, any lifecycle or plane value
 * but exactly `ephemeral`/`disposable`, another env or build. A resource that
 * carries our tags belongs to the build only when they say exactly env, build
 * id and lifecycle; one without them only on an exact cluster-scoped marker.
 */
export function classify(resource: CloudResource, scope: BuildScope): Classification {
  if (resource.region !== GLOBAL_REGION && resource.region !== scope.region) {
    return { verdict: 'other', reason: `in region ${resource.region}, not the env's ${scope.region}` };
  }
  const account = resource.arn === undefined ? undefined : arnAccount(resource.arn);
  if (account !== undefined && account !== 'aws' && account !== scope.accountId) {
    return { verdict: 'other', reason: `in account ${account}, not the env's ${scope.accountId}` };
  }
  const tags = resource.tags;
  for (const key of ['lifecycle', 'plane'] as const) {
    const value = tags[TAG_KEYS[key]];
    if (value !== undefined && value !== DELETABLE_TAG_VALUES[key]) return { verdict: 'protected', reason: `tagged ${TAG_KEYS[key]}=${JSON.stringify(value)}` };
  }
  const env = tags[TAG_KEYS.env];
  if (env !== undefined && env !== scope.env) return { verdict: 'other', reason: `tagged ${TAG_KEYS.env}=${JSON.stringify(env)}` };
  const buildId = tags[TAG_KEYS.buildId];
  if (buildId !== undefined && buildId !== scope.buildId) return { verdict: 'other', reason: `tagged ${TAG_KEYS.buildId}=${JSON.stringify(buildId)}` };
  if (OWNERSHIP_TAG_KEYS.some((key) => tags[key] !== undefined)) {
    const missing = [TAG_KEYS.env, TAG_KEYS.lifecycle, TAG_KEYS.buildId].filter((key) => tags[key] === undefined);
    if (missing.length > 0) return { verdict: 'protected', reason: `carries goldenpath tags but not ${missing.join(', ')}: ownership unproven, left for review` };
    return { verdict: 'build', reason: `tagged ${TAG_KEYS.buildId}=${buildId}` };
  }
  return evidence(resource, scope);
}

/** Untagged-by-us resources: only exact cluster-scoped markers count. */
function evidence(resource: CloudResource, scope: BuildScope): Classification {
  const tags = resource.tags;
  const cluster = scope.clusterName;
  for (const key of [CONTROLLER_TAGS.lbControllerCluster, CONTROLLER_TAGS.eksClusterName, CONTROLLER_TAGS.eksNodeClusterName, CONTROLLER_TAGS.vpcCniCluster]) {
    const value = tags[key];
    if (value === cluster) return { verdict: 'build', reason: `tagged ${key}=${cluster}` };
    if (value !== undefined) return { verdict: 'other', reason: `tagged ${key}=${value}` };
  }
  const clusterKey = `${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`;
  if (tags[clusterKey] === 'owned') return { verdict: 'build', reason: `tagged ${clusterKey}=owned` };
  switch (resource.kind) {
    case 'iam-role':
      if (scope.roleNames.has(resource.id)) return { verdict: 'build', reason: `role name ${resource.id} is derived from cluster ${cluster}` };
      break;
    case 'logs-log-group':
      if (resource.id.startsWith(scope.logGroupPrefix)) return { verdict: 'build', reason: `log group under ${scope.logGroupPrefix}` };
      break;
    case 'route53-record':
      return recordEvidence(resource, scope);
    case 'eks-cluster':
      if (resource.id === cluster) return { verdict: 'build', reason: `the build's cluster ${cluster}` };
      break;
    case 'eks-nodegroup':
    case 'eks-fargate-profile':
    case 'eks-addon':
      if (resource.id.startsWith(`${cluster}/`)) return { verdict: 'build', reason: `part of cluster ${cluster}` };
      break;
    case 'iam-instance-profile': {
      const roles = (resource.attributes[PROFILE_ROLES_ATTRIBUTE] ?? '').split(',').filter((r) => r !== '');
      if (roles.length > 0 && roles.every((r) => scope.roleNames.has(r))) return { verdict: 'build', reason: `holds only roles of cluster ${cluster} (${roles.join(', ')})` };
      break;
    }
    case 's3-bucket':
      if (resource.id === scope.bucketName) return { verdict: 'build', reason: `bucket name ${scope.bucketName} is derived from cluster ${cluster}` };
      break;
    case 'kms-key':
      if (resource.attributes[KEY_ALIAS_ATTRIBUTE] === scope.kmsAliasName) return { verdict: 'build', reason: `key of alias ${scope.kmsAliasName}` };
      break;
    default:
      break;
  }
  return { verdict: 'unrelated', reason: 'no build tag or cluster marker' };
}

function recordEvidence(resource: CloudResource, scope: BuildScope): Classification {
  const owner = resource.attributes[RECORD_OWNER_ATTRIBUTE];
  const purpose = resource.attributes[RECORD_PURPOSE_ATTRIBUTE];
  // The build owns its whole suffix: TLS issuance records inside it are its own, though ExternalDNS did not write them.
  if (owner === undefined && purpose !== undefined && isWithinSuffix(resource.attributes[RECORD_NAME_ATTRIBUTE] ?? '', scope.hostSuffix)) {
    return { verdict: 'build', reason: `${purpose} record inside ${scope.hostSuffix}` };
  }
  if (owner !== scope.dnsOwnerId) {
    return owner === undefined ? { verdict: 'unrelated', reason: 'no ExternalDNS owner' } : { verdict: 'other', reason: `ExternalDNS owner ${owner}` };
  }
  const name = resource.attributes[RECORD_NAME_ATTRIBUTE] ?? '';
  if (!isWithinSuffix(name, scope.hostSuffix)) {
    return { verdict: 'protected', reason: `owned by ${owner} but outside ${scope.hostSuffix}: left for review` };
  }
  return { verdict: 'build', reason: `ExternalDNS owner ${owner}` };
}
