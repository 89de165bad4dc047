import { partitionOf } from '../../../contract/iam/partition';

describe('partitionOf', () => {
  it.each([
    ['eu-west-2', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-east-1', 'aws'],
  ])('puts %s in the %s partition', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});
