import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { DATABASE_PORT } from '../../contract/database-secret';

export interface DatabaseAccessProps {
  /** The env database's security group (the database foundation document's `securityGroupId`). */
  readonly databaseSecurityGroupId: string;
  /** The cluster's node security group: every pod's traffic leaves through an ENI that carries it. */
  readonly nodeSecurityGroupId: string;
  /** Names the cluster in the rule's description. */
  readonly clusterName: string;
}

/**
 * The one way into the env database: an ingress rule on its security group
 * from this cluster's node security group, on the PostgreSQL port only. The
 * cluster stack owns it, so it goes when the cluster goes; the database
 * stack defines no rule of its own, so neither stack fights over the group.
 */
export class DatabaseAccess extends Construct {
  readonly rule: VpcSecurityGroupIngressRule;

  constructor(scope: Construct, id: string, props: DatabaseAccessProps) {
    super(scope, id);
    this.rule = new VpcSecurityGroupIngressRule(this, 'ingress', {
      securityGroupId: props.databaseSecurityGroupId,
      referencedSecurityGroupId: props.nodeSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: DATABASE_PORT,
      toPort: DATABASE_PORT,
      description: `PostgreSQL from the nodes of ${props.clusterName}`,
    });
  }
}
