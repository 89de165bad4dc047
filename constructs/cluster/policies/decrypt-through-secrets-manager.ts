import { regionalArn, type AccountScope } from '../../../contract/iam/arn';
import type { PolicyStatement } from '../../../contract/iam/policy-document';

/**
 * kms:Decrypt on the region's keys, only when Secrets Manager calls it on the
 * role's behalf (which it does only for a secret the role may read). The app
 * secrets are encrypted with the database's customer key, whose ARN the
 * foundation documents do not carry.
 */
export function decryptThroughSecretsManager(scope: AccountScope): PolicyStatement {
  return {
    Sid: 'DecryptSecretsThroughSecretsManager',
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: regionalArn(scope, 'kms', 'key/*'),
    Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${scope.region}.amazonaws.com` } },
  };
}
