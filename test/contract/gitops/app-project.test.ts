import { CATALOG } from '../../../contract/catalog/catalog';
import { appsInScope } from '../../../contract/catalog/select';
import { renderAppOfAppsProject, renderAppProject, renderTierProjects, tierProjectName } from '../../../contract/gitops/app-project';
import { ARGOCD_NAMESPACE, IN_CLUSTER } from '../../../contract/argocd';
import { tiersUpTo } from '../../../contract/lifecycle';
import { CHARTS } from '../../../contract/versions';
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

describe('renderTierProjects', () => {
  it('renders one project per tier up to maxTier that has apps, named after the tier', () => {
    const apps = appsInScope(CATALOG, { maxTier: 2, lifecycle: 'persistent' });
    expect(renderTierProjects(apps, tiersUpTo(2)).map((p) => p.metadata.name)).toEqual(['goldenpath-tier-1', 'goldenpath-tier-1-5', 'goldenpath-tier-2']);
  });

  it("admits only the tier's own chart repositories and namespaces", () => {
    const apps = appsInScope(CATALOG, { maxTier: 3, lifecycle: 'persistent' });
    const tier3 = renderTierProjects(apps, tiersUpTo(3)).find((p) => p.metadata.name === tierProjectName(3))!;
    expect([tier3.spec.sourceRepos, tier3.spec.destinations.map((d) => d.namespace)]).toEqual([[CHARTS.keycloakConfigCli.repoURL, CHARTS.keycloak.repoURL].sort(), ['keycloak']]);
  });

  it('validates every tier project as an Argo CD AppProject', () => {
    const apps = appsInScope(CATALOG, { maxTier: 3, lifecycle: 'persistent' });
    expect(schemaErrors(renderTierProjects(apps, tiersUpTo(3)).map((manifest) => ({ model: 'AppProject' as const, manifest }))).flat()).toEqual([]);
  });
});

describe('renderAppOfAppsProject', () => {
  it('lets the app-of-apps create Applications in the Argo CD namespace from the argocd-apps chart, and nothing cluster-scoped', () => {
    const { spec } = renderAppOfAppsProject();
    expect(spec).toMatchObject({
      sourceRepos: [CHARTS.argocdApps.repoURL],
      destinations: [{ server: IN_CLUSTER.server, namespace: ARGOCD_NAMESPACE }],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: [{ group: 'argoproj.io', kind: 'Application' }],
    });
  });

  it('validates as an Argo CD AppProject', () => {
    expect(schemaErrors([{ model: 'AppProject', manifest: renderAppOfAppsProject() }])).toEqual([[]]);
  });
});
