import { overlaps, parseCidr } from './cidr';
import type { EnvClusterApiAccess } from './cluster-api-access';
import { VERSIONS } from './versions';

/**
 * Values the repository ships so its examples synthesize, which must never
 * reach a real account: the example accounts, the documentation address
 * ranges (RFC 5737), the example zone ids, the example GitOps repository and
 * GitHub organization, and the example image organization.
 */
export const EXAMPLE_ACCOUNT_IDS = ['111111111111', '222222222222', '333333333333'] as const;
export const DOCUMENTATION_CIDRS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'] as const;
export const EXAMPLE_GITOPS_REPO_URL = 'https://github.com/goldenpath-idp/goldenpath-gitops.git';
/** The GitHub organization of the examples: the repository the CI roles trust, and the image registry path. */
export const EXAMPLE_GITHUB_ORGANIZATION = 'goldenpath-idp';
export const EXAMPLE_IMAGE_PREFIX = `ghcr.io/${EXAMPLE_GITHUB_ORGANIZATION}/`;
/** The env zone ids the examples pin (`dns.zoneId`): a build boundary pinned to them lets no build write DNS anywhere real. */
export const EXAMPLE_ZONE_IDS = { dev: 'Z0DEVZONE00001', staging: 'Z0STAGINGZONE01' } as const;

/** Lets the lifecycle CLI run an example env against a fake account (offline tests); no workflow sets it. */
export const ACKNOWLEDGE_EXAMPLE_VALUES_VARIABLE = 'GOLDENPATH_ACKNOWLEDGE_EXAMPLE_VALUES';

/** The fields of an env definition that can carry an example value. */
export interface ExampleValueFields {
  readonly name: string;
  readonly account: { readonly id: string };
  readonly dns: { readonly zoneId?: string };
  readonly network: { readonly vpcCidr: string };
  readonly cluster: { readonly apiAccess: EnvClusterApiAccess };
  readonly gitops: { readonly repoUrl: string };
  readonly github: { readonly repository: string };
}

/**
 * One line per example value the env (or the image manifest) still carries,
 * naming the field and the file to change; empty when it is ready for a real
 * account. Synth of the examples does not call this; preflight, the bootstrap
 * stack and the workflows do.
 */
export function exampleValueProblems(env: ExampleValueFields): string[] {
  const file = `envs/${env.name}.ts`;
  const problems: string[] = [];
  if ((EXAMPLE_ACCOUNT_IDS as readonly string[]).includes(env.account.id)) {
    problems.push(`account.id in ${file} is the example account ${env.account.id}; set the env's own AWS account`);
  }
  const zoneId = env.dns.zoneId;
  if (zoneId !== undefined && (Object.values(EXAMPLE_ZONE_IDS) as string[]).includes(zoneId)) {
    problems.push(`dns.zoneId in ${file} is the example zone id ${zoneId}; set the zone_id output of ${env.name}-dns (README, Day 0 step 7), or remove it until then`);
  }
  const documentation = (cidr: string) => DOCUMENTATION_CIDRS.find((d) => overlaps(parseCidr(d), parseCidr(cidr)));
  const vpcExample = documentation(env.network.vpcCidr);
  if (vpcExample !== undefined) problems.push(`network.vpcCidr in ${file} (${env.network.vpcCidr}) lies in the documentation range ${vpcExample}; use a private range of your network`);
  for (const key of ['persistent', 'builds'] as const) {
    const access = env.cluster.apiAccess[key];
    if (access.via !== 'static-egress') continue;
    access.egressCidrs.forEach((cidr, i) => {
      const example = documentation(cidr);
      if (example !== undefined) problems.push(`cluster.apiAccess.${key}.egressCidrs[${i}] in ${file} (${cidr}) is in the documentation range ${example}; set the static egress CIDRs of your CI runners`);
    });
  }
  if (env.gitops.repoUrl === EXAMPLE_GITOPS_REPO_URL) problems.push(`gitops.repoUrl in ${file} is the example GitOps repository; set your own`);
  if (env.github.repository.split('/')[0]?.toLowerCase() === EXAMPLE_GITHUB_ORGANIZATION) {
    problems.push(`github.repository in ${file} (${env.github.repository}) is in the example organization; set the repository whose workflows deploy`);
  }
  if (VERSIONS.goldenpathCliImage.repository.startsWith(EXAMPLE_IMAGE_PREFIX)) {
    problems.push(`VERSIONS.goldenpathCliImage.repository in contract/versions.ts (${VERSIONS.goldenpathCliImage.repository}) is the example image organization; publish the image under your own`);
  }
  return problems;
}
