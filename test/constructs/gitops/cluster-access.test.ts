import { ClusterAccess, EKS_TOKEN_API_VERSION } from '../../../constructs/gitops/cluster-access';
import { only, synthConstructs } from '../../support/synth-scope';

const json = synthConstructs((scope) => new ClusterAccess(scope, 'access', { clusterName: 'goldenpath-dev', region: 'eu-west-2' }));
const exec = { api_version: EKS_TOKEN_API_VERSION, command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'goldenpath-dev', '--region', 'eu-west-2', '--output', 'json'] };

describe('ClusterAccess', () => {
  it('looks the cluster up by the cluster name', () => {
    expect(only(json, 'data', 'aws_eks_cluster').name).toBe('goldenpath-dev');
  });

  it('configures the kubernetes provider from the looked-up cluster with a token the exec plugin refreshes (aws eks get-token), nothing typed in', () => {
    expect(json.provider.kubernetes[0]).toEqual({
      host: expect.stringMatching(/^\$\{data\.aws_eks_cluster\.\w+\.endpoint\}$/),
      cluster_ca_certificate: expect.stringMatching(/^\$\{base64decode\(data\.aws_eks_cluster\.\w+\.certificate_authority\[0\]\.data\)\}$/),
      exec: [exec],
    });
  });

  it('never uses the 15-minute aws_eks_cluster_auth token, which a long Helm wait outlives', () => {
    expect(json.data?.aws_eks_cluster_auth).toBeUndefined();
    expect([json.provider.kubernetes[0].token, json.provider.helm[0].kubernetes.token]).toEqual([undefined, undefined]);
  });

  it('configures the helm provider with the same connection and exec plugin (helm 3.x: one object)', () => {
    const { exec: kubernetesExec, ...connection } = json.provider.kubernetes[0];
    expect(json.provider.helm[0].kubernetes).toEqual({ ...connection, exec: kubernetesExec[0] });
  });
});
