import { contains, formatCidr, parseCidr } from './cidr';
import type { Lifecycle } from './lifecycle';

/**
 * How CI reaches a cluster's Kubernetes API: the platform stack's helm and
 * kubernetes providers, `goldenpath verify` and teardown's drain all need it
 * from the runner. GitHub-hosted runners have no small fixed set of addresses,
 * so the env names one of these, per lifecycle.
 */
export const CLUSTER_API_ACCESS_KINDS = ['static-egress', 'self-hosted', 'public-endpoint'] as const;
export type ClusterApiAccessKind = (typeof CLUSTER_API_ACCESS_KINDS)[number];

/** EKS refuses more public access CIDRs than this. */
export const EKS_MAX_PUBLIC_ACCESS_CIDRS = 40;

/** The runner of a public-endpoint choice when the env names none. */
export const GITHUB_HOSTED_RUNNER = 'ubuntu-24.04';

export type ClusterApiAccess =
  /** Runners with static egress addresses (larger runners); those CIDRs are the endpoint's public access CIDRs. */
  | { readonly via: 'static-egress'; readonly runsOn: readonly string[]; readonly egressCidrs: readonly string[] }
  /** A self-hosted runner inside the VPC; the endpoint is private only. */
  | { readonly via: 'self-hosted'; readonly runsOn: readonly string[] }
  /** Builds only: the public endpoint open to every address; IAM authentication still applies. */
  | { readonly via: 'public-endpoint'; readonly runsOn: readonly string[] };

export interface EnvClusterApiAccess {
  readonly persistent: ClusterApiAccess;
  readonly builds: ClusterApiAccess;
}

/** What the EKS control plane's vpc_config gets. */
export interface EndpointAccess {
  readonly privateAccess: true;
  readonly publicAccess: boolean;
  /** Empty when publicAccess is false. */
  readonly publicAccessCidrs: readonly string[];
}

export function apiAccessFor(access: EnvClusterApiAccess, lifecycle: Lifecycle): ClusterApiAccess {
  return lifecycle === 'persistent' ? access.persistent : access.builds;
}

/** The one derivation of a cluster's endpoint access from the env's choice. */
export function endpointAccess(access: ClusterApiAccess): EndpointAccess {
  switch (access.via) {
    case 'static-egress':
      return { privateAccess: true, publicAccess: true, publicAccessCidrs: [...access.egressCidrs] };
    case 'self-hosted':
      return { privateAccess: true, publicAccess: false, publicAccessCidrs: [] };
    case 'public-endpoint':
      return { privateAccess: true, publicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] };
  }
}

/** What is known about the runner a check runs on. */
export interface ObservedRunner {
  /** Its public egress address (checkip-style lookup, RUNNER_EGRESS_IP, --egress-ip). */
  readonly egressIp?: string;
  /** Its labels (RUNNER_LABELS, --runner-labels). */
  readonly labels?: readonly string[];
  /** GitHub's RUNNER_ENVIRONMENT: github-hosted or self-hosted. */
  readonly hosting?: string;
}

export interface RunnerReach {
  readonly verdict: 'reachable' | 'unreachable' | 'unknown';
  readonly detail: string;
  readonly fix?: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function addressCidr(ip: string): string | undefined {
  const m = IPV4.exec(ip.trim());
  if (m === null || m.slice(1).some((o) => Number(o) > 255)) return undefined;
  return `${m.slice(1).map(Number).join('.')}/32`;
}

/**
 * Whether a runner can reach the endpoint `access` creates: its egress address
 * inside the public access CIDRs, or its labels naming the self-hosted runner.
 */
/** `field` names where the choice is written, for the fix (e.g. `cluster.apiAccess.builds in envs/dev.ts`). */
export function runnerReach(access: ClusterApiAccess, runner: ObservedRunner, field: string): RunnerReach {
  switch (access.via) {
    case 'public-endpoint':
      return { verdict: 'reachable', detail: 'the endpoint is public to every address (IAM authentication applies)' };
    case 'static-egress': {
      if (runner.egressIp === undefined || runner.egressIp.trim() === '') {
        return { verdict: 'unknown', detail: 'the runner egress address is unknown', fix: 'pass --egress-ip <address> or set RUNNER_EGRESS_IP (e.g. from https://checkip.amazonaws.com)' };
      }
      const own = addressCidr(runner.egressIp);
      if (own === undefined) return { verdict: 'unknown', detail: `the runner egress address "${runner.egressIp}" is not an IPv4 address`, fix: 'pass --egress-ip with the runner\'s public IPv4 address' };
      const inside = access.egressCidrs.some((c) => contains(parseCidr(c), parseCidr(own)));
      return inside
        ? { verdict: 'reachable', detail: `egress ${runner.egressIp.trim()} is inside the endpoint's public access CIDRs` }
        : {
            verdict: 'unreachable',
            detail: `egress ${runner.egressIp.trim()} is outside the endpoint's public access CIDRs (${access.egressCidrs.join(', ')})`,
            fix: `run on the static-egress runner [${access.runsOn.join(', ')}], or add ${formatCidr(parseCidr(own))} to the egressCidrs of ${field}`,
          };
    }
    case 'self-hosted': {
      if (runner.hosting?.trim() === 'github-hosted') {
        return { verdict: 'unreachable', detail: 'a GitHub-hosted runner cannot reach a private-only endpoint', fix: `run on the self-hosted runner [${access.runsOn.join(', ')}] inside the VPC, or change ${field}` };
      }
      const labels = (runner.labels ?? []).map((l) => l.trim().toLowerCase()).filter((l) => l !== '');
      if (labels.length === 0) {
        return { verdict: 'unknown', detail: 'the runner labels are unknown', fix: 'pass --runner-labels or set RUNNER_LABELS (comma-separated)' };
      }
      const missing = access.runsOn.filter((l) => !labels.includes(l.toLowerCase()));
      return missing.length === 0
        ? { verdict: 'reachable', detail: `the runner carries the self-hosted labels [${access.runsOn.join(', ')}] (inside the VPC)` }
        : {
            verdict: 'unreachable',
            detail: `the runner [${labels.join(', ')}] lacks the self-hosted labels ${missing.join(', ')}, so it cannot reach the private-only endpoint`,
            fix: `run on the self-hosted runner [${access.runsOn.join(', ')}] inside the VPC, or change ${field}`,
          };
    }
  }
}
