import { loadBalancerControllerPolicy } from '../../../../constructs/cluster/policies/load-balancer-controller';

/** IAM's size limit of a customer managed policy, whitespace not counted. */
const MANAGED_POLICY_MAX_CHARS = 6144;

describe('loadBalancerControllerPolicy', () => {
  it('fits into one customer managed policy', () => {
    expect(JSON.stringify(loadBalancerControllerPolicy('aws')).length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
  });

  it('writes every ARN in the given partition', () => {
    const text = JSON.stringify(loadBalancerControllerPolicy('aws-cn'));
    expect(text).toContain('arn:aws-cn:elasticloadbalancing:');
    expect(text).not.toContain('arn:aws:');
  });

  it('lets the controller change only load balancers it tagged for a cluster', () => {
    const statement = loadBalancerControllerPolicy('aws').Statement.find((s) => [s.Action].flat().includes('elasticloadbalancing:DeleteLoadBalancer'));
    expect(statement?.Condition).toEqual({ Null: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'false' } });
  });
});
