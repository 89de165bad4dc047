import { DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../contract/tags';
import type { AwsClients } from '../aws/clients';
import { taggedResources } from '../aws/tagged-resources';
import { isNotFound } from '../aws/errors';
import type { BuildScope } from '../cleanup/scope';

export interface BuildCluster {
  readonly server: string;
  readonly caData: string;
  /** ISO-8601: tells one run of a build id from another. */
  readonly createdAt: string;
  readonly status: string;
}

/** The build's cluster (API endpoint, CA, creation time, status), or undefined when it no longer exists or is being deleted. */
export async function clusterEndpoint(clients: AwsClients, clusterName: string): Promise<BuildCluster | undefined> {
  try {
    const out = await clients.eks.send(new DescribeClusterCommand({ name: clusterName }));
    const c = out.cluster;
    if (c === undefined || c.status === 'DELETING') return undefined;
    return { server: c.endpoint ?? '', caData: c.certificateAuthority?.data ?? '', createdAt: c.createdAt?.toISOString() ?? 'unknown', status: c.status ?? 'unknown' };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Load balancers and volumes AWS still shows for the build (by build tag or the cluster's controller tags). */
export async function buildLoadBalancersAndVolumes(clients: AwsClients, scope: BuildScope): Promise<number> {
  const clusterKey = `${CONTROLLER_TAGS.kubernetesClusterPrefix}${scope.clusterName}`;
  const [byBuild, byController, volumes] = await Promise.all([
    taggedResources(clients.tagging, [{ Key: TAG_KEYS.buildId, Values: [scope.buildId] }], ['elasticloadbalancing:loadbalancer']),
    taggedResources(clients.tagging, [{ Key: CONTROLLER_TAGS.lbControllerCluster, Values: [scope.clusterName] }], ['elasticloadbalancing:loadbalancer']),
    clients.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'tag-key', Values: [clusterKey] }] })),
  ]);
  const buildVolumes = await clients.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: `tag:${TAG_KEYS.buildId}`, Values: [scope.buildId] }] }));
  const lbs = new Set([...byBuild, ...byController].map((r) => r.arn));
  const vols = new Set([...(volumes.Volumes ?? []), ...(buildVolumes.Volumes ?? [])].map((v) => v.VolumeId));
  return lbs.size + vols.size;
}
