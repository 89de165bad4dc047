import { Testing } from 'cdktf';
import { NodeRole } from '../../../constructs/cluster/node-role';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('NodeRole', () => {
  const r: Json = JSON.parse(Testing.synthScope((scope) => void new NodeRole(scope, 'node', { roleName: 'goldenpath-dev-node', partition: 'aws' }))).resource;

  it('is assumed by EC2 only', () => {
    const trust = JSON.parse(Object.values<Json>(r.aws_iam_role)[0]!.assume_role_policy);
    expect(trust.Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
  });

  it('carries the standard worker, CNI and registry policies', () => {
    expect(Object.values<Json>(r.aws_iam_role_policy_attachment).map((a) => a.policy_arn).sort()).toEqual([
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly',
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
    ]);
  });
});
