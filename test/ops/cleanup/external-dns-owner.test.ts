import { isWithinSuffix, normalizeRecordName, registryOwner } from '../../../ops/cleanup/external-dns-owner';

describe('registryOwner', () => {
  it('reads the owner of an ExternalDNS registry value', () => {
    expect(registryOwner('"heritage=external-dns,external-dns/owner=goldenpath-dev-12,external-dns/resource=service/a/b"')).toBe('goldenpath-dev-12');
  });

  it('reads owner 12 and owner 123 as different owners', () => {
    expect(registryOwner('"heritage=external-dns,external-dns/owner=goldenpath-dev-123"')).not.toBe('goldenpath-dev-12');
  });

  it('ignores a TXT value that is not an ExternalDNS registry record', () => {
    expect(registryOwner('"v=spf1 -all external-dns/owner=goldenpath-dev-12"')).toBeUndefined();
  });
});

describe('isWithinSuffix', () => {
  it('matches the suffix and names below it on a label boundary only', () => {
    expect(isWithinSuffix('b-12.dev.x.io.', 'b-12.dev.x.io')).toBe(true);
    expect(isWithinSuffix('app.b-12.dev.x.io.', 'b-12.dev.x.io')).toBe(true);
    expect(isWithinSuffix('app.b-123.dev.x.io.', 'b-12.dev.x.io')).toBe(false);
    expect(isWithinSuffix('xb-12.dev.x.io', 'b-12.dev.x.io')).toBe(false);
  });
});

describe('normalizeRecordName', () => {
  it('turns Route53 stored form into a plain lowercase name', () => {
    expect(normalizeRecordName('\\052.B-12.Dev.x.io.')).toBe('*.b-12.dev.x.io');
  });
});
