import { Testing } from 'cdktf';
import { CONTROL_PLANE_LOG_TYPES } from '../../../contract/control-plane-log-types';
import { EksControlPlane, type EksControlPlaneProps } from '../../../constructs/cluster/eks-control-plane';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const BASE: EksControlPlaneProps = {
  clusterName: 'goldenpath-dev',
  kubernetesVersion: '1.33',
  partition: 'aws',
  accountId: '111111111111',
  roleName: 'goldenpath-dev-cluster',
  logGroupName: '/aws/eks/goldenpath-dev/cluster',
  logRetentionDays: 14,
  secretsKeyAlias: 'alias/goldenpath-dev-secrets',
  subnetIds: ['subnet-a', 'subnet-b'],
  publicAccessCidrs: [],
  adminPrincipalArns: ['arn:aws:iam::1:role/ci', 'arn:aws:iam::1:role/admin'],
};

function synth(props: Partial<EksControlPlaneProps> = {}): Json {
  return JSON.parse(Testing.synthScope((scope) => void new EksControlPlane(scope, 'cp', { ...BASE, ...props }))).resource;
}

const one = (r: Json, type: string) => Object.values<Json>(r[type])[0]!;

describe('EksControlPlane', () => {
  const r = synth();
  const cluster = one(r, 'aws_eks_cluster');

  it("gives the secrets key a policy that delegates to the account's IAM, so the reaper's tag-scoped rights work", () => {
    expect(JSON.parse(one(r, 'aws_kms_key').policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'EnableIamPolicies', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' }],
    });
  });

  it('keeps the API endpoint private when no public CIDRs are configured', () => {
    expect(cluster.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false });
    expect(cluster.vpc_config.public_access_cidrs).toBeUndefined();
  });

  it('opens the public endpoint only to the configured CIDRs', () => {
    const open = one(synth({ publicAccessCidrs: ['203.0.113.0/24'] }), 'aws_eks_cluster');
    expect(open.vpc_config).toMatchObject({ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] });
  });

  it('authenticates through access entries only and grants the creator nothing implicitly', () => {
    expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
  });

  it('grants each admin principal cluster admin once', () => {
    const dup = synth({ adminPrincipalArns: ['arn:aws:iam::1:role/ci', 'arn:aws:iam::1:role/ci'] });
    expect(Object.keys(dup.aws_eks_access_entry)).toHaveLength(1);
    const associations = Object.values<Json>(r.aws_eks_access_policy_association);
    expect(associations.map((a) => a.policy_arn)).toEqual(Array(2).fill('arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy'));
    expect(associations.every((a) => a.access_scope.type === 'cluster')).toBe(true);
  });

  it('encrypts secrets with its own rotating key under the cluster alias', () => {
    const [keyName, key] = Object.entries<Json>(r.aws_kms_key)[0]!;
    expect(key.enable_key_rotation).toBe(true);
    expect(cluster.encryption_config).toEqual({ resources: ['secrets'], provider: { key_arn: `\${aws_kms_key.${keyName}.arn}` } });
    expect(one(r, 'aws_kms_alias').name).toBe('alias/goldenpath-dev-secrets');
  });

  it('ships every control plane log type into its own log group, created first', () => {
    const [groupName, group] = Object.entries<Json>(r.aws_cloudwatch_log_group)[0]!;
    expect(group).toMatchObject({ name: '/aws/eks/goldenpath-dev/cluster', retention_in_days: 14 });
    expect(cluster.enabled_cluster_log_types).toEqual([...CONTROL_PLANE_LOG_TYPES]);
    expect(cluster.depends_on).toContain(`aws_cloudwatch_log_group.${groupName}`);
  });

  it('lets the control plane use only its secrets key', () => {
    const policy = JSON.parse(one(r, 'aws_iam_role_policy').policy);
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Resource).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
  });
});
