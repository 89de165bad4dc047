/**
 * The offline fallback of `goldenpath builds`: USD on-demand list prices for
 * eu-west-2 (London) as pinned on 2025-06-01, used only when the Price List
 * API cannot be asked, and then labelled as such with this date. Estimates
 * for spotting expensive leftovers, not billing.
 */
export const PRICE_TABLE = {
  region: 'eu-west-2',
  pinnedOn: '2025-06-01',
  currency: 'USD',
  eksClusterPerHour: 0.1,
  natGatewayPerHour: 0.05,
  /** Application, network and gateway load balancers: the hourly charge without capacity units. */
  loadBalancerPerHour: { application: 0.02646, network: 0.02646, gateway: 0.0147 },
  publicIpv4PerHour: 0.005,
  /** Per GB-month; converted with 730 hours a month. */
  ebsPerGbMonth: { gp3: 0.0928, gp2: 0.116, io1: 0.145, st1: 0.053, sc1: 0.0174 },
  instancePerHour: {
    't3.medium': 0.0472,
    't3.large': 0.0944,
    't3.xlarge': 0.1888,
    't3a.large': 0.085,
    'm5.large': 0.111,
    'm5.xlarge': 0.222,
    'm6i.large': 0.111,
    'm6i.xlarge': 0.222,
    'm7i.large': 0.1166,
    'c6i.large': 0.101,
    'r6i.large': 0.1464,
  } as Readonly<Record<string, number>>,
} as const;
