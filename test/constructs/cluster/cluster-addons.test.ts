import { Testing } from 'cdktf';
import { TerraformResource } from 'cdktf';
import { ClusterAddons, ebsCsiConfiguration } from '../../../constructs/cluster/cluster-addons';
import { VERSIONS } from '../../../contract/versions';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function synth(): Json {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const nodes = new TerraformResource(scope, 'nodes', { terraformResourceType: 'aws_eks_node_group' });
      const addons = new ClusterAddons(scope, 'addons', { clusterName: 'c', ebsCsiRoleArn: 'arn:aws:iam::1:role/ebs', volumeTags: { 'goldenpath.idp/build-id': '26-01-23-01' } });
      addons.createAfterNodes([nodes]);
    }),
  ).resource.aws_eks_addon;
}

const byName = (addons: Json) => Object.fromEntries(Object.values<Json>(addons).map((a) => [a.addon_name, a]));

describe('ClusterAddons', () => {
  const addons = byName(synth());

  it('installs each add-on at the version the manifest pins', () => {
    expect(Object.fromEntries(Object.entries<Json>(addons).map(([n, a]) => [n, a.addon_version]))).toEqual(VERSIONS.eksAddons);
  });

  it('creates networking before nodes and coredns and the EBS CSI driver after them', () => {
    expect(addons['vpc-cni'].depends_on).toBeUndefined();
    expect(addons['kube-proxy'].depends_on).toBeUndefined();
    expect(addons.coredns.depends_on).toEqual(['aws_eks_node_group.nodes']);
    expect(addons['aws-ebs-csi-driver'].depends_on).toEqual(['aws_eks_node_group.nodes']);
  });

  it('runs the EBS CSI controller under its IRSA role with the extra volume tags', () => {
    expect(addons['aws-ebs-csi-driver'].service_account_role_arn).toBe('arn:aws:iam::1:role/ebs');
    expect(JSON.parse(addons['aws-ebs-csi-driver'].configuration_values)).toEqual({ controller: { extraVolumeTags: { 'goldenpath.idp/build-id': '26-01-23-01' } } });
  });

  it('renders the EBS CSI configuration in the add-on schema shape', () => {
    expect(ebsCsiConfiguration({ a: 'b' })).toBe('{"controller":{"extraVolumeTags":{"a":"b"}}}');
  });
});
