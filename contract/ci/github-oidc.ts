import { iamArn } from '../iam/arn';
import { partitionOf } from '../iam/partition';
import { policyDocument, type PolicyDocument, type PolicyStatement } from '../iam/policy-document';
import { DEFAULT_BRANCH_REF } from './workflows';

/** GitHub Actions' OIDC issuer host: the provider's URL and the prefix of its claim condition keys. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
export const STS_AUDIENCE = 'sts.amazonaws.com';

/**
 * Claim condition keys STS evaluates in a trust policy: `sub` and `aud`, and
 * (since STS validates provider-specific claims) `job_workflow_ref`, the
 * workflow file and ref the job runs, which tells apart two workflows that
 * share the default-branch subject.
 */
export const GITHUB_CLAIM_KEYS = {
  sub: `${GITHUB_OIDC_HOST}:sub`,
  aud: `${GITHUB_OIDC_HOST}:aud`,
  jobWorkflowRef: `${GITHUB_OIDC_HOST}:job_workflow_ref`,
  environment: `${GITHUB_OIDC_HOST}:environment`,
} as const;

/** The provider's ARN in an account (IAM names OIDC providers by their host). */
export function githubOidcProviderArn(account: { readonly id: string; readonly region: string }): string {
  return iamArn({ partition: partitionOf(account.region), accountId: account.id }, `oidc-provider/${GITHUB_OIDC_HOST}`);
}

/** GitHub OIDC subjects of the workflows (`repo:<owner>/<repo>:...`). */
export function githubSubjects(repository: string, env: string) {
  const repo = `repo:${repository}`;
  return {
    /** A job that declares `environment: {env}`: the GitHub environment's reviewers and branch policy gate it. */
    environment: `${repo}:environment:${env}`,
    /** Any job of a pull_request-triggered run, whatever its branch: the attacker's subject. */
    pullRequest: `${repo}:pull_request`,
    /** A job on the default branch: a manual dispatch or a schedule. */
    defaultBranch: `${repo}:ref:${DEFAULT_BRANCH_REF}`,
  };
}

/** `owner/repo/.github/workflows/<file>@<ref>`: the value of the job_workflow_ref claim. */
export function jobWorkflowRef(repository: string, workflowFile: string, ref: string): string {
  return `${repository}/.github/workflows/${workflowFile}@${ref}`;
}

/** The ref a pull_request run's jobs carry: the merge ref of any pull request. */
export const ANY_PULL_REQUEST_REF = 'refs/pull/*/merge';

export const REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Who may assume a role: one subject, run by one workflow file at a ref (pattern). */
export interface TrustedCaller {
  /** A statement id naming the caller, e.g. `PullRequestBuilds`. */
  readonly sid: string;
  readonly subject: string;
  readonly jobWorkflowRef: string;
  /** The GitHub environment the job must declare, for roles an environment gates. */
  readonly environment?: string;
}

/** A trust policy with one statement per caller: the subject and the pinned workflow must both match. */
export function githubTrustPolicy(providerArn: string, callers: readonly TrustedCaller[]): PolicyDocument {
  return policyDocument(
    callers.map(
      (c): PolicyStatement => ({
        Sid: c.sid,
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: {
          StringEquals: {
            [GITHUB_CLAIM_KEYS.aud]: STS_AUDIENCE,
            [GITHUB_CLAIM_KEYS.sub]: c.subject,
            ...(c.environment === undefined ? {} : { [GITHUB_CLAIM_KEYS.environment]: c.environment }),
          },
          // StringLike only for the pull request number; everything else of the ref is literal.
          StringLike: { [GITHUB_CLAIM_KEYS.jobWorkflowRef]: c.jobWorkflowRef },
          // A caller without an environment must not come from a job that declares one (whose token carries its own approvals).
          ...(c.environment === undefined ? { Null: { [GITHUB_CLAIM_KEYS.environment]: 'true' } } : {}),
        },
      }),
    ),
  );
}
