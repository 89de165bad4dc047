import { ClusterAccess } from '../../../constructs/gitops/cluster-access';
import { only, synthConstructs } from '../../support/synth-scope';

const json = synthConstructs((scope) => new ClusterAccess(scope, 'access', { clusterName: 'goldenpath-dev' }));

describe('ClusterAccess', () => {
  it('looks the cluster and its token up by the cluster name', () => {
    expect([only(json, 'data', 'aws_eks_cluster').name, only(json, 'data', 'aws_eks_cluster_auth').name]).toEqual(['goldenpath-dev', 'goldenpath-dev']);
  });

  it('configures the kubernetes provider from the looked-up cluster, nothing typed in', () => {
    expect(json.provider.kubernetes[0]).toEqual({
      host: expect.stringMatching(/^\$\{data\.aws_eks_cluster\.\w+\.endpoint\}$/),
      cluster_ca_certificate: expect.stringMatching(/^\$\{base64decode\(data\.aws_eks_cluster\.\w+\.certificate_authority\[0\]\.data\)\}$/),
      token: expect.stringMatching(/^\$\{data\.aws_eks_cluster_auth\.\w+\.token\}$/),
    });
  });

  it('configures the helm provider with the same connection', () => {
    expect(json.provider.helm[0].kubernetes).toEqual(json.provider.kubernetes[0]);
  });
});
