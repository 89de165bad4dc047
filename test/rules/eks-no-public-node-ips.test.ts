import { eksNoPublicNodeIps } from '../../rules/eks-no-public-node-ips';

const ctx = { stack: 'dev-cluster', env: { name: 'dev', database: { deletionProtection: false, finalSnapshot: false, multiAz: false } } };

const PRIVATE = '${local.foundation_network.privateSubnetIds}';
const stack = (publicIp: string | undefined, subnets = PRIVATE) => ({
  resource: {
    aws_launch_template: { lt: { network_interfaces: [publicIp === undefined ? { device_index: 0 } : { associate_public_ip_address: publicIp }] } },
    aws_eks_node_group: { ng: { subnet_ids: subnets, launch_template: { id: '${aws_launch_template.lt.id}' } } },
  },
});

describe('eks-no-public-node-ips', () => {
  it('passes node groups in private subnets whose launch template denies public IPs', () => {
    expect(eksNoPublicNodeIps.check(stack('false'), ctx)).toEqual([]);
  });

  it('fails a launch template that asks for a public IP', () => {
    expect(eksNoPublicNodeIps.check(stack('true'), ctx).map((f) => f.address)).toEqual(['aws_eks_node_group.ng']);
  });

  it('fails a launch template that leaves the public IP to the subnet', () => {
    expect(eksNoPublicNodeIps.check(stack(undefined), ctx)).toHaveLength(1);
  });

  it('fails a node group in the public subnets', () => {
    const findings = eksNoPublicNodeIps.check(stack('false', '${local.foundation_network.publicSubnetIds}'), ctx);
    expect(findings[0]!.message).toContain('private subnets');
  });

  it('fails a node group on a launch template outside the stack', () => {
    const tf = { resource: { aws_eks_node_group: { ng: { subnet_ids: PRIVATE, launch_template: { id: 'lt-0123' } } } } };
    expect(eksNoPublicNodeIps.check(tf, ctx)).toHaveLength(1);
  });

  it('fails an instance that takes a public IP', () => {
    expect(eksNoPublicNodeIps.check({ resource: { aws_instance: { i: { associate_public_ip_address: true } } } }, ctx)).toHaveLength(1);
  });
});
