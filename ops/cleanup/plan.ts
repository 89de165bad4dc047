import { classify, type Verdict } from './ownership';
import { isGone, kindRank, resourceKey, type CloudResource } from './resource';
import type { BuildScope } from './scope';

/** Security group rules name the group they sit in and the group they reference. */
export const RULE_ATTRIBUTES = { groupId: 'groupId', referencedGroupId: 'referencedGroupId' } as const;

export interface PlannedDeletion {
  readonly resource: CloudResource;
  readonly reason: string;
}

export interface SkippedResource {
  readonly resource: CloudResource;
  readonly verdict: Exclude<Verdict, 'build' | 'unrelated'>;
  readonly reason: string;
}

export interface CleanupPlan {
  /** In deletion order: by kind (RESOURCE_KINDS_IN_DELETION_ORDER), then id for a stable plan. */
  readonly deletions: readonly PlannedDeletion[];
  /** Found, and never touched: protected or another build's, env's, account's or region's. */
  readonly skipped: readonly SkippedResource[];
  /** The build's, still listed by AWS but already going or gone (terminated, DELETING, pending deletion): nothing to do. */
  readonly going: readonly PlannedDeletion[];
}

/** The same resource can be found by the tagging API and a service call: merge what each saw. */
export function mergeDiscoveries(resources: readonly CloudResource[]): CloudResource[] {
  const byKey = new Map<string, CloudResource>();
  for (const r of resources) {
    const key = resourceKey(r);
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen === undefined
        ? r
        : { ...seen, arn: seen.arn ?? r.arn, tags: { ...seen.tags, ...r.tags }, attributes: { ...seen.attributes, ...r.attributes } },
    );
  }
  return [...byKey.values()];
}

/**
 * Which of the discovered resources to delete, why, and in what order.
 * A security group rule is revoked only when it references a security group
 * the build deletes and the group it sits in is not protected or another
 * build's: revoking breaks reference cycles that would block deletion forever.
 */
export function planCleanup(discovered: readonly CloudResource[], scope: BuildScope): CleanupPlan {
  const resources = mergeDiscoveries(discovered);
  const deletions: PlannedDeletion[] = [];
  const going: PlannedDeletion[] = [];
  const skipped: SkippedResource[] = [];
  const rules: CloudResource[] = [];
  for (const resource of resources) {
    if (resource.kind === 'ec2-security-group-rule') {
      rules.push(resource);
      continue;
    }
    const c = classify(resource, scope);
    if (c.verdict === 'build') (isGone(resource) ? going : deletions).push({ resource, reason: c.reason });
    else if (c.verdict === 'protected' || c.verdict === 'other') skipped.push({ resource, verdict: c.verdict, reason: c.reason });
  }
  const buildGroups = new Set(deletions.filter((d) => d.resource.kind === 'ec2-security-group').map((d) => d.resource.id));
  for (const rule of rules) {
    const referenced = rule.attributes[RULE_ATTRIBUTES.referencedGroupId];
    if (referenced === undefined || !buildGroups.has(referenced)) continue;
    const c = classify(rule, scope);
    const group = rule.attributes[RULE_ATTRIBUTES.groupId];
    if (c.verdict === 'protected' || c.verdict === 'other') {
      skipped.push({ resource: rule, verdict: c.verdict, reason: `rule in ${group} (${c.reason}) references build group ${referenced}: remove it by hand` });
    } else {
      deletions.push({ resource: rule, reason: `rule in ${group} references build group ${referenced}` });
    }
  }
  deletions.sort((a, b) => kindRank(a.resource.kind) - kindRank(b.resource.kind) || a.resource.id.localeCompare(b.resource.id));
  return { deletions, skipped, going };
}
