import { awsLoadBalancerController } from '../../../../contract/catalog/apps/aws-load-balancer-controller';
import { clusterName } from '../../../../contract/naming';
import { TAG_KEYS } from '../../../../contract/tags';
import { ephemeral, persistent } from '../../../../contract/selection';
import { contractFor, FAKE_VPC_ID } from '../../../support/bootstrap-contract';
import { chartSchemaErrors } from '../../../support/chart-values-schema';

describe('awsLoadBalancerController', () => {
  const build = ephemeral('dev', '26-01-23-01');
  const values = () => awsLoadBalancerController.values(contractFor(build)) as { clusterName: string; vpcId: string; defaultTags: Record<string, string> };

  it('is told its cluster and VPC', () => {
    expect([values().clusterName, values().vpcId]).toEqual([clusterName(build), FAKE_VPC_ID]);
  });

  it('tags every load balancer it creates with the build identity', () => {
    expect(values().defaultTags).toMatchObject({ [TAG_KEYS.buildId]: '26-01-23-01', [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral' });
  });

  it('does not claim the Terraform ManagedBy tag for controller-made resources', () => {
    expect(Object.keys(values().defaultTags)).not.toContain(TAG_KEYS.managedBy);
  });

  it('refuses a contract without the VPC id', () => {
    const contract = contractFor(persistent('dev'));
    expect(() => awsLoadBalancerController.values({ ...contract, cluster: { name: contract.cluster.name } })).toThrow(/needs the VPC id/);
  });

  it('passes the values schema of the aws-load-balancer-controller chart, platform globals included', () => {
    expect(chartSchemaErrors('aws-load-balancer-controller.values.schema.json', awsLoadBalancerController, contractFor(build))).toEqual([]);
  });
});
