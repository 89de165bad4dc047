import { appDatabaseSecretName, foundationParameterName } from '../../../contract/naming';
import { decryptThroughSecretsManager, type PolicyDocument } from './policy-document';

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
  const { partition, region, accountId } = input;
  // Secrets Manager appends `-` and six random characters to every secret ARN.
  const appSecrets = `arn:${partition}:secretsmanager:${region}:${accountId}:secret:${appDatabaseSecretName(input.env, '*')}-??????`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadDatabaseFoundation',
        Effect: 'Allow',
        Action: 'ssm:GetParameter',
        Resource: `arn:${partition}:ssm:${region}:${accountId}:parameter${foundationParameterName(input.env, 'database')}`,
      },
      { Sid: 'ReadDatabaseSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [input.masterSecretArn, appSecrets] },
      decryptThroughSecretsManager(partition, region, accountId),
    ],
  };
}
