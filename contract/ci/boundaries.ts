import { accountScope, policyArn } from '../iam/arn';
import { boundaryPolicyName, type BoundaryKey } from './names';

/** ARN of a permissions boundary the env's bootstrap stack owns. */
export function boundaryArn(env: { readonly name: string; readonly account: { readonly id: string; readonly region: string } }, key: BoundaryKey): string {
  return policyArn(accountScope(env.account), boundaryPolicyName(env.name, key));
}
