import { GetSecretValueCommand, ResourceNotFoundException, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, ParameterNotFound, type SSMClient } from '@aws-sdk/client-ssm';
import { parseJsonValue, SecretNotFoundError, type SecretSource } from './secret-source';

export interface AwsSecretSourceProps {
  readonly ssm: SSMClient;
  readonly secretsManager: SecretsManagerClient;
  /** Shown in messages, e.g. `AWS 111111111111 eu-west-2`. */
  readonly description: string;
}

/** Production source: SSM Parameter Store for the foundation document, Secrets Manager for credentials. */
export function awsSecretSource(props: AwsSecretSourceProps): SecretSource {
  return {
    description: props.description,
    async parameterJson(name) {
      try {
        const out = await props.ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
        return parseJsonValue('parameter', name, out.Parameter?.Value ?? '');
      } catch (err) {
        if (err instanceof ParameterNotFound) throw new SecretNotFoundError('parameter', name, props.description);
        throw err;
      }
    },
    async secretJson(id) {
      try {
        const out = await props.secretsManager.send(new GetSecretValueCommand({ SecretId: id }));
        if (out.SecretString === undefined) throw new Error(`secret "${id}" has no string value (binary secrets are not supported)`);
        return parseJsonValue('secret', id, out.SecretString);
      } catch (err) {
        if (err instanceof ResourceNotFoundException) throw new SecretNotFoundError('secret', id, props.description);
        throw err;
      }
    },
  };
}
