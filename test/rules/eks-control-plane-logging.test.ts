import { CONTROL_PLANE_LOG_TYPES } from '../../contract/control-plane-log-types';
import { eksControlPlaneLogging } from '../../rules/eks-control-plane-logging';

const ctx = { stack: 'dev-cluster', env: { name: 'dev', database: { deletionProtection: false, finalSnapshot: false, multiAz: false } } };

const cluster = (types?: string[]) => ({ resource: { aws_eks_cluster: { c: { name: 'c', ...(types ? { enabled_cluster_log_types: types } : {}) } } } });

describe('eks-control-plane-logging', () => {
  it('passes a cluster with every control plane log type', () => {
    expect(eksControlPlaneLogging.check(cluster([...CONTROL_PLANE_LOG_TYPES]), ctx)).toEqual([]);
  });

  it('fails a cluster without audit logs and names the missing type', () => {
    const findings = eksControlPlaneLogging.check(cluster(CONTROL_PLANE_LOG_TYPES.filter((t) => t !== 'audit')), ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('audit');
  });

  it('fails a cluster with logging left off', () => {
    expect(eksControlPlaneLogging.check(cluster(), ctx)[0]!.message).toContain(CONTROL_PLANE_LOG_TYPES.join(', '));
  });
});
