import { clusterAutoscalerPolicy } from '../../../../constructs/cluster/policies/cluster-autoscaler';

const policy = clusterAutoscalerPolicy({ partition: 'aws', region: 'eu-west-2', accountId: '111111111111', clusterName: 'goldenpath-dev' });
const statement = (action: string) => policy.Statement.find((s) => [s.Action].flat().includes(action))!;

describe('clusterAutoscalerPolicy', () => {
  it('scales only groups tagged as owned by this cluster', () => {
    expect(statement('autoscaling:SetDesiredCapacity').Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/k8s.io/cluster-autoscaler/goldenpath-dev': 'owned' },
    });
  });

  it("describes only this cluster's node groups", () => {
    expect(statement('eks:DescribeNodegroup').Resource).toBe('arn:aws:eks:eu-west-2:111111111111:nodegroup/goldenpath-dev/*');
  });
});
