import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';

export interface NodeSecurityGroupProps {
  /** Security group name (contract `nodeSecurityGroupName`). */
  readonly name: string;
  /** VPC of the foundation network. */
  readonly vpcId: string;
}

/**
 * A security group of the nodes alone (next to the EKS cluster security
 * group), for other stacks to grant node access by: node-to-node traffic and
 * egress only. It carries no `kubernetes.io/cluster/<name>` tag, so the load
 * balancer controller keeps using the cluster security group.
 */
export class NodeSecurityGroup extends Construct {
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: NodeSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, 'group', {
      name: props.name,
      description: 'EKS nodes',
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    new VpcSecurityGroupIngressRule(this, 'node-to-node', {
      securityGroupId: this.securityGroup.id,
      referencedSecurityGroupId: this.securityGroup.id,
      ipProtocol: '-1',
      description: 'Node to node',
    });
    new VpcSecurityGroupEgressRule(this, 'egress', {
      securityGroupId: this.securityGroup.id,
      cidrIpv4: '0.0.0.0/0',
      ipProtocol: '-1',
      description: 'Nodes reach AWS APIs, registries and the internet through the NAT gateway',
    });
  }
}
