/**
 * How private subnets reach the internet: `single` shares one NAT gateway (in
 * the first public subnet) across the AZs; `per-az` puts one in every public
 * subnet, so an AZ outage does not take the other AZs' egress with it.
 */
export const NAT_STRATEGIES = ['single', 'per-az'] as const;
export type NatStrategy = (typeof NAT_STRATEGIES)[number];
