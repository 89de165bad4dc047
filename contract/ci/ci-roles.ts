import { accountScope, roleArn } from '../iam/arn';
import type { PolicyDocument } from '../iam/policy-document';
import { NAME_PREFIX } from '../naming';
import type { CiEnv } from './ci-env';
import { ciDeployPolicy } from './deploy-role';
import { githubOidcProviderArn, githubSubjects, REPOSITORY_PATTERN, trustPolicy } from './github-oidc';
import { reaperPolicy } from './reaper-role';

/**
 * The IAM the GitHub workflows assume, generated from the same names, tags,
 * SSM paths and state keys the program uses, each role trusting GitHub's
 * OIDC provider for exactly the workflow subjects that use it.
 */

/** Role names the workflows assume; the deploy role's ARN is the env's `cluster.ciDeployRoleArn`. */
export function reaperRoleName(env: string): string {
  return `${NAME_PREFIX}-${env}-ci-reaper`;
}

export interface CiRole {
  readonly roleName: string;
  readonly roleArn: string;
  readonly trust: PolicyDocument;
  readonly policy: PolicyDocument;
  /** The permissions boundary attached to the role, if any. */
  readonly boundary?: PolicyDocument;
}

/** The CI roles of an env for a GitHub repository `owner/name`. */
export function ciRoles(env: CiEnv, repository: string): { ciDeploy: CiRole; reaper: CiRole } {
  if (!REPOSITORY_PATTERN.test(repository)) throw new Error(`repository "${repository}" must be a GitHub owner/name such as goldenpath-idp/goldenpath-infra`);
  const subjects = githubSubjects(repository, env.name);
  const provider = githubOidcProviderArn(env.account);
  const deployArn = env.cluster.ciDeployRoleArn;
  return {
    ciDeploy: {
      roleName: deployArn.slice(deployArn.lastIndexOf('/') + 1),
      roleArn: deployArn,
      trust: trustPolicy(provider, [subjects.deployEnvironment, subjects.pullRequest, subjects.defaultBranch]),
      policy: ciDeployPolicy(env),
    },
    reaper: {
      roleName: reaperRoleName(env.name),
      roleArn: roleArn(accountScope(env.account), reaperRoleName(env.name)),
      trust: trustPolicy(provider, [subjects.defaultBranch]),
      policy: reaperPolicy(env),
    },
  };
}
