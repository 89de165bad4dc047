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
    expect(resourceFromArn('arn:aws:eks:eu-west-2:111111111111:cluster/c', {})).toBeUndefined();
  });
});
