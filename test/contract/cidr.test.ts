import fc from 'fast-check';
import { blockSize, contains, formatCidr, overlaps, parseCidr, subnetOf, type Cidr } from '../../contract/cidr';

/** Any network block: a prefix and a base aligned to it. */
const anyCidr = fc.integer({ min: 0, max: 32 }).chain((prefix) =>
  fc.integer({ min: 0, max: 2 ** prefix - 1 }).map((n): Cidr => ({ base: n * blockSize(prefix), prefix })),
);

describe('parseCidr', () => {
  it('reads the network address and prefix', () => {
    expect(parseCidr('10.20.0.0/16')).toEqual({ base: (10 * 256 + 20) * 65536, prefix: 16 });
  });

  it.each(['10.0.0.0', '10.0.0/16', '256.0.0.0/8', '10.0.0.0/33', 'ten.0.0.0/8', ' 10.0.0.0/8'])('rejects %p as not an IPv4 CIDR block', (text) => {
    expect(() => parseCidr(text)).toThrow(`"${text}" is not an IPv4 CIDR block (a.b.c.d/n)`);
  });

  it('rejects host bits and names the network address to use instead', () => {
    expect(() => parseCidr('10.20.1.0/16')).toThrow('"10.20.1.0/16" has host bits set; the network address is 10.20.0.0/16');
  });

  it('round-trips through formatCidr', () => {
    fc.assert(fc.property(anyCidr, (cidr) => expect(parseCidr(formatCidr(cidr))).toEqual(cidr)));
  });
});

describe('subnetOf', () => {
  it('numbers blocks like Terraform cidrsubnet', () => {
    const vpc = parseCidr('10.10.0.0/16');
    expect(formatCidr(subnetOf(vpc, 3, 2))).toBe('10.10.64.0/19');
    expect(formatCidr(subnetOf(vpc, 6, 33))).toBe('10.10.132.0/22');
  });

  it('refuses an index beyond the parent', () => {
    expect(() => subnetOf(parseCidr('10.10.0.0/16'), 2, 4)).toThrow('10.10.0.0/16 has no subnet 4 of /18');
  });

  it('refuses a prefix longer than /32', () => {
    expect(() => subnetOf(parseCidr('10.10.0.0/30'), 3, 0)).toThrow('10.10.0.0/30 has no subnet 0 of /33');
  });

  it('always returns a block inside its parent', () => {
    const arb = anyCidr
      .filter((c) => c.prefix < 32)
      .chain((parent) =>
        fc.integer({ min: 1, max: 32 - parent.prefix }).chain((bits) => fc.integer({ min: 0, max: 2 ** bits - 1 }).map((i) => ({ parent, bits, i }))),
      );
    fc.assert(fc.property(arb, ({ parent, bits, i }) => expect(contains(parent, subnetOf(parent, bits, i))).toBe(true)));
  });
});

describe('contains and overlaps', () => {
  it('a block contains itself and overlaps itself', () => {
    fc.assert(fc.property(anyCidr, (c) => expect(contains(c, c) && overlaps(c, c)).toBe(true)));
  });

  it('overlap is symmetric', () => {
    fc.assert(fc.property(anyCidr, anyCidr, (a, b) => expect(overlaps(a, b)).toBe(overlaps(b, a))));
  });

  it('adjacent blocks do not overlap', () => {
    expect(overlaps(parseCidr('10.0.0.0/24'), parseCidr('10.0.1.0/24'))).toBe(false);
  });

  it('a wider block is not contained in a narrower one it covers', () => {
    expect(contains(parseCidr('10.0.0.0/24'), parseCidr('10.0.0.0/16'))).toBe(false);
    expect(contains(parseCidr('10.0.0.0/16'), parseCidr('10.0.255.0/24'))).toBe(true);
  });
});
