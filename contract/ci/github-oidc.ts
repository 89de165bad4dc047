import { iamArn } from '../iam/arn';
import { partitionOf } from '../iam/partition';
import { policyDocument, type PolicyDocument } from '../iam/policy-document';

/** GitHub Actions' OIDC issuer host: the provider's URL and the prefix of its claim condition keys. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** The provider's ARN in an account (IAM names OIDC providers by their host). */
export function githubOidcProviderArn(account: { readonly id: string; readonly region: string }): string {
  return iamArn({ partition: partitionOf(account.region), accountId: account.id }, `oidc-provider/${GITHUB_OIDC_HOST}`);
}

/** GitHub OIDC subjects of the workflows (`repo:<owner>/<repo>:...`). */
export function githubSubjects(repository: string, env: string) {
  const repo = `repo:${repository}`;
  return {
    /** deploy-environment: its job runs in the GitHub environment named like the env. */
    deployEnvironment: `${repo}:environment:${env}`,
    /** ephemeral-build on a labelled pull request. */
    pullRequest: `${repo}:pull_request`,
    /** ephemeral-build dispatched by hand, and the nightly reaper: both on the default branch. */
    defaultBranch: `${repo}:ref:refs/heads/main`,
  };
}

export const REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export function trustPolicy(providerArn: string, subjects: readonly string[]): PolicyDocument {
  return policyDocument([
    {
      Sid: 'GitHubActions',
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      // `sub` is single-valued: StringEquals with a list matches any one of them.
      Condition: { StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE, [`${GITHUB_OIDC_HOST}:sub`]: subjects } },
    },
  ]);
}
