import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { policyDocument, type PolicyDocument, type PolicyStatement } from '../../contract/iam/policy-document';
import { policyJson } from '../dns/policy-json';

/** IAM's size limit of a managed policy, in characters without whitespace. */
export const MANAGED_POLICY_MAX_CHARS = 6144;

/** Statements split into documents that each fit a managed policy, in order. */
export function splitPolicy(document: PolicyDocument, maxChars: number = MANAGED_POLICY_MAX_CHARS): PolicyDocument[] {
  const size = (statements: PolicyDocument['Statement']) => JSON.stringify(policyDocument(statements)).length;
  const parts: PolicyStatement[][] = [];
  for (const statement of document.Statement) {
    if (size([statement]) > maxChars) throw new Error(`statement ${statement.Sid ?? '(no Sid)'} alone exceeds ${maxChars} characters`);
    const last = parts[parts.length - 1];
    if (last !== undefined && size([...last, statement]) <= maxChars) last.push(statement);
    else parts.push([statement]);
  }
  return parts.map((p) => policyDocument(p));
}

export interface CiRoleProps {
  /** `goldenpath-{env}-ci-{key}`; its policies are named after it. */
  readonly roleName: string;
  /** What the role is for, shown in IAM. */
  readonly description: string;
  /** The trust policy (GitHub's OIDC provider, pinned subjects and workflows). */
  readonly trust: PolicyDocument;
  /** The permissions, as generated in contract/ci; split into managed policies that fit IAM's limit. */
  readonly policy: PolicyDocument;
  /** ARN of the role's permissions boundary (a Terraform reference is fine). */
  readonly permissionsBoundaryArn: string;
  /** IAM MaxSessionDuration: covers the longest job that assumes the role. */
  readonly maxSessionSeconds: number;
  /**
   * Resources the role must not be created before (the boundaries its policies name).
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * A role GitHub workflows assume: its trust, boundary and session length,
 * and its permissions as managed policies named after it (split to fit
 * IAM's size limit; `{role}-1`, `{role}-2`, …).
 */
export class CiRole extends Construct {
  readonly role: IamRole;
  readonly policies: readonly IamPolicy[];

  constructor(scope: Construct, id: string, props: CiRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: policyJson(props.trust),
      permissionsBoundary: props.permissionsBoundaryArn,
      maxSessionDuration: props.maxSessionSeconds,
      dependsOn: props.dependsOn === undefined ? undefined : [...props.dependsOn],
    });
    this.policies = splitPolicy(props.policy).map((document, i) => {
      const policy = new IamPolicy(this, `policy-${i + 1}`, {
        name: `${props.roleName}-${i + 1}`,
        description: `${props.description} (part ${i + 1})`,
        policy: policyJson(document),
      });
      new IamRolePolicyAttachment(this, `attach-${i + 1}`, { role: this.role.name, policyArn: policy.arn });
      return policy;
    });
  }
}
