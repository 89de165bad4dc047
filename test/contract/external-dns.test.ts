import { buildNamePatterns, normalizeRecordName, persistentNamePatterns } from '../../contract/dns-guard';
import {
  EXTERNAL_DNS_RECORD_TYPES,
  EXTERNAL_DNS_REGISTRY,
  recordOfTxtRegistryName,
  txtRegistryName,
} from '../../contract/external-dns';
import { buildLabel } from '../../contract/naming';

const zone = 'dev.goldenpathidp.io';
const build = `b-26-01-23-01.${zone}`;

/** IAM StringLike: `*` spans any characters, dots included. */
function like(value: string, pattern: string): boolean {
  const parts = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(value);
}
const inPersistentSpace = (name: string) => {
  const p = persistentNamePatterns(zone);
  return p.inside.some((q) => like(name, q)) && !p.excluded.some((q) => like(name, q));
};
const inBuildSpace = (name: string) => buildNamePatterns(zone, '26-01-23-01').some((q) => like(name, q));

describe('txtRegistryName', () => {
  it('puts the prefix, record type filled in, in front of the leftmost label', () => {
    expect(txtRegistryName(`app.${zone}`, 'A')).toBe(`_gp-a.app.${zone}`);
  });

  it('lowercases the record type', () => {
    expect(txtRegistryName(`app.${zone}`, 'CNAME')).toBe(`_gp-cname.app.${zone}`);
  });

  it('replaces a leading wildcard label', () => {
    expect(txtRegistryName(`*.${build}`, 'A')).toBe(`_gp-a._wildcard.${build}`);
  });

  it('gives an apex record its own registry label below the apex', () => {
    expect(txtRegistryName(build, 'AAAA')).toBe(`_gp-aaaa.${build}`);
  });

  it('drops the trailing dot of a fully qualified name', () => {
    expect(txtRegistryName(`app.${zone}.`, 'A')).toBe(`_gp-a.app.${zone}`);
  });

  it('splits at the longest zone when zones are given (newer ExternalDNS)', () => {
    expect(txtRegistryName(`*.grafana.${build}`, 'A', [zone, build])).toBe(`_gp-a.*.grafana.${build}`);
  });

  it('splits at the first dot when the name lies below no given zone', () => {
    expect(txtRegistryName('app.example.org', 'A', [zone])).toBe('_gp-a.app.example.org');
  });

  it('gives the legacy name for an empty record type', () => {
    expect(txtRegistryName(`app.${zone}`, '')).toBe(`_gp-.app.${zone}`);
  });
});

describe('TXT registry names stay inside the owner space', () => {
  const persistentRecords = [zone, `app.${zone}`, `*.${zone}`, `api.team.${zone}`];
  const buildRecords = [build, `app.${build}`, `*.${build}`, `*.grafana.${build}`];
  const variants = (name: string, zones: readonly string[]) =>
    [...EXTERNAL_DNS_RECORD_TYPES, ''].flatMap((t) => [txtRegistryName(name, t), txtRegistryName(name, t, zones)]).map(normalizeRecordName);

  it.each(persistentRecords)('persistent record %s', (record) => {
    expect(variants(record, [zone]).filter((n) => !inPersistentSpace(n))).toEqual([]);
  });

  it.each(buildRecords)('build record %s', (record) => {
    expect(variants(record, [build]).filter((n) => !inBuildSpace(n))).toEqual([]);
  });
});

describe('EXTERNAL_DNS_REGISTRY', () => {
  it('ends the prefix in a dot so it is a label of its own', () => {
    expect(EXTERNAL_DNS_REGISTRY.txtPrefix.endsWith('.')).toBe(true);
  });

  it('never starts a registry label with the build label', () => {
    expect(EXTERNAL_DNS_REGISTRY.txtPrefix.startsWith(buildLabel(''))).toBe(false);
    expect(EXTERNAL_DNS_REGISTRY.txtWildcardReplacement.startsWith(buildLabel(''))).toBe(false);
  });

  it('puts the record type in the prefix (one registry record per type)', () => {
    expect(EXTERNAL_DNS_REGISTRY.txtPrefix).toContain('%{record_type}');
  });
});

describe('recordOfTxtRegistryName', () => {
  it.each([
    [`app.${zone}`, 'A'],
    [`*.${build}`, 'CNAME'],
    [build, 'AAAA'],
    [`app.${build}`, ''],
  ] as const)('inverts txtRegistryName for %s (%s)', (name, type) => {
    expect(recordOfTxtRegistryName(txtRegistryName(name, type))).toEqual({ name, type });
  });

  it('reads Route53 stored form (trailing dot, \\052)', () => {
    expect(recordOfTxtRegistryName(`_gp-a.\\052.grafana.${build}.`)).toEqual({ name: `*.grafana.${build}`, type: 'A' });
  });

  it('returns undefined for a name that is not a registry record', () => {
    expect(recordOfTxtRegistryName(`app.${zone}`)).toBeUndefined();
  });

  it('does not read the record type a-… out of aaaa', () => {
    expect(recordOfTxtRegistryName(`_gp-aaaa.app.${zone}`)?.type).toBe('AAAA');
  });
});
