import { Testing, TerraformStack } from 'cdktf';
import { AppDatabaseSecret, PASSWORD_EPHEMERAL_TYPE } from '../../../constructs/database/app-database-secret';
import { APP_DATABASE_SECRET_KEYS, APP_PASSWORD_POLICY } from '../../../contract/database-secret';
import { jsonencodeArgument } from '../../../rules/terraform-expression';
import type { TerraformJson } from '../../support/synth';

const KEY = 'arn:aws:kms:eu-west-2:111111111111:key/test';

function synth(): { tf: TerraformJson; construct: AppDatabaseSecret } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const construct = new AppDatabaseSecret(stack, 'keycloak', {
    app: 'keycloak',
    secretName: 'goldenpath/dev/keycloak/postgres',
    host: 'db.example.internal',
    port: 5432,
    kmsKeyArn: KEY,
  });
  return { tf: JSON.parse(Testing.synth(stack)) as TerraformJson, construct };
}

const version = (tf: TerraformJson): TerraformJson => Object.values(tf.resource.aws_secretsmanager_secret_version)[0] as TerraformJson;

describe('AppDatabaseSecret', () => {
  it('names the secret and encrypts it with the given key', () => {
    const secret = Object.values(synth().tf.resource.aws_secretsmanager_secret)[0] as TerraformJson;
    expect(secret).toEqual(expect.objectContaining({ name: 'goldenpath/dev/keycloak/postgres', kms_key_id: KEY }));
  });

  it('declares an ephemeral password with the contract policy', () => {
    const { tf, construct } = synth();
    const [, type, name] = construct.passwordAddress.split('.');
    expect(type).toBe(PASSWORD_EPHEMERAL_TYPE);
    expect(tf.ephemeral[type!][name!]).toEqual({ password_length: APP_PASSWORD_POLICY.length, exclude_punctuation: APP_PASSWORD_POLICY.excludePunctuation });
  });

  it('writes exactly the contract keys through the write-only argument', () => {
    const v = version(synth().tf);
    const value = jsonencodeArgument(v.secret_string_wo) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual([...APP_DATABASE_SECRET_KEYS].sort());
    expect(value).toEqual(expect.objectContaining({ username: 'keycloak', dbname: 'keycloak', host: 'db.example.internal', port: 5432, engine: 'postgres' }));
  });

  it('takes the password from the ephemeral resource, never a literal', () => {
    const { tf, construct } = synth();
    const value = jsonencodeArgument(version(tf).secret_string_wo) as Record<string, unknown>;
    expect(value.password).toBe(`\${${construct.passwordAddress}.random_password}`);
    expect(version(tf).secret_string).toBeUndefined();
    expect(version(tf).secret_string_wo_version).toBe(1);
  });
});
