import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { Testing } from 'cdktf';
import { VpcFlowLogs, type VpcFlowLogsProps } from '../../../constructs/network/flow-logs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resources = Record<string, Record<string, any>>;

const ACCOUNT = '111111111111';
const PROPS: VpcFlowLogsProps = {
  vpcId: 'vpc-0abc',
  accountId: ACCOUNT,
  logGroupName: '/goldenpath/test/vpc-flow-logs',
  roleName: 'goldenpath-test-vpc-flow-logs',
  retentionDays: 30,
};
const LOG_GROUP_ARN = `arn:aws:logs:eu-west-2:${ACCOUNT}:log-group:${PROPS.logGroupName}`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${PROPS.roleName}`;

function synth(): Resources {
  return JSON.parse(Testing.synthScope((scope) => void new VpcFlowLogs(scope, 'flow-logs', PROPS))).resource;
}

function only(resources: Resources, type: string) {
  const all = Object.entries(resources[type] ?? {});
  expect(all).toHaveLength(1);
  return { name: all[0]![0], value: all[0]![1] };
}

/** The delivery policy as AWS will see it: the log group reference resolved to its ARN. */
function deliveryPolicy(resources: Resources): object {
  const group = only(resources, 'aws_cloudwatch_log_group').name;
  const policy = only(resources, 'aws_iam_role_policy').value.policy as string;
  return JSON.parse(policy.split(`\${aws_cloudwatch_log_group.${group}.arn}`).join(LOG_GROUP_ARN));
}

async function decide(simulation: Omit<Simulation, 'serviceControlPolicies' | 'resourceControlPolicies'>): Promise<string> {
  const response = await runSimulation({ serviceControlPolicies: [], resourceControlPolicies: [], ...simulation }, {});
  if (response.resultType === 'error') throw new Error(`invalid simulation: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

function asDeliveryRole(resources: Resources, action: string, resource: string): Promise<string> {
  return decide({
    identityPolicies: [{ name: 'deliver-to-log-group', policy: deliveryPolicy(resources) }],
    request: { principal: ROLE_ARN, action, resource: { resource, accountId: ACCOUNT }, contextVariables: {} },
  });
}

function assumeAsFlowLogs(resources: Resources, sourceAccount: string): Promise<string> {
  return decide({
    identityPolicies: [],
    resourcePolicy: JSON.parse(only(resources, 'aws_iam_role').value.assume_role_policy),
    request: {
      principal: 'vpc-flow-logs.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: { resource: ROLE_ARN, accountId: ACCOUNT },
      contextVariables: { 'aws:SourceAccount': sourceAccount },
    },
  });
}

describe('VpcFlowLogs', () => {
  it('keeps the log group for the configured retention', () => {
    expect(only(synth(), 'aws_cloudwatch_log_group').value).toMatchObject({ name: PROPS.logGroupName, retention_in_days: 30 });
  });

  it('captures ALL traffic of the VPC into the log group through the delivery role', () => {
    const resources = synth();
    const group = only(resources, 'aws_cloudwatch_log_group').name;
    const role = only(resources, 'aws_iam_role').name;
    expect(only(resources, 'aws_flow_log').value).toMatchObject({
      vpc_id: 'vpc-0abc',
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: `\${aws_cloudwatch_log_group.${group}.arn}`,
      iam_role_arn: `\${aws_iam_role.${role}.arn}`,
    });
  });

  it('lets flow logs of its own account assume the delivery role', async () => {
    expect(await assumeAsFlowLogs(synth(), ACCOUNT)).toBe('Allowed');
  });

  it('refuses flow logs of another account (confused deputy)', async () => {
    expect(await assumeAsFlowLogs(synth(), '999999999999')).toBe('ImplicitlyDenied');
  });

  it('trusts no principal but the flow logs service', () => {
    const trust = JSON.parse(only(synth(), 'aws_iam_role').value.assume_role_policy);
    expect(trust.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([{ Service: 'vpc-flow-logs.amazonaws.com' }]);
  });

  it.each([
    ['logs:CreateLogStream', `${LOG_GROUP_ARN}:log-stream:eni-0abc-all`],
    ['logs:PutLogEvents', `${LOG_GROUP_ARN}:log-stream:eni-0abc-all`],
    ['logs:DescribeLogStreams', LOG_GROUP_ARN],
  ])('allows %s on its own log group', async (action, resource) => {
    expect(await asDeliveryRole(synth(), action, resource)).toBe('Allowed');
  });

  it('denies writing into any other log group', async () => {
    const other = `arn:aws:logs:eu-west-2:${ACCOUNT}:log-group:/aws/eks/goldenpath-dev/cluster:log-stream:x`;
    expect(await asDeliveryRole(synth(), 'logs:PutLogEvents', other)).toBe('ImplicitlyDenied');
  });

  it.each(['logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteLogStream'])('denies %s on its own log group', async (action) => {
    const resource = action === 'logs:DeleteLogStream' ? `${LOG_GROUP_ARN}:log-stream:x` : LOG_GROUP_ARN;
    expect(await asDeliveryRole(synth(), action, resource)).toBe('ImplicitlyDenied');
  });
});
