import { awsManagedPolicyArn, partitionOf } from '../../../../constructs/cluster/policies/policy-document';

describe('partitionOf', () => {
  it.each([
    ['eu-west-2', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])('puts %s in the %s partition', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});

describe('awsManagedPolicyArn', () => {
  it('names an AWS managed policy in the partition', () => {
    expect(awsManagedPolicyArn('aws', 'service-role/AmazonEBSCSIDriverPolicy')).toBe('arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy');
  });
});
