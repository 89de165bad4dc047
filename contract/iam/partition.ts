/** The AWS partitions an env's region can live in; every ARN the program writes starts with one. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

/** The partition of a region (`cn-north-1` → `aws-cn`, `us-gov-west-1` → `aws-us-gov`, else `aws`). */
export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
