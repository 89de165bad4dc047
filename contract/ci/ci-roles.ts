import { accountScope, roleArn } from '../iam/arn';
import { policyDocument, type PolicyDocument } from '../iam/policy-document';
import { buildPolicy } from './build-role';
import type { CiEnv } from './ci-env';
import { deployPolicy } from './deploy-role';
import { ANY_PULL_REQUEST_REF, githubOidcProviderArn, githubSubjects, githubTrustPolicy, jobWorkflowRef, REPOSITORY_PATTERN, type TrustedCaller } from './github-oidc';
import { ciGuardRails } from './guards';
import { ciRoleName, type CiRoleKey } from './names';
import { reaperPolicy } from './reaper-role';
import { ciSessionSeconds } from './sessions';
import { stateGuardRails } from './state-access';
import { validationPolicy } from './validation-role';
import { CI_ROLE_WORKFLOWS, DEFAULT_BRANCH_REF } from './workflows';

/**
 * The IAM the GitHub workflows assume, generated from the same names, tags,
 * SSM paths and state keys the program uses. One role per kind of trigger,
 * each trusting GitHub's OIDC provider for exactly the subject and the
 * workflow file that use it:
 *
 * | role | trusted by | workflow |
 * |---|---|---|
 * | deploy | `environment:{env}` (the GitHub environment's reviewers and branch policy gate it) | deploy-environment |
 * | build | `pull_request`, and a manual run on `main` — only where the env enables builds | ephemeral-build |
 * | reaper | `main` (its schedule and manual runs) | orphan-reaper |
 * | validation | `main` (its schedule and manual runs) | tier-validation |
 */

export interface CiRole {
  readonly roleName: string;
  readonly roleArn: string;
  readonly trust: PolicyDocument;
  readonly policy: PolicyDocument;
  /** The permissions boundary attached to the role, if any. */
  readonly boundary?: PolicyDocument;
  /** IAM MaxSessionDuration: covers the longest job that assumes the role. */
  readonly maxSessionSeconds: number;
}

export type CiRoles = Partial<Record<CiRoleKey, CiRole>>;

/**
 * The ceiling every CI role carries as its permissions boundary: its own
 * guard rails, so a policy attached to a CI role by hand later (say
 * AdministratorAccess) still cannot escalate.
 */
export function ciRoleBoundary(env: CiEnv): PolicyDocument {
  return policyDocument([
    { Sid: 'Ceiling', Effect: 'Allow', Action: '*', Resource: '*' },
    ...ciGuardRails(env),
    ...stateGuardRails(env, accountScope(env.account).partition),
  ]);
}

/** Who may assume each role. */
export function trustedCallers(env: CiEnv, repository: string): Record<CiRoleKey, readonly TrustedCaller[]> {
  const subjects = githubSubjects(repository, env.name);
  const onMain = (key: CiRoleKey, sid: string): TrustedCaller => ({ sid, subject: subjects.defaultBranch, jobWorkflowRef: jobWorkflowRef(repository, CI_ROLE_WORKFLOWS[key], DEFAULT_BRANCH_REF) });
  return {
    // The deploy job runs in the GitHub environment; its ref is main by the environment's branch policy.
    deploy: [{ sid: 'EnvironmentDeploys', subject: subjects.environment, environment: env.name, jobWorkflowRef: jobWorkflowRef(repository, CI_ROLE_WORKFLOWS.deploy, DEFAULT_BRANCH_REF) }],
    build: [
      { sid: 'PullRequestBuilds', subject: subjects.pullRequest, jobWorkflowRef: jobWorkflowRef(repository, CI_ROLE_WORKFLOWS.build, ANY_PULL_REQUEST_REF) },
      onMain('build', 'ManualBuildsOnMain'),
    ],
    reaper: [onMain('reaper', 'ReaperOnMain')],
    validation: [onMain('validation', 'NightlyValidationOnMain')],
  };
}

/** The CI roles of an env for a GitHub repository `owner/name`; no build role where the env does not enable builds. */
export function ciRoles(env: CiEnv, repository: string): CiRoles {
  if (!REPOSITORY_PATTERN.test(repository)) throw new Error(`repository "${repository}" must be a GitHub owner/name such as goldenpath-idp/goldenpath-infra`);
  const provider = githubOidcProviderArn(env.account);
  const callers = trustedCallers(env, repository);
  const boundary = ciRoleBoundary(env);
  const policies: Record<CiRoleKey, (e: CiEnv) => PolicyDocument> = { deploy: deployPolicy, build: buildPolicy, reaper: reaperPolicy, validation: validationPolicy };
  const keys = (Object.keys(policies) as CiRoleKey[]).filter((k) => k !== 'build' || env.ephemeral.enabled);
  return Object.fromEntries(
    keys.map((key) => [
      key,
      {
        roleName: ciRoleName(env.name, key),
        roleArn: roleArn(accountScope(env.account), ciRoleName(env.name, key)),
        trust: githubTrustPolicy(provider, callers[key]),
        policy: policies[key](env),
        boundary,
        maxSessionSeconds: ciSessionSeconds(key),
      },
    ]),
  );
}
