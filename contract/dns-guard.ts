import { hostedZoneArn } from './iam/arn';
import { partitionOf } from './iam/partition';
import { buildLabel } from './naming';
import { TAG_KEYS } from './tags';

/**
 * The DNS ownership guard as data: which record names a persistent cluster
 * and a build may write, in the form IAM compares them against
 * `route53:ChangeResourceRecordSetsNormalizedRecordNames` (`StringLike`,
 * where `*` also spans dots).
 */

/** Route53 condition keys of `ChangeResourceRecordSets` the guard is written in. */
export const ROUTE53_CHANGE_KEYS = {
  names: 'route53:ChangeResourceRecordSetsNormalizedRecordNames',
  types: 'route53:ChangeResourceRecordSetsRecordTypes',
  actions: 'route53:ChangeResourceRecordSetsActions',
} as const;

/** The IAM policy variable that resolves to the calling role's build-id tag. */
export const BUILD_ID_POLICY_VARIABLE = `\${aws:PrincipalTag/${TAG_KEYS.buildId}}`;

/** The condition key of the principal's build-id tag (for `Null` checks). */
export const BUILD_ID_PRINCIPAL_TAG_KEY = `aws:PrincipalTag/${TAG_KEYS.buildId}`;

/**
 * Tag values containing a glob character: `${*}` and `${?}` are IAM's
 * literal `*` and `?`, so a tag such as `*` cannot widen the build patterns.
 */
export const GLOB_TAG_VALUE_PATTERNS = ['*${*}*', '*${?}*'] as const;

export interface PersistentNamePatterns {
  /** Every name must match one of these: the env apex and everything below it. */
  readonly inside: readonly string[];
  /** No name may match any of these: the build space `b-*` under the env. */
  readonly excluded: readonly string[];
}

/**
 * Persistent clusters own `{zone}` and below except the build space. IAM
 * wildcards span dots, so the exclusion also covers any deeper label that
 * starts with `b-` (persistent hostnames must not use such labels).
 */
export function persistentNamePatterns(zoneName: string): PersistentNamePatterns {
  const buildSpace = `${buildLabel('*')}.${zoneName}`;
  return { inside: [zoneName, `*.${zoneName}`], excluded: [buildSpace, `*.${buildSpace}`] };
}

/**
 * A build owns `b-{buildId}.{zone}` and below. The default buildId is the
 * principal-tag variable, so one policy serves every build role.
 */
export function buildNamePatterns(zoneName: string, buildId: string = BUILD_ID_POLICY_VARIABLE): readonly string[] {
  const suffix = `${buildLabel(buildId)}.${zoneName}`;
  return [suffix, `*.${suffix}`];
}

/**
 * The env zone's ARN, the only zone in which build and reaper roles may
 * change records (names alone would also match the parent zone, or a private
 * zone of the same name). `{env}-dns` creates the zone after the account plane
 * whose policies pin it, so the env records its id (`dns.zoneId`); until then
 * there is none, and those roles may change no record.
 */
export function pinnedZoneArn(env: { readonly account: { readonly region: string }; readonly dns: { readonly zoneId?: string } }): string | undefined {
  return env.dns.zoneId === undefined ? undefined : hostedZoneArn(partitionOf(env.account.region), env.dns.zoneId);
}

/** Characters Route53 keeps as they are; everything else is written as a `\ooo` octal escape. */
const ROUTE53_PLAIN = /^[a-z0-9\-_.]$/;

/**
 * The name as Route53 normalizes it before IAM evaluates
 * `ChangeResourceRecordSetsNormalizedRecordNames`: lowercase, no trailing
 * dot, and every other character (a wildcard `*` included) as `\ooo`.
 */
export function normalizeRecordName(name: string): string {
  const lower = name.toLowerCase();
  const trimmed = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (trimmed === '') throw new Error(`record name "${name}" is empty: give a DNS name such as app.dev.goldenpathidp.io`);
  return Array.from(trimmed, (c) => {
    if (ROUTE53_PLAIN.test(c)) return c;
    const code = c.charCodeAt(0);
    if (code > 0x7e) throw new Error(`record name "${name}" contains "${c}": write internationalized names in Punycode (xn--…)`);
    return `\\${code.toString(8).padStart(3, '0')}`;
  }).join('');
}
