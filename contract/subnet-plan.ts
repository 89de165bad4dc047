import { formatCidr, parseCidr, subnetOf } from './cidr';

/** VPC sizes the subnet layout supports: public subnets are VPC+6 bits and AWS's smallest subnet is /28. */
export const VPC_PREFIX_RANGE = { min: 16, max: 22 } as const;
export const MAX_AZS = 4;

export interface SubnetPlan {
  readonly publicCidrs: string[];
  readonly privateCidrs: string[];
}

/**
 * Private subnets take the first eighths of the VPC (one per AZ, room for a
 * fourth AZ); public subnets are small blocks at the start of the second half.
 * Everything else is left free for growth (e.g. database or endpoint subnets).
 */
export function planSubnets(vpcCidr: string, azCount: number): SubnetPlan {
  const vpc = parseCidr(vpcCidr);
  if (vpc.prefix < VPC_PREFIX_RANGE.min || vpc.prefix > VPC_PREFIX_RANGE.max) {
    throw new Error(`VPC CIDR ${vpcCidr} must be between /${VPC_PREFIX_RANGE.min} and /${VPC_PREFIX_RANGE.max}`);
  }
  if (!Number.isInteger(azCount) || azCount < 1 || azCount > MAX_AZS) {
    throw new Error(`availability zone count must be 1..${MAX_AZS}, got ${azCount}`);
  }
  const azs = Array.from({ length: azCount }, (_, i) => i);
  return {
    privateCidrs: azs.map((i) => formatCidr(subnetOf(vpc, 3, i))),
    publicCidrs: azs.map((i) => formatCidr(subnetOf(vpc, 6, 32 + i))),
  };
}
