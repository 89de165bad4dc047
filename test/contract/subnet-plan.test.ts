import fc from 'fast-check';
import { blockSize, contains, formatCidr, overlaps, parseCidr, type Cidr } from '../../contract/cidr';
import { LOAD_BALANCER_SUBNET_MAX_PREFIX, MAX_AZS, planSubnets, VPC_PREFIX_RANGE } from '../../contract/subnet-plan';

const PREFIXES = Array.from({ length: VPC_PREFIX_RANGE.max - VPC_PREFIX_RANGE.min + 1 }, (_, i) => VPC_PREFIX_RANGE.min + i);
const AZ_COUNTS = Array.from({ length: MAX_AZS }, (_, i) => i + 1);

/**
 * Runs `check` for every supported VPC prefix and AZ count, each time at a
 * random address aligned to the prefix (so every size is covered on every run).
 */
function forEveryLayout(check: (vpc: Cidr, azCount: number) => void): void {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (address) => {
      for (const prefix of PREFIXES) {
        const vpc = { base: address - (address % blockSize(prefix)), prefix };
        for (const azCount of AZ_COUNTS) check(vpc, azCount);
      }
    }),
    { numRuns: 50 },
  );
}

function plannedBlocks(vpc: Cidr, azCount: number): Cidr[] {
  const plan = planSubnets(formatCidr(vpc), azCount);
  return [...plan.privateCidrs, ...plan.publicCidrs].map(parseCidr);
}

describe('planSubnets', () => {
  it('lays out 10.10.0.0/16 over 3 AZs as /19 private and /22 public blocks', () => {
    expect(planSubnets('10.10.0.0/16', 3)).toEqual({
      privateCidrs: ['10.10.0.0/19', '10.10.32.0/19', '10.10.64.0/19'],
      publicCidrs: ['10.10.128.0/22', '10.10.132.0/22', '10.10.136.0/22'],
    });
  });

  it('keeps public subnets of the smallest VPC at /27 so load balancers fit', () => {
    expect(planSubnets('10.0.4.0/22', 2)).toEqual({
      privateCidrs: ['10.0.4.0/25', '10.0.4.128/25'],
      publicCidrs: ['10.0.6.0/27', '10.0.6.32/27'],
    });
  });

  it('gives one private and one public subnet per AZ', () => {
    forEveryLayout((vpc, azs) => {
      const plan = planSubnets(formatCidr(vpc), azs);
      expect([plan.privateCidrs.length, plan.publicCidrs.length]).toEqual([azs, azs]);
    });
  });

  it('keeps every subnet inside the VPC', () => {
    forEveryLayout((vpc, azs) => plannedBlocks(vpc, azs).forEach((s) => expect(contains(vpc, s)).toBe(true)));
  });

  it('never overlaps two subnets', () => {
    forEveryLayout((vpc, azs) => {
      const blocks = plannedBlocks(vpc, azs);
      blocks.forEach((a, i) => blocks.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    });
  });

  it('leaves at least a quarter of the VPC free for growth', () => {
    forEveryLayout((vpc, azs) => {
      const used = plannedBlocks(vpc, azs).reduce((sum, s) => sum + blockSize(s.prefix), 0);
      expect(blockSize(vpc.prefix) - used).toBeGreaterThanOrEqual(blockSize(vpc.prefix) / 4);
    });
  });

  it('never makes a public subnet smaller than a load balancer needs', () => {
    forEveryLayout((vpc, azs) =>
      planSubnets(formatCidr(vpc), azs).publicCidrs.forEach((c) => expect(parseCidr(c).prefix).toBeLessThanOrEqual(LOAD_BALANCER_SUBNET_MAX_PREFIX)),
    );
  });

  it('never moves an existing AZ subnet when an AZ is appended', () => {
    forEveryLayout((vpc, azs) => {
      if (azs === MAX_AZS) return;
      const before = planSubnets(formatCidr(vpc), azs);
      const after = planSubnets(formatCidr(vpc), azs + 1);
      expect(after.privateCidrs.slice(0, azs)).toEqual(before.privateCidrs);
      expect(after.publicCidrs.slice(0, azs)).toEqual(before.publicCidrs);
    });
  });

  it.each(['10.0.0.0/15', '10.0.0.0/23'])('rejects %p as outside the supported VPC sizes', (cidr) => {
    expect(() => planSubnets(cidr, 2)).toThrow(`VPC CIDR ${cidr} must be between /16 and /22`);
  });

  it.each([0, 5, 1.5])('rejects %p availability zones', (count) => {
    expect(() => planSubnets('10.0.0.0/16', count)).toThrow(`availability zone count must be 1..4, got ${count}`);
  });

  it('names the malformed VPC CIDR', () => {
    expect(() => planSubnets('10.0.0.1/16', 2)).toThrow('"10.0.0.1/16" has host bits set; the network address is 10.0.0.0/16');
  });
});
