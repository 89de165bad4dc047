import type { PolicyDocument } from '../../contract/iam/policy-document';
import { terraformLiteral } from '../terraform-literal';

/**
 * The document as the JSON string Terraform receives: IAM policy variables
 * (`${aws:PrincipalTag/…}`, `${*}`) are escaped so Terraform passes them on
 * literally, while cdktf references such as the zone ARN stay live.
 */
export function policyJson(document: PolicyDocument): string {
  return terraformLiteral(JSON.stringify(document));
}
