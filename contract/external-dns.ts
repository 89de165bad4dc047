/**
 * How ExternalDNS names its TXT ownership records. The prefix goes on the
 * leftmost label, so every registry record stays beside the record it owns,
 * inside the same allowed name space (tests prove it against the IAM guard).
 */
export const EXTERNAL_DNS_REGISTRY = {
  registry: 'txt',
  txtPrefix: 'gp-%{record_type}-',
  txtWildcardReplacement: 'wildcard',
  policy: 'sync',
} as const;

/** The record types ExternalDNS may write. */
export const EXTERNAL_DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'TXT'] as const;
