import { CATALOG } from '../../../contract/catalog/catalog';
import { renderAppProject } from '../../../contract/gitops/app-project';
import { IN_CLUSTER } from '../../../contract/argocd';
import { loadEnvironment } from '../../../envs';
import { schemaErrors } from '../../support/kubernetes-validation';

const gitops = loadEnvironment('dev').gitops.repoUrl;

describe('renderAppProject', () => {
  it('allows exactly the catalog chart repositories and the GitOps repository as sources', () => {
    expect(renderAppProject(CATALOG, gitops).spec.sourceRepos).toEqual([...new Set([...CATALOG.map((a) => a.chart.repoURL), gitops])].sort());
  });

  it('allows exactly the catalog namespaces on the in-cluster server as destinations', () => {
    const destinations = renderAppProject(CATALOG, gitops).spec.destinations;
    expect([new Set(destinations.map((d) => d.server)), destinations.map((d) => d.namespace)]).toEqual([
      new Set([IN_CLUSTER.server]),
      [...new Set(CATALOG.map((a) => a.namespace))].sort(),
    ]);
  });

  it('validates as an Argo CD AppProject', () => {
    expect(schemaErrors([{ model: 'AppProject', manifest: renderAppProject(CATALOG, gitops) }])).toEqual([[]]);
  });
});
