import { appDatabaseSecretName, foundationParameterName } from '../../../contract/naming';
import { secretArn, ssmParameterArn } from '../../../contract/iam/arn';
import type { PolicyDocument } from '../../../contract/iam/policy-document';
import { decryptThroughSecretsManager } from './decrypt-through-secrets-manager';

export interface DbProvisionerPolicyInput {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly env: string;
  /** ARN of the RDS-managed master secret, from the database foundation document. */
  readonly masterSecretArn: string;
}

/**
 * What `goldenpath db provision` reads, and nothing else: the database
 * foundation document, the master secret and the env's app secrets
 * (`goldenpath/{env}/{app}/postgres`), decrypted through Secrets Manager.
 * `sts:GetCallerIdentity` needs no grant.
 */
export function dbProvisionerPolicy(input: DbProvisionerPolicyInput): PolicyDocument {
  // Secrets Manager appends `-` and six random characters to every secret ARN.
  const appSecrets = secretArn(input, `${appDatabaseSecretName(input.env, '*')}-??????`);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadDatabaseFoundation',
        Effect: 'Allow',
        Action: 'ssm:GetParameter',
        Resource: ssmParameterArn(input, foundationParameterName(input.env, 'database')),
      },
      { Sid: 'ReadDatabaseSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [input.masterSecretArn, appSecrets] },
      decryptThroughSecretsManager(input),
    ],
  };
}
