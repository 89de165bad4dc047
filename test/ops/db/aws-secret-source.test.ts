import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { awsSecretSource } from '../../../ops/db/aws-secret-source';
import { SecretNotFoundError } from '../../../ops/db/secret-source';

const ssm = mockClient(SSMClient);
const secretsManager = mockClient(SecretsManagerClient);

function source() {
  return awsSecretSource({ ssm: new SSMClient({ region: 'eu-west-2' }), secretsManager: new SecretsManagerClient({ region: 'eu-west-2' }), description: 'AWS test' });
}

describe('awsSecretSource', () => {
  beforeEach(() => {
    ssm.reset();
    secretsManager.reset();
  });

  it('reads the parameter with decryption and parses its JSON', async () => {
    ssm.on(GetParameterCommand, { Name: '/goldenpath/dev/foundation/database', WithDecryption: true }).resolves({ Parameter: { Value: '{"schemaVersion":1}' } });
    expect(await source().parameterJson('/goldenpath/dev/foundation/database')).toEqual({ schemaVersion: 1 });
  });

  it('reads a secret string and parses its JSON', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: 'arn:s' }).resolves({ SecretString: '{"username":"u"}' });
    expect(await source().secretJson('arn:s')).toEqual({ username: 'u' });
  });

  it('reports a missing parameter as not found', async () => {
    ssm.on(GetParameterCommand).rejects(new ParameterNotFound({ message: 'nope', $metadata: {} }));
    await expect(source().parameterJson('/p')).rejects.toThrow(new SecretNotFoundError('parameter', '/p', 'AWS test'));
  });

  it('reports a missing secret as not found', async () => {
    secretsManager.on(GetSecretValueCommand).rejects(new ResourceNotFoundException({ message: 'nope', $metadata: {} }));
    await expect(source().secretJson('arn:s')).rejects.toThrow(SecretNotFoundError);
  });

  it('refuses a binary secret', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
    await expect(source().secretJson('arn:s')).rejects.toThrow('secret "arn:s" has no string value (binary secrets are not supported)');
  });

  it('names a secret that is not JSON without echoing its value', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'hunter2' });
    const read = source().secretJson('arn:s');
    await expect(read).rejects.toThrow('secret "arn:s" is not valid JSON (its value is not shown because it may hold credentials)');
  });
});
