import { Testing } from 'cdktf';
import { NodeGroup, type NodeGroupProps } from '../../../constructs/cluster/node-group';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const BUILD_TAGS = { 'goldenpath.idp/build-id': '26-01-23-01', 'goldenpath.idp/expires-at': '2026-01-24T08:00:00Z' };
const BASE: NodeGroupProps = {
  clusterName: 'goldenpath-dev-b-26-01-23-01',
  kubernetesVersion: '1.33',
  spec: { name: 'general', instanceTypes: ['t3.large'], capacityType: 'ON_DEMAND', minSize: 2, desiredSize: 2, maxSize: 5, diskSizeGb: 50 },
  launchTemplateName: 'goldenpath-dev-b-26-01-23-01-general',
  nodeRoleArn: 'arn:aws:iam::1:role/node',
  subnetIds: ['subnet-a', 'subnet-b'],
  securityGroupIds: ['sg-cluster', 'sg-nodes'],
  propagatedTags: BUILD_TAGS,
  nodeGroupTags: { 'k8s.io/cluster-autoscaler/enabled': 'true' },
};

function synth(props: Partial<NodeGroupProps> = {}): Json {
  return JSON.parse(Testing.synthScope((scope) => void new NodeGroup(scope, 'ng', { ...BASE, ...props }))).resource;
}

describe('NodeGroup', () => {
  const r = synth();
  const template = Object.values<Json>(r.aws_launch_template)[0]!;
  const group = Object.values<Json>(r.aws_eks_node_group)[0]!;

  it('requires IMDSv2 with a hop limit of 1 by default', () => {
    expect(template.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
  });

  it('takes another hop limit when asked', () => {
    expect(Object.values<Json>(synth({ metadataHopLimit: 2 }).aws_launch_template)[0]!.metadata_options.http_put_response_hop_limit).toBe(2);
  });

  it('boots from an encrypted gp3 root volume of the spec size', () => {
    expect(template.block_device_mappings[0].ebs).toEqual({ volume_size: 50, volume_type: 'gp3', encrypted: 'true', delete_on_termination: 'true' });
  });

  it('gives nodes no public IP and both security groups', () => {
    expect(template.network_interfaces).toEqual([{ device_index: 0, associate_public_ip_address: 'false', delete_on_termination: 'true', security_groups: ['sg-cluster', 'sg-nodes'] }]);
  });

  it('tags instances, volumes and ENIs with the propagated tags', () => {
    expect(template.tag_specifications.map((t: Json) => t.resource_type)).toEqual(['instance', 'volume', 'network-interface']);
    for (const spec of template.tag_specifications) expect(spec.tags).toMatchObject(BUILD_TAGS);
  });

  it('tags the Auto Scaling group EKS creates with every propagated tag', () => {
    expect(Object.values<Json>(r.aws_autoscaling_group_tag).map((t) => t.tag)).toEqual(
      Object.entries(BUILD_TAGS).map(([key, value]) => ({ key, value, propagate_at_launch: false })),
    );
  });

  it('carries the autoscaler discovery tags on the node group', () => {
    expect(group.tags).toMatchObject({ ...BUILD_TAGS, 'k8s.io/cluster-autoscaler/enabled': 'true' });
  });

  it('uses the launch template and leaves the desired size to the autoscaler', () => {
    expect(group.launch_template.id).toMatch(/^\$\{aws_launch_template\./);
    expect(group.lifecycle.ignore_changes).toEqual(['scaling_config[0].desired_size']);
  });
});
