import { resourceFromArn } from '../../../ops/cleanup/arn-kind';

describe('resourceFromArn', () => {
  it.each([
    ['arn:aws:ec2:eu-west-2:111111111111:security-group/sg-1', 'ec2-security-group', 'sg-1'],
    ['arn:aws:elasticloadbalancing:eu-west-2:111111111111:loadbalancer/net/k8s-a/1', 'elbv2-load-balancer', 'arn:aws:elasticloadbalancing:eu-west-2:111111111111:loadbalancer/net/k8s-a/1'],
    ['arn:aws:logs:eu-west-2:111111111111:log-group:/aws/eks/c/cluster', 'logs-log-group', '/aws/eks/c/cluster'],
    ['arn:aws:iam::111111111111:role/path/goldenpath-dev-b-12-node', 'iam-role', 'goldenpath-dev-b-12-node'],
  ])('maps %s to a %s with the id its delete call takes', (arn, kind, id) => {
    expect(resourceFromArn(arn, {})).toMatchObject({ kind, id, arn });
  });

  it('marks IAM resources global', () => {
    expect(resourceFromArn('arn:aws:iam::111111111111:policy/p', {})?.region).toBe('global');
  });

  it('returns undefined for a type cleanup has no deleter for', () => {
    expect(resourceFromArn('arn:aws:sqs:eu-west-2:111111111111:queue-1', {})).toBeUndefined();
  });
});

describe('resourceFromArn for what a build creates besides its network', () => {
  it.each([
    ['arn:aws:eks:eu-west-2:111111111111:cluster/goldenpath-dev-b-12', 'eks-cluster', 'goldenpath-dev-b-12'],
    ['arn:aws:eks:eu-west-2:111111111111:nodegroup/goldenpath-dev-b-12/default/4ec5', 'eks-nodegroup', 'goldenpath-dev-b-12/default'],
    ['arn:aws:eks:eu-west-2:111111111111:addon/goldenpath-dev-b-12/vpc-cni/4ec5', 'eks-addon', 'goldenpath-dev-b-12/vpc-cni'],
    ['arn:aws:eks:eu-west-2:111111111111:fargateprofile/goldenpath-dev-b-12/system/4ec5', 'eks-fargate-profile', 'goldenpath-dev-b-12/system'],
    ['arn:aws:ec2:eu-west-2:111111111111:instance/i-0abc', 'ec2-instance', 'i-0abc'],
    ['arn:aws:ec2:eu-west-2::snapshot/snap-0abc', 'ec2-snapshot', 'snap-0abc'],
    ['arn:aws:kms:eu-west-2:111111111111:key/1234abcd-12ab', 'kms-key', '1234abcd-12ab'],
    ['arn:aws:s3:::goldenpath-dev-b-12-loki-111111111111', 's3-bucket', 'goldenpath-dev-b-12-loki-111111111111'],
    ['arn:aws:acm:eu-west-2:111111111111:certificate/abc', 'acm-certificate', 'arn:aws:acm:eu-west-2:111111111111:certificate/abc'],
    ['arn:aws:iam::111111111111:instance-profile/goldenpath-dev-b-12-node', 'iam-instance-profile', 'goldenpath-dev-b-12-node'],
  ])('maps %s to %s %s', (arn, kind, id) => {
    expect(resourceFromArn(arn, {})).toMatchObject({ kind, id });
  });
});
