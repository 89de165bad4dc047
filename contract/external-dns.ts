/**
 * How ExternalDNS names its TXT ownership records. Its affix name mapper puts
 * the prefix in front of the leftmost label (`%{record_type}` becomes the
 * lowercase record type). The prefix ends in a dot, so it is a label of its
 * own: the registry record of any name, the env apex and a build apex
 * included, stays inside the space of the record it owns, and the owned
 * label does not grow towards the 63-character limit. The leading `_` and the
 * wildcard replacement `_wildcard` cannot collide with a Kubernetes hostname
 * (RFC 1123 forbids `_`), and neither starts with the build label `b-`.
 */
export const EXTERNAL_DNS_REGISTRY = {
  registry: 'txt',
  txtPrefix: '_gp-%{record_type}.',
  txtWildcardReplacement: '_wildcard',
  policy: 'sync',
} as const;

/** The record types ExternalDNS may write (NS is excluded: a delegation would escape the guard). */
export const EXTERNAL_DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'TXT'] as const;
export type ExternalDnsRecordType = (typeof EXTERNAL_DNS_RECORD_TYPES)[number];

/** The change batch actions ExternalDNS sends. */
export const EXTERNAL_DNS_CHANGE_ACTIONS = ['CREATE', 'UPSERT', 'DELETE'] as const;

const RECORD_TYPE_TEMPLATE = '%{record_type}';

/**
 * The TXT registry record ExternalDNS writes for `recordName` of
 * `recordType`, mirroring its affix name mapper with the prefix above (a
 * trailing dot is dropped; Route53 treats both forms alike). With `zones`
 * (newer releases pass the domain filters) the host part is split at the
 * longest zone the name lies below instead of at the first dot; an empty
 * `recordType` gives the legacy (pre-0.12) name.
 */
export function txtRegistryName(recordName: string, recordType: string, zones: readonly string[] = []): string {
  const [host, domain] = splitHost(recordName.replace(/\.$/, ''), zones);
  const prefix = EXTERNAL_DNS_REGISTRY.txtPrefix.replaceAll(RECORD_TYPE_TEMPLATE, recordType.toLowerCase());
  const label = host === '*' ? EXTERNAL_DNS_REGISTRY.txtWildcardReplacement : host;
  return domain === '' ? `${prefix}${label}` : `${prefix}${label}.${domain}`;
}

function splitHost(name: string, zones: readonly string[]): [string, string] {
  const zone = [...zones]
    .map((z) => z.toLowerCase().replace(/^\.+|\.+$/g, ''))
    .sort((a, b) => b.length - a.length)
    .find((z) => z !== '' && name.toLowerCase().endsWith(`.${z}`));
  if (zone !== undefined) return [name.slice(0, -(zone.length + 1)), zone];
  const dot = name.indexOf('.');
  return dot === -1 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1)];
}

/** A record an ExternalDNS registry TXT record stands for. */
export interface RegistryOwnedRecord {
  readonly name: string;
  /** The record type, or '' for a legacy (pre-0.12) registry record. */
  readonly type: ExternalDnsRecordType | '';
}

/**
 * The inverse of `txtRegistryName` (ExternalDNS's ToEndpointName, with the
 * wildcard replacement undone so the real record name comes back), or
 * undefined when the name is not a registry record. Input may be in
 * Route53's stored form (trailing dot, `\052`).
 */
export function recordOfTxtRegistryName(txtName: string): RegistryOwnedRecord | undefined {
  const name = txtName.toLowerCase().replace(/\.$/, '').replace(/\\052/g, '*');
  for (const type of [...EXTERNAL_DNS_RECORD_TYPES, ''] as const) {
    const prefix = EXTERNAL_DNS_REGISTRY.txtPrefix.replaceAll(RECORD_TYPE_TEMPLATE, type.toLowerCase());
    if (!name.startsWith(prefix) || name.length === prefix.length) continue;
    const [host, ...rest] = name.slice(prefix.length).split('.');
    const label = host === EXTERNAL_DNS_REGISTRY.txtWildcardReplacement ? '*' : host;
    return { name: [label, ...rest].join('.'), type };
  }
  return undefined;
}
