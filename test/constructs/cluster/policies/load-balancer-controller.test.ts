import { loadBalancerControllerPolicy } from '../../../../constructs/cluster/policies/load-balancer-controller';
import { MANAGED_POLICY_MAX_CHARS } from '../../../../constructs/bootstrap/ci-role';
import { listOf } from '../../../../contract/iam/policy-document';

const BUILD_CLUSTER = 'goldenpath-dev-b-26-01-23-01';
const policyFor = (partition: string, clusterName = BUILD_CLUSTER) => loadBalancerControllerPolicy({ partition, clusterName });

describe('loadBalancerControllerPolicy', () => {
  it('fits into one customer managed policy with the longest partition and a long cluster name', () => {
    expect(JSON.stringify(policyFor('aws-us-gov', `goldenpath-staging-b-${'x'.repeat(40)}`)).length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
  });

  it('writes every ARN in the given partition', () => {
    const text = JSON.stringify(policyFor('aws-cn'));
    expect(text).toContain('arn:aws-cn:elasticloadbalancing:');
    expect(text).not.toContain('arn:aws:');
  });

  it('lets the controller change only load balancers tagged with its own cluster name', () => {
    const statement = policyFor('aws').Statement.find((s) => listOf(s.Action).includes('elasticloadbalancing:DeleteLoadBalancer'));
    expect(statement?.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': BUILD_CLUSTER } });
  });

  it('never asks only that a cluster tag exists', () => {
    expect(JSON.stringify(policyFor('aws'))).not.toMatch(/"Null":\{[^}]*"aws:(Resource|Request)Tag\/elbv2\.k8s\.aws\/cluster":"false"/);
  });

  it('allows no security group change on every resource without a condition', () => {
    const unconditioned = policyFor('aws').Statement.filter(
      (s) => s.Effect === 'Allow' && s.Condition === undefined && listOf(s.Action).some((a) => /^ec2:(Authorize|Revoke|Delete|Modify)/.test(a)),
    );
    expect(unconditioned).toEqual([]);
  });
});
