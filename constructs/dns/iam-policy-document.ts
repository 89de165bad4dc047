import { terraformLiteral } from '../terraform-literal';

/** An IAM policy statement as AWS reads it (the fields the dns guard uses). */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/**
 * The document as the JSON string Terraform receives: IAM policy variables
 * (`${aws:PrincipalTag/…}`, `${*}`) are escaped so Terraform passes them on
 * literally, while cdktf references such as the zone ARN stay live.
 */
export function policyJson(document: PolicyDocument): string {
  return terraformLiteral(JSON.stringify(document));
}
