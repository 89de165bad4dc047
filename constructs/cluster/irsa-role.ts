import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { ServiceAccountRef } from '../../contract/service-accounts';
import { terraformLiteral } from '../terraform-literal';
import type { OidcProvider } from './oidc-provider';
import { irsaTrustPolicy } from './policies/irsa-trust';
import type { PolicyDocument } from '../../contract/iam/policy-document';

export interface IrsaRoleProps {
  /** IAM role name (contract `irsaRoleName`). */
  readonly roleName: string;
  /** The cluster's IAM OIDC provider, trusted for the service account's web identity. */
  readonly oidc: OidcProvider;
  /** The one service account allowed to assume the role. */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * A policy of this role's own, created as a customer managed policy named like the role.
   * @default none
   */
  readonly policy?: PolicyDocument;
  /**
   * Existing policies to attach (AWS managed or from a foundational stack).
   * @default none
   */
  readonly managedPolicyArns?: readonly string[];
  /**
   * Permissions boundary.
   * @default none
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Tags set on the role itself, beyond the provider's default_tags (e.g. a principal tag a policy reads).
   * @default none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An IAM role for one Kubernetes service account (IRSA), with exact trust. */
export class IrsaRole extends Construct {
  readonly role: IamRole;
  readonly policy?: IamPolicy;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);
    const { namespace, serviceAccount } = props.serviceAccount;
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: `IRSA role of ${namespace}/${serviceAccount}`,
      assumeRolePolicy: JSON.stringify(
        irsaTrustPolicy({ providerArn: props.oidc.provider.arn, issuerHost: props.oidc.issuerHost, serviceAccount: props.serviceAccount }),
      ),
      permissionsBoundary: props.permissionsBoundaryArn,
      tags: props.tags === undefined ? undefined : { ...props.tags },
    });
    const arns = [...(props.managedPolicyArns ?? [])];
    if (props.policy !== undefined) {
      this.policy = new IamPolicy(this, 'policy', {
        name: props.roleName,
        description: `Permissions of ${namespace}/${serviceAccount}`,
        policy: terraformLiteral(JSON.stringify(props.policy)),
      });
      arns.push(this.policy.arn);
    }
    arns.forEach((policyArn, i) => new IamRolePolicyAttachment(this, `attachment-${i}`, { role: this.role.name, policyArn }));
  }
}
