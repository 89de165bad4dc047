import { TAG_KEYS } from '../../contract/tags';
import { estimateHourlyCost, type CostEstimate } from './cost-estimate';

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
  /** Earliest expires-at tag among the build's resources; undefined when none carries one. */
  readonly expiresAt?: string;
  /** expires-at minus the env's TTL: when the build started. */
  readonly startedAt?: string;
  readonly ageHours?: number;
  readonly expired: boolean;
  readonly resourceCount: number;
  readonly resourcesByType: Readonly<Record<string, number>>;
  readonly cost: CostEstimate;
}

/** `service:type` of an ARN, e.g. `ec2:instance`, `elasticloadbalancing:loadbalancer`, `logs:log-group`. */
export function resourceTypeOf(arn: string): string {
  const parts = arn.split(':');
  const service = parts[2] ?? 'unknown';
  const resource = parts.slice(5).join(':');
  return `${service}:${resource.split(/[:/]/)[0] ?? ''}`;
}

/** application | network | gateway, from `loadbalancer/app|net|gwy/...`. */
export function loadBalancerTypeOf(arn: string): string | undefined {
  const m = /:loadbalancer\/(app|net|gwy)\//.exec(arn);
  if (m === null) return undefined;
  return { app: 'application', net: 'network', gwy: 'gateway' }[m[1] as 'app' | 'net' | 'gwy'];
}

/** Whether an expires-at value has passed; invalid timestamps never count as expired (nothing is reaped on a typo). */
export function isExpired(expiresAt: string | undefined, now: Date): boolean {
  if (expiresAt === undefined) return false;
  const ms = Date.parse(expiresAt);
  return !Number.isNaN(ms) && ms <= now.getTime();
}

/** Groups an env's build resources by build id, oldest expiry first. Persistent and foundational resources are never a build. */
export function liveBuilds(resources: readonly TaggedResource[], env: { readonly name: string; readonly ttlHours: number }, now: Date): LiveBuild[] {
  const byBuild = new Map<string, TaggedResource[]>();
  for (const r of resources) {
    const buildId = r.tags[TAG_KEYS.buildId];
    if (buildId === undefined || r.tags[TAG_KEYS.env] !== env.name) continue;
    if (r.tags[TAG_KEYS.lifecycle] === 'persistent' || r.tags[TAG_KEYS.plane] === 'foundational') continue;
    byBuild.set(buildId, [...(byBuild.get(buildId) ?? []), r]);
  }
  const builds = [...byBuild.entries()].map(([buildId, list]) => summarize(buildId, list, env.ttlHours, now));
  return builds.sort((a, b) => (a.expiresAt ?? '~').localeCompare(b.expiresAt ?? '~') || a.buildId.localeCompare(b.buildId));
}

function summarize(buildId: string, list: readonly TaggedResource[], ttlHours: number, now: Date): LiveBuild {
  const expiries = list
    .map((r) => r.tags[TAG_KEYS.expiresAt])
    .filter((e): e is string => e !== undefined && !Number.isNaN(Date.parse(e)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const expiresAt = expiries[0];
  const startedMs = expiresAt === undefined ? undefined : Date.parse(expiresAt) - ttlHours * HOUR_MS;
  const resourcesByType: Record<string, number> = {};
  for (const r of list) {
    const type = resourceTypeOf(r.arn);
    resourcesByType[type] = (resourcesByType[type] ?? 0) + 1;
  }
  const types = list.map((r) => resourceTypeOf(r.arn));
  const cost = estimateHourlyCost({
    eksClusters: types.filter((t) => t === 'eks:cluster').length,
    instanceTypes: list.filter((r) => resourceTypeOf(r.arn) === 'ec2:instance').map((r) => r.instanceType ?? 'unknown'),
    loadBalancers: list.map((r) => loadBalancerTypeOf(r.arn)).filter((t): t is string => t !== undefined),
    natGateways: types.filter((t) => t === 'ec2:natgateway').length,
    volumes: list.filter((r) => resourceTypeOf(r.arn) === 'ec2:volume').map((r) => r.volume ?? { type: 'unknown', sizeGb: 0 }),
    publicIpv4: types.filter((t) => t === 'ec2:elastic-ip').length,
  });
  return {
    buildId,
    expiresAt,
    startedAt: startedMs === undefined ? undefined : new Date(startedMs).toISOString(),
    ageHours: startedMs === undefined ? undefined : Math.round(((now.getTime() - startedMs) / HOUR_MS) * 10) / 10,
    expired: isExpired(expiresAt, now),
    resourceCount: list.length,
    resourcesByType,
    cost,
  };
}
