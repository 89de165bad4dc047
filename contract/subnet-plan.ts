import { formatCidr, parseCidr, subnetOf } from './cidr';

/** VPC sizes the subnet layout supports: private subnets are VPC+3 bits, public ones at least /27. */
export const VPC_PREFIX_RANGE = { min: 16, max: 22 } as const;
export const MAX_AZS = 4;

/** AWS asks for load balancer subnets of at least a /27 so the load balancer can scale (8 free addresses). */
export const LOAD_BALANCER_SUBNET_MAX_PREFIX = 27;

export interface SubnetPlan {
  readonly publicCidrs: string[];
  readonly privateCidrs: string[];
}

/**
 * Private subnets take the first eighths of the VPC (one per AZ, room for a
 * fourth AZ); public subnets are small blocks (a 64th of the VPC, never smaller
 * than a /27, which internet-facing load balancers need) at the start of the
 * second half. Everything else is left free for growth (e.g. database or
 * endpoint subnets). Appending an AZ never moves an existing subnet.
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
  const publicBits = Math.min(6, LOAD_BALANCER_SUBNET_MAX_PREFIX - vpc.prefix);
  const secondHalf = 2 ** (publicBits - 1);
  return {
    privateCidrs: azs.map((i) => formatCidr(subnetOf(vpc, 3, i))),
    publicCidrs: azs.map((i) => formatCidr(subnetOf(vpc, publicBits, secondHalf + i))),
  };
}
