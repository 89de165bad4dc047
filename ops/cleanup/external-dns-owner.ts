const HERITAGE = 'heritage=external-dns';
const OWNER_KEY = 'external-dns/owner';

/**
 * The owner id of an ExternalDNS registry TXT value, or undefined when the
 * value is not one. Fields are split on commas and the owner compared whole,
 * so owner `goldenpath-dev-12` is never read out of `goldenpath-dev-123`.
 */
export function registryOwner(txtValue: string): string | undefined {
  const fields = txtValue.replace(/^"|"$/g, '').split(',').map((f) => f.trim());
  if (!fields.includes(HERITAGE)) return undefined;
  const owner = fields.find((f) => f.startsWith(`${OWNER_KEY}=`));
  return owner === undefined ? undefined : owner.slice(OWNER_KEY.length + 1);
}

/** Route53 writes `*` as `\052`, and a trailing dot on every name. */
export function normalizeRecordName(name: string): string {
  return name.replace(/\\052/g, '*').replace(/\.$/, '').toLowerCase();
}

/** Whether a DNS name is the suffix itself or below it (label boundary: `b-12.x` never covers `b-123.x`). */
export function isWithinSuffix(name: string, suffix: string): boolean {
  const n = normalizeRecordName(name);
  return n === suffix || n.endsWith(`.${suffix}`);
}
