import { foundationDeployCommand } from '../../contract/deploy-command';
import type { DnsFoundation } from '../../contract/foundation';
import type { PlannedStack } from '../../contract/plan';
import type { CheckResult } from './checks';

/** What AWS says about ExternalDNS's IRSA role; null when the role does not exist. */
export interface ExternalDnsRoleFacts {
  readonly attachedPolicyArns: readonly string[];
  readonly boundaryArn: string | null;
  /** The role's `goldenpath.idp/build-id` tag, which the build policy reads as a policy variable. */
  readonly buildIdTag: string | null;
}

/** The outcome of the one-shot in-cluster connection to the database. */
export interface ReachFacts {
  readonly ok: boolean;
  readonly detail: string;
}

/** Facts gathered after the cluster stack and before the platform stack (the apps); undefined = not needed at this tier. */
export interface PlatformFacts {
  /** The dns foundation document, parsed; null when missing or invalid (the foundation stage reports why). */
  readonly dns: DnsFoundation | null;
  readonly externalDnsRole: ExternalDnsRoleFacts | null;
  /** Secrets Manager name → whether it exists, for every selected app with a database. */
  readonly appSecrets?: Readonly<Record<string, boolean>>;
  readonly databaseReach?: ReachFacts;
  /** Whether the Secret the OIDC config app logs in to Keycloak with exists. */
  readonly keycloakAdminSecret?: boolean;
}

export interface PlatformPreflightInput {
  readonly env: string;
  /** Absent on the persistent clusters. */
  readonly buildId?: string;
  /** ExternalDNS `txtOwnerId`: `goldenpath-{env}` or `goldenpath-{env}-{buildId}`. */
  readonly ownerId: string;
  readonly externalDnsRoleName: string;
  /** The boundary every persistent role carries (the account plane's workload boundary). */
  readonly workloadBoundaryArn: string;
  /** The stack that creates the role (and the cluster), and the command that deploys it (from the plan). */
  readonly clusterStack: Pick<PlannedStack, 'name' | 'deployCommand'>;
  /** Selected apps with a database and the name of their credentials secret; empty below tier 2. */
  readonly appSecrets: readonly { readonly app: string; readonly secretName: string }[];
  /** `namespace/name` of the Keycloak admin Secret, when tier 3 is selected. */
  readonly keycloakAdminSecret?: string;
}

function expectedExternalDns(input: PlatformPreflightInput, dns: DnsFoundation): { policy: string; boundary: string | null } {
  return input.buildId === undefined ? { policy: dns.persistentPolicyArn, boundary: input.workloadBoundaryArn } : { policy: dns.buildPolicyArn, boundary: dns.buildBoundaryArn };
}

/**
 * ExternalDNS may write only its owner's names: a persistent cluster's role
 * carries exactly the persistent policy; a build's carries exactly the build
 * policy, the dns stack's build boundary and its build-id tag (the policy's
 * variable). Anything else attached could widen what it writes.
 */
export function externalDnsCheck(input: PlatformPreflightInput, facts: Pick<PlatformFacts, 'dns' | 'externalDnsRole'>): CheckResult {
  const check = `ExternalDNS role ${input.externalDnsRoleName} scoped to owner ${input.ownerId}`;
  if (facts.dns === null) return { check, ok: false, detail: 'the dns foundation document is missing or invalid', fix: `deploy ${input.env}-dns first (${foundationDeployCommand(input.env, 'dns')})` };
  const role = facts.externalDnsRole;
  if (role === null) return { check, ok: false, detail: 'the role does not exist', fix: `deploy ${input.clusterStack.name} first (${input.clusterStack.deployCommand})` };
  const expected = expectedExternalDns(input, facts.dns);
  const problems = [
    ...(role.attachedPolicyArns.length === 1 && role.attachedPolicyArns[0] === expected.policy ? [] : [`attached policies are [${role.attachedPolicyArns.join(', ')}], expected exactly ${expected.policy}`]),
    ...(role.boundaryArn === expected.boundary ? [] : [`permissions boundary is ${role.boundaryArn ?? 'none'}, expected ${expected.boundary ?? 'none'}`]),
    ...(input.buildId === undefined || role.buildIdTag === input.buildId ? [] : [`build-id tag is ${role.buildIdTag ?? 'missing'}, expected ${input.buildId}`]),
  ];
  return problems.length === 0
    ? { check, ok: true, detail: input.buildId === undefined ? 'persistent policy, workload boundary' : 'build policy, build boundary, build-id tag' }
    : { check, ok: false, detail: problems.join('; '), fix: `re-deploy ${input.clusterStack.name} (${input.clusterStack.deployCommand}); never attach policies to this role by hand` };
}

/**
 * The checks that must hold before the platform stack starts the apps:
 * ExternalDNS scoped to its owner (every tier); from tier 2, each selected
 * app's database secret in Secrets Manager and the database reachable from
 * inside the cluster; at tier 3, the Secret the OIDC config app logs in to
 * Keycloak with.
 */
export function evaluatePlatformPreflight(input: PlatformPreflightInput, facts: PlatformFacts): CheckResult[] {
  const results: CheckResult[] = [externalDnsCheck(input, facts)];
  for (const { app, secretName } of input.appSecrets) {
    const exists = facts.appSecrets?.[secretName] === true;
    results.push({
      check: `database secret ${secretName} of app ${app}`,
      ok: exists,
      detail: exists ? 'exists' : 'does not exist in Secrets Manager',
      fix: exists ? undefined : `add the app's database to database.apps in envs/${input.env}.ts and deploy ${input.env}-database (${foundationDeployCommand(input.env, 'database')})`,
    });
  }
  if (input.appSecrets.length > 0) {
    const reach = facts.databaseReach ?? { ok: false, detail: 'not checked' };
    results.push({
      check: 'database reachable from inside the cluster',
      ok: reach.ok,
      detail: reach.detail,
      fix: reach.ok
        ? undefined
        : `pods must reach the database: its security group admits this cluster's node security group on the PostgreSQL port through the rule ${input.clusterStack.name} owns (re-deploy it: ${input.clusterStack.deployCommand}), the instance must be available (${input.env}-database: ${foundationDeployCommand(input.env, 'database')}), and the cluster must run in the env's VPC`,
    });
  }
  if (input.keycloakAdminSecret !== undefined) {
    const present = facts.keycloakAdminSecret === true;
    results.push({
      check: `Keycloak admin Secret ${input.keycloakAdminSecret}`,
      ok: present,
      detail: present ? 'exists: the OIDC config app can log in to import the realm' : 'missing: the OIDC config app could not log in to import the realm',
      fix: present ? undefined : 'the GitOps repository provides it (key `password`), see docs/gitops-contract.md',
    });
  }
  return results;
}
