import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';

const FLOW_LOGS_SERVICE = 'vpc-flow-logs.amazonaws.com';

/**
 * What the delivery role may do, only on its own log group and that group's
 * streams. The group exists before the flow log, so no CreateLogGroup; and no
 * DescribeLogGroups, which has no resource-level permissions (it would need `*`).
 */
const FLOW_LOG_DELIVERY_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'] as const;

export interface VpcFlowLogsProps {
  /** The VPC whose traffic is logged. */
  readonly vpcId: string;
  /** Account that owns the VPC: the only one whose flow logs may assume the delivery role. */
  readonly accountId: string;
  /** CloudWatch log group the flow logs are delivered to. */
  readonly logGroupName: string;
  /** IAM role the flow logs service assumes to deliver them. */
  readonly roleName: string;
  /**
   * Permissions boundary of the delivery role.
   * @default none
   */
  readonly permissionsBoundaryArn?: string;
  /** A CloudWatch Logs retention value (the env schema restricts it to the allowed ones). */
  readonly retentionDays: number;
}

/** Flow logs of ALL traffic into a CloudWatch log group, delivered by a least-privilege role. */
export class VpcFlowLogs extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly role: IamRole;
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: props.logGroupName,
      retentionInDays: props.retentionDays,
    });

    this.role = new IamRole(this, 'delivery-role', {
      name: props.roleName,
      description: `Delivers VPC flow logs to ${props.logGroupName}`,
      permissionsBoundary: props.permissionsBoundaryArn,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: FLOW_LOGS_SERVICE },
            Action: 'sts:AssumeRole',
            // Confused-deputy guard: only flow logs created in this account.
            Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
          },
        ],
      }),
    });

    new IamRolePolicy(this, 'delivery-policy', {
      name: 'deliver-to-log-group',
      role: this.role.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: [...FLOW_LOG_DELIVERY_ACTIONS],
            Resource: [this.logGroup.arn, `${this.logGroup.arn}:*`],
          },
        ],
      }),
    });

    this.flowLog = new FlowLog(this, 'flow-log', {
      vpcId: props.vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: this.role.arn,
      tags: { Name: props.logGroupName },
    });
  }
}
