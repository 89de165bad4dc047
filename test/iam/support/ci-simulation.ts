import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { CiRole } from '../../../contract/ci/ci-roles';

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
 * Whether a GitHub token with these claims may assume the role. The
 * simulator's IAM data lists the GitHub claims STS validates
 * (job_workflow_ref, environment, ref, repository, workflow, …) but not the
 * standard `sub` and `aud`, and its checked entry point drops context keys it
 * does not list. So the trust policy is validated by that entry point first
 * (syntax, principal, action), then evaluated on every claim by the
 * unchecked one, which takes the context as given.
 */
export async function trustDecision(role: CiRole, providerArn: string, accountId: string, claims: Context): Promise<Decision> {
  const simulation = {
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: role.trust as unknown as Record<string, unknown>,
    request: { principal: providerArn, action: 'sts:AssumeRoleWithWebIdentity', resource: { resource: role.roleArn, accountId }, contextVariables: claims },
  } as Simulation;
  await run(simulation);
  // The unchecked entry point loads the resource policy without a name (which its analysis needs) unless handed one already validated.
  const validated = { __validated: true, policyDocument: role.trust, metadata: { name: `${role.roleName}-trust` }, errors: [] };
  return runUnsafeSimulation({ ...simulation, resourcePolicy: validated } as unknown as Simulation, {}) as Decision;
}
