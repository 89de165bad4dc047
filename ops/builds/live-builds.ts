import { isValidBuildId } from '../../contract/build-id';
import { parseExpiresAt } from '../../contract/expiry';
import { TAG_KEYS } from '../../contract/tags';
import { resourceTypeOf } from '../aws/tagged-resources';
import { DELETABLE_TAG_VALUES } from '../cleanup/ownership';
import type { CostInventory } from './cost-estimate';

const HOUR_MS = 3_600_000;

/** A resource the tagging API (or a service call) reported, with the few details the cost estimate needs. */
export interface TaggedResource {
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly instanceType?: string;
  readonly volume?: { readonly type: string; readonly sizeGb: number };
}

export interface LiveBuild {
  readonly buildId: string;
  /** The latest expires-at among the build's resources (normally its cluster's); undefined when none carries a valid one. */
  readonly expiresAt?: string;
  /** Why the build never counts as expired: missing or unparsable expiry tags (strict ISO-8601 UTC only). */
  readonly expiryProblems: readonly string[];
  /** expires-at minus the env's TTL: when the build started. */
  readonly startedAt?: string;
  readonly ageHours?: number;
  readonly expired: boolean;
  readonly resourceCount: number;
  readonly resourcesByType: Readonly<Record<string, number>>;
  /** What it runs that costs money by the hour; `goldenpath builds` prices it. */
  readonly costInventory: CostInventory;
}

/** application | network | gateway, from `loadbalancer/app|net|gwy/...`. */
export function loadBalancerTypeOf(arn: string): string | undefined {
  const m = /:loadbalancer\/(app|net|gwy)\//.exec(arn);
  if (m === null) return undefined;
  return { app: 'application', net: 'network', gwy: 'gateway' }[m[1] as 'app' | 'net' | 'gwy'];
}

/** Whether an expires-at value has passed; a missing or unparsable one never counts as expired (nothing is reaped on a typo). */
export function isExpired(expiresAt: string | undefined, now: Date): boolean {
  if (expiresAt === undefined) return false;
  const ms = parseExpiresAt(expiresAt);
  return ms !== undefined && ms <= now.getTime();
}

/** What liveBuilds needs of the env: its name, its domain (build id length limit) and the build TTL. */
export interface BuildEnv {
  readonly name: string;
  readonly baseDomain: string;
  readonly ttlHours: number;
}

/**
 * The build a resource's tags claim, or undefined: exactly this env,
 * lifecycle `ephemeral`, plane absent or `disposable`, and a valid build id.
 * Any other value (other case, whitespace, empty, garbage) is not a build.
 */
export function buildIdOfResource(tags: Readonly<Record<string, string>>, env: BuildEnv): string | undefined {
  const buildId = tags[TAG_KEYS.buildId];
  if (buildId === undefined || !isValidBuildId(buildId, { name: env.name, baseDomain: env.baseDomain })) return undefined;
  if (tags[TAG_KEYS.env] !== env.name || tags[TAG_KEYS.lifecycle] !== DELETABLE_TAG_VALUES.lifecycle) return undefined;
  const plane = tags[TAG_KEYS.plane];
  return plane === undefined || plane === DELETABLE_TAG_VALUES.plane ? buildId : undefined;
}

/** Groups an env's build resources by build id, oldest expiry first. Only resources whose tags exactly claim a build count. */
export function liveBuilds(resources: readonly TaggedResource[], env: BuildEnv, now: Date): LiveBuild[] {
  const byBuild = new Map<string, TaggedResource[]>();
  for (const r of resources) {
    const buildId = buildIdOfResource(r.tags, env);
    if (buildId !== undefined) byBuild.set(buildId, [...(byBuild.get(buildId) ?? []), r]);
  }
  const builds = [...byBuild.entries()].map(([buildId, list]) => summarize(buildId, list, env.ttlHours, now));
  return builds.sort((a, b) => (a.expiresAt ?? '~').localeCompare(b.expiresAt ?? '~') || a.buildId.localeCompare(b.buildId));
}

/**
 * A build's expiry is the latest of its resources' (a re-run or a stale
 * leftover never brings it forward). It is unknown (never expired, reported)
 * when no resource carries one or any carries a value that is not strict
 * ISO-8601 UTC: one garbage tag must not reap a live build.
 */
export function buildExpiry(list: readonly TaggedResource[]): { expiresAt?: string; problems: string[] } {
  const problems: string[] = [];
  let latest: { value: string; ms: number } | undefined;
  for (const r of list) {
    const value = r.tags[TAG_KEYS.expiresAt];
    if (value === undefined) continue;
    const ms = parseExpiresAt(value);
    if (ms === undefined) problems.push(`${r.arn}: ${TAG_KEYS.expiresAt}=${JSON.stringify(value)} is not ISO-8601 UTC (e.g. 2026-01-23T15:30:00Z)`);
    else if (latest === undefined || ms > latest.ms) latest = { value, ms };
  }
  if (latest === undefined && problems.length === 0) problems.push(`no resource carries ${TAG_KEYS.expiresAt}`);
  return problems.length > 0 ? { problems } : { expiresAt: latest?.value, problems };
}

function summarize(buildId: string, list: readonly TaggedResource[], ttlHours: number, now: Date): LiveBuild {
  const { expiresAt, problems } = buildExpiry(list);
  const startedMs = expiresAt === undefined ? undefined : (parseExpiresAt(expiresAt) ?? 0) - ttlHours * HOUR_MS;
  const resourcesByType: Record<string, number> = {};
  for (const r of list) {
    const type = resourceTypeOf(r.arn);
    resourcesByType[type] = (resourcesByType[type] ?? 0) + 1;
  }
  const types = list.map((r) => resourceTypeOf(r.arn));
  const costInventory: CostInventory = {
    eksClusters: types.filter((t) => t === 'eks:cluster').length,
    instanceTypes: list.filter((r) => resourceTypeOf(r.arn) === 'ec2:instance').map((r) => r.instanceType ?? 'unknown'),
    loadBalancers: list.map((r) => loadBalancerTypeOf(r.arn)).filter((t): t is string => t !== undefined),
    natGateways: types.filter((t) => t === 'ec2:natgateway').length,
    volumes: list.filter((r) => resourceTypeOf(r.arn) === 'ec2:volume').map((r) => r.volume ?? { type: 'unknown', sizeGb: 0 }),
    publicIpv4: types.filter((t) => t === 'ec2:elastic-ip').length,
  };
  return {
    buildId,
    expiresAt,
    expiryProblems: problems,
    startedAt: startedMs === undefined ? undefined : new Date(startedMs).toISOString(),
    ageHours: startedMs === undefined ? undefined : Math.round(((now.getTime() - startedMs) / HOUR_MS) * 10) / 10,
    expired: isExpired(expiresAt, now),
    resourceCount: list.length,
    resourcesByType,
    costInventory,
  };
}
