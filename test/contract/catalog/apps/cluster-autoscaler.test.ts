import { clusterAutoscaler } from '../../../../contract/catalog/apps/cluster-autoscaler';
import { clusterName } from '../../../../contract/naming';
import { IRSA_ROLE_ARN_ANNOTATION } from '../../../../contract/service-accounts';
import { ephemeral } from '../../../../contract/selection';
import { VERSIONS } from '../../../../contract/versions';
import { contractFor } from '../../../support/bootstrap-contract';

describe('clusterAutoscaler', () => {
  const build = ephemeral('dev', '26-01-23-01');
  const values = () =>
    clusterAutoscaler.values(contractFor(build)) as { awsRegion: string; autoDiscovery: { clusterName: string }; rbac: { serviceAccount: { annotations: Record<string, string> } } };

  it('discovers the node groups of its own cluster in the env region', () => {
    expect([values().autoDiscovery.clusterName, values().awsRegion]).toEqual([clusterName(build), 'eu-west-2']);
  });

  it('runs the autoscaler minor of the cluster Kubernetes version', () => {
    const { image } = clusterAutoscaler.values(contractFor(build)) as { image: { repository: string; tag: string } };
    expect(image.tag.replace(/^v/, '').split('.').slice(0, 2).join('.')).toBe(VERSIONS.kubernetes);
  });

  it('assumes its IRSA role', () => {
    expect(values().rbac.serviceAccount.annotations[IRSA_ROLE_ARN_ANNOTATION]).toMatch(/:role\/goldenpath-dev-b-26-01-23-01-cluster-autoscaler$/);
  });
});
