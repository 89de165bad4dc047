import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { serviceTrustPolicy } from './policies/irsa-trust';
import { awsManagedPolicyArn } from '../../contract/iam/arn';
// The standard worker node policies: join the cluster, run the VPC CNI, pull images.
import { NODE_MANAGED_POLICIES } from '../../contract/iam/aws-managed-policies';

export interface NodeRoleProps {
  /** IAM role name of the nodes. */
  readonly roleName: string;
  /** AWS partition, for the EC2 service principal and the managed policy ARNs. */
  readonly partition: string;
  /**
   * Permissions boundary of the role.
   * @default none
   */
  readonly permissionsBoundaryArn?: string;
}

/** The IAM role every managed node group of the cluster runs as. */
export class NodeRole extends Construct {
  readonly role: IamRole;
  readonly attachments: IamRolePolicyAttachment[];

  constructor(scope: Construct, id: string, props: NodeRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: 'EKS managed node groups',
      assumeRolePolicy: JSON.stringify(serviceTrustPolicy('ec2.amazonaws.com')),
      permissionsBoundary: props.permissionsBoundaryArn,
    });
    this.attachments = NODE_MANAGED_POLICIES.map(
      (name) => new IamRolePolicyAttachment(this, name, { role: this.role.name, policyArn: awsManagedPolicyArn(props.partition, name) }),
    );
  }
}
