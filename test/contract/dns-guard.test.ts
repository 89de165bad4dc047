import {
  BUILD_ID_POLICY_VARIABLE,
  BUILD_ID_PRINCIPAL_TAG_KEY,
  buildNamePatterns,
  normalizeRecordName,
  persistentNamePatterns,
} from '../../contract/dns-guard';
import { TAG_KEYS } from '../../contract/tags';

const zone = 'dev.goldenpathidp.io';

describe('normalizeRecordName', () => {
  it('lowercases the name', () => {
    expect(normalizeRecordName('API.Dev.GoldenPathIDP.io')).toBe('api.dev.goldenpathidp.io');
  });

  it('drops the trailing dot of a fully qualified name', () => {
    expect(normalizeRecordName('app.dev.goldenpathidp.io.')).toBe('app.dev.goldenpathidp.io');
  });

  it('writes a wildcard as \\052', () => {
    expect(normalizeRecordName('*.b-26-01-23-01.dev.goldenpathidp.io')).toBe('\\052.b-26-01-23-01.dev.goldenpathidp.io');
  });

  it('keeps letters, digits, hyphens and underscores as they are', () => {
    expect(normalizeRecordName('_gp-a.app-1.dev.goldenpathidp.io')).toBe('_gp-a.app-1.dev.goldenpathidp.io');
  });

  it('escapes other printable characters as three-digit octal', () => {
    expect(normalizeRecordName('a+b.dev.goldenpathidp.io')).toBe('a\\053b.dev.goldenpathidp.io');
  });

  it('rejects an empty name with a message saying what to give', () => {
    expect(() => normalizeRecordName('.')).toThrow(/is empty: give a DNS name/);
  });

  it('rejects non-ASCII names and points to Punycode', () => {
    expect(() => normalizeRecordName('café.dev.goldenpathidp.io')).toThrow(/Punycode/);
  });
});

describe('persistentNamePatterns', () => {
  it('covers the env apex and every name below it', () => {
    expect(persistentNamePatterns(zone).inside).toEqual([zone, `*.${zone}`]);
  });

  it('excludes the build space b-* directly under the env and below it', () => {
    expect(persistentNamePatterns(zone).excluded).toEqual([`b-*.${zone}`, `*.b-*.${zone}`]);
  });
});

describe('buildNamePatterns', () => {
  it('scopes by the principal build-id tag by default', () => {
    expect(buildNamePatterns(zone)).toEqual([`b-${BUILD_ID_POLICY_VARIABLE}.${zone}`, `*.b-${BUILD_ID_POLICY_VARIABLE}.${zone}`]);
  });

  it('gives the build apex and names below it for a concrete build id', () => {
    expect(buildNamePatterns(zone, '26-01-23-01')).toEqual([`b-26-01-23-01.${zone}`, `*.b-26-01-23-01.${zone}`]);
  });
});

describe('build-id policy variable', () => {
  it('reads the build-id tag key of contract/tags.ts', () => {
    expect(BUILD_ID_POLICY_VARIABLE).toBe(`\${aws:PrincipalTag/${TAG_KEYS.buildId}}`);
    expect(BUILD_ID_PRINCIPAL_TAG_KEY).toBe(`aws:PrincipalTag/${TAG_KEYS.buildId}`);
  });
});
