import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { CiRole } from '../../../contract/ci/ci-roles';
import { GITHUB_CLAIM_KEYS } from '../../../contract/ci/github-oidc';
import type { PolicyDocument } from '../../../contract/iam/policy-document';

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';
export type Context = Record<string, string | string[]>;

async function run(simulation: Simulation): Promise<Decision> {
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult as Decision;
}

/** What a CI role may do: its generated policy and its permissions boundary, evaluated together. */
export function identityDecision(role: CiRole, accountId: string, region: string, action: string, resource: string, context: Context = {}): Promise<Decision> {
  return run({
    identityPolicies: [{ name: role.roleName, policy: role.policy as unknown as Record<string, unknown> }],
    permissionBoundaryPolicies: role.boundary === undefined ? undefined : [{ name: 'boundary', policy: role.boundary as unknown as Record<string, unknown> }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      principal: role.roleArn.replace(':role/', ':assumed-role/').concat('/ci'),
      action,
      resource: { resource, accountId },
      contextVariables: { 'aws:RequestedRegion': region, ...context },
    },
  } as Simulation);
}

/**
 * The simulator's IAM data lists the claims STS validates for GitHub
 * (job_workflow_ref, environment, ref, repository, …) but not `sub` and
 * `aud`, so it would treat them as missing. Trust is simulated on the other
 * conditions; `sub` and `aud` are asserted as data by the trust tests.
 */
export function trustWithoutSubAndAud(trust: PolicyDocument): PolicyDocument {
  return {
    ...trust,
    Statement: trust.Statement.map((s) => ({
      ...s,
      Condition: Object.fromEntries(
        Object.entries(s.Condition ?? {})
          .map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys).filter(([k]) => k !== GITHUB_CLAIM_KEYS.sub && k !== GITHUB_CLAIM_KEYS.aud))] as const)
          .filter(([, keys]) => Object.keys(keys).length > 0),
      ),
    })),
  };
}

/** Whether a GitHub token with these claims may assume the role. */
export function trustDecision(role: CiRole, providerArn: string, accountId: string, claims: Context): Promise<Decision> {
  return run({
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: trustWithoutSubAndAud(role.trust) as unknown as Record<string, unknown>,
    request: { principal: providerArn, action: 'sts:AssumeRoleWithWebIdentity', resource: { resource: role.roleArn, accountId }, contextVariables: claims },
  } as Simulation);
}
