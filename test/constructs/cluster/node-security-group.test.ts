import { Testing } from 'cdktf';
import { NodeSecurityGroup } from '../../../constructs/cluster/node-security-group';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('NodeSecurityGroup', () => {
  const r: Json = JSON.parse(Testing.synthScope((scope) => void new NodeSecurityGroup(scope, 'sg', { name: 'goldenpath-dev-nodes', vpcId: 'vpc-1' }))).resource;
  const [groupName, group] = Object.entries<Json>(r.aws_security_group)[0]!;

  it('admits traffic only from other nodes', () => {
    expect(Object.values<Json>(r.aws_vpc_security_group_ingress_rule)).toEqual([
      expect.objectContaining({ referenced_security_group_id: `\${aws_security_group.${groupName}.id}`, ip_protocol: '-1' }),
    ]);
  });

  it('does not carry the kubernetes.io/cluster tag the load balancer controller looks for', () => {
    expect(Object.keys(group.tags)).toEqual(['Name']);
  });
});
