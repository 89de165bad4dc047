import { envSecretPrefix } from '../../../contract/naming';
import { secretArn } from '../../../contract/iam/arn';
import type { PolicyDocument } from '../../../contract/iam/policy-document';
import { decryptThroughSecretsManager } from './decrypt-through-secrets-manager';

export interface ExternalSecretsPolicyInput {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly env: string;
}

/**
 * Read-only access to the env's app secrets (`goldenpath/{env}/*`) and
 * nothing else: no listing, no other environment, no secret outside the
 * prefix. The secrets are encrypted with the database's customer key, so
 * reading them needs Decrypt through Secrets Manager.
 */
export function externalSecretsPolicy(input: ExternalSecretsPolicyInput): PolicyDocument {
  const secrets = secretArn(input, `${envSecretPrefix(input.env)}*`);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadEnvSecrets',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds', 'secretsmanager:GetResourcePolicy'],
        Resource: secrets,
      },
      decryptThroughSecretsManager(input),
    ],
  };
}
