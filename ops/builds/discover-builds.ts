import { DescribeInstancesCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { TAG_KEYS } from '../../contract/tags';
import type { AwsClients } from '../aws/clients';
import { taggedResources } from '../aws/tagged-resources';
import type { TaggedResource } from './live-builds';

/**
 * Every resource of the env that carries a build id, with instance types and
 * volume sizes for the cost estimate (the tagging API returns neither).
 */
export async function envBuildResources(clients: AwsClients, env: string): Promise<TaggedResource[]> {
  const filters = [
    { Name: `tag:${TAG_KEYS.env}`, Values: [env] },
    { Name: 'tag-key', Values: [TAG_KEYS.buildId] },
  ];
  const [tagged, instances, volumes] = await Promise.all([
    taggedResources(clients.tagging, [{ Key: TAG_KEYS.env, Values: [env] }, { Key: TAG_KEYS.buildId }]),
    clients.ec2.send(new DescribeInstancesCommand({ Filters: [...filters, { Name: 'instance-state-name', Values: ['pending', 'running'] }] })),
    clients.ec2.send(new DescribeVolumesCommand({ Filters: filters })),
  ]);
  const instanceTypes = new Map<string, string>();
  for (const r of instances.Reservations ?? []) for (const i of r.Instances ?? []) if (i.InstanceId) instanceTypes.set(i.InstanceId, i.InstanceType ?? 'unknown');
  const volumeSizes = new Map<string, { type: string; sizeGb: number }>();
  for (const v of volumes.Volumes ?? []) if (v.VolumeId) volumeSizes.set(v.VolumeId, { type: v.VolumeType ?? 'unknown', sizeGb: v.Size ?? 0 });
  // Terminated instances linger in the tagging API for a while; only running ones cost.
  return tagged
    .filter((t) => !/:instance\//.test(t.arn) || instanceTypes.has(t.arn.split('/').pop() ?? ''))
    .map((t) => {
      const id = t.arn.split('/').pop() ?? '';
      return { ...t, instanceType: instanceTypes.get(id), volume: volumeSizes.get(id) };
    });
}
