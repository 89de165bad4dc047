import { iamArn } from './arn';
import { policyDocument, type PolicyDocument } from './policy-document';

/**
 * The key policy of every KMS key a build creates: the account's IAM decides
 * who may use and delete the key (the control plane's role policy, the
 * reaper's tag-scoped ScheduleKeyDeletion). Written out, not left to the
 * default, so a reaper never meets a key whose policy locks IAM out.
 */
export function accountDelegatingKeyPolicy(account: { readonly partition: string; readonly accountId: string }): PolicyDocument {
  return policyDocument([{ Sid: 'EnableIamPolicies', Effect: 'Allow', Principal: { AWS: iamArn(account, 'root') }, Action: 'kms:*', Resource: '*' }]);
}
