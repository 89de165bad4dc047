import { secretArn } from '../../../contract/iam/arn';
import type { PolicyDocument } from '../../../contract/iam/policy-document';
import { decryptThroughSecretsManager } from './decrypt-through-secrets-manager';

export interface ExternalSecretsPolicyInput {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** The secrets the cluster's apps read, by name (the plan's `appSecretNames`). */
  readonly secretNames: readonly string[];
}

/**
 * Read-only access to exactly the secrets the cluster's apps use and nothing
 * else: no listing, no other secret of the env, no other environment. The
 * secrets are encrypted with the database's customer key, so reading them
 * needs Decrypt through Secrets Manager. Undefined when the apps read no
 * secret (a build at tier 1.5): the role then carries no policy at all.
 */
export function externalSecretsPolicy(input: ExternalSecretsPolicyInput): PolicyDocument | undefined {
  if (input.secretNames.length === 0) return undefined;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadAppSecrets',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds', 'secretsmanager:GetResourcePolicy'],
        // Secrets Manager appends `-` and six random characters to every secret ARN.
        Resource: [...input.secretNames].sort().map((name) => secretArn(input, `${name}-??????`)),
      },
      decryptThroughSecretsManager(input),
    ],
  };
}
