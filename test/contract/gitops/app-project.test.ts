import { CATALOG } from '../../../contract/catalog/catalog';
import { CLUSTER_KINDS, type ClusterResourceKind } from '../../../contract/cluster-resources';
import { appsInScope } from '../../../contract/catalog/select';
import type { CatalogApp } from '../../../contract/catalog/types';
import { gitopsRepositoryClusterKinds, renderAppOfAppsProject, renderAppProject, renderTierProjects, tierProjectName, type AppProjectManifest } from '../../../contract/gitops/app-project';
import { renderBootstrapApps } from '../../../contract/gitops/bootstrap-apps';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, IN_CLUSTER } from '../../../contract/argocd';
import { tiersUpTo } from '../../../contract/lifecycle';
import { ephemeral, persistent } from '../../../contract/selection';
import { CHARTS } from '../../../contract/versions';
import { loadEnvironment } from '../../../envs';
import { contractFor } from '../../support/bootstrap-contract';
import { schemaErrors } from '../../support/kubernetes-validation';

const gitops = loadEnvironment('dev').gitops.repoUrl;
const BUILD = ephemeral('dev', '26-01-23-01');
const rendered = {
  build: renderBootstrapApps(CATALOG, contractFor(BUILD), gitops),
  dev: renderBootstrapApps(CATALOG, contractFor(persistent('dev')), gitops),
  prod: renderBootstrapApps(CATALOG, contractFor(persistent('prod')), loadEnvironment('prod').gitops.repoUrl),
};
const projectNamed = (projects: readonly unknown[], name: string) => (projects as AppProjectManifest[]).find((p) => p.metadata.name === name)!;
const app = (name: string) => CATALOG.find((a) => a.name === name)!;
const key = (k: ClusterResourceKind) => `${k.group}/${k.kind}`;

describe("renderAppProject (the GitOps repository's project)", () => {
  const project = projectNamed(rendered.build.projects, BOOTSTRAP_NAMES.project);

  it("allows a build's selected chart repositories and the GitOps repository as sources, nothing else", () => {
    expect(project.spec.sourceRepos).toEqual([...new Set([...rendered.build.selected.map((a) => a.chart.repoURL), gitops])].sort());
  });

  it("allows a build's selected namespaces on the in-cluster server as destinations, nothing else", () => {
    expect([new Set(project.spec.destinations.map((d) => d.server)), project.spec.destinations.map((d) => d.namespace)]).toEqual([
      new Set([IN_CLUSTER.server]),
      [...new Set(rendered.build.selected.map((a) => a.namespace))].sort(),
    ]);
  });

  it('leaves the apps a build does not run out of its sources and destinations (Keycloak, its OIDC config, Backstage, Loki)', () => {
    // Loki's chart repository is Grafana's too, and Grafana runs in a build: only its namespace must be absent.
    const repos = ['keycloak', 'oidc-config', 'backstage'].map((n) => app(n).chart.repoURL);
    const namespaces = ['keycloak', 'oidc-config', 'backstage', 'loki'].map((n) => app(n).namespace);
    expect([
      repos.filter((repo) => project.spec.sourceRepos.includes(repo)),
      namespaces.filter((ns) => project.spec.destinations.some((d) => d.namespace === ns)),
    ]).toEqual([[], []]);
  });

  it("leaves Keycloak out of the persistent dev cluster's project (dev's ceiling is 2)", () => {
    const dev = projectNamed(rendered.dev.projects, BOOTSTRAP_NAMES.project);
    expect([dev.spec.sourceRepos.includes(CHARTS.keycloak.repoURL), dev.spec.destinations.some((d) => d.namespace === 'keycloak')]).toEqual([false, false]);
  });

  it('admits only the ClusterSecretStore its ExternalSecrets read through, where external-secrets runs', () => {
    expect([project.spec.clusterResourceWhitelist, gitopsRepositoryClusterKinds(CATALOG.filter((a) => a.name !== 'external-secrets'))]).toEqual([[CLUSTER_KINDS.clusterSecretStore], []]);
  });

  it('validates as an Argo CD AppProject', () => {
    expect(schemaErrors([{ model: 'AppProject', manifest: renderAppProject(rendered.build.selected, gitops, ['docs-portal']) }])).toEqual([[]]);
  });

  it("admits the env's app namespaces as destinations and then, for their Applications to create them, Namespace", () => {
    const withApps = renderAppProject(rendered.build.selected, gitops, ['docs-portal']);
    expect(withApps.spec.destinations.map((d) => d.namespace)).toEqual([...new Set([...rendered.build.selected.map((a) => a.namespace), 'docs-portal'])].sort());
    expect(withApps.spec.clusterResourceWhitelist).toEqual(expect.arrayContaining([CLUSTER_KINDS.namespace]));
    expect(renderAppProject(rendered.build.selected, gitops).spec.clusterResourceWhitelist).not.toContainEqual(CLUSTER_KINDS.namespace);
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

  it("admits exactly its apps' cluster-scoped kinds and the Namespace their CreateNamespace makes", () => {
    const apps = appsInScope(CATALOG, { maxTier: 3, lifecycle: 'persistent' });
    for (const project of renderTierProjects(apps, tiersUpTo(3))) {
      const members = apps.filter((a) => tierProjectName(a.tier) === project.metadata.name);
      const expected = new Set([...members.flatMap((a) => a.clusterResources), CLUSTER_KINDS.namespace].map(key));
      expect(new Set(project.spec.clusterResourceWhitelist.map(key))).toEqual(expected);
    }
  });

  it("gives a build's observability tier (1.5) RBAC and Namespace only: no CRD, webhook or IngressClass", () => {
    const tier15 = projectNamed(rendered.build.projects, tierProjectName(1.5));
    expect(tier15.spec.clusterResourceWhitelist).toEqual([CLUSTER_KINDS.namespace, CLUSTER_KINDS.clusterRole, CLUSTER_KINDS.clusterRoleBinding]);
  });

  it("gives the tier-3 project (Keycloak and its OIDC config: namespaced charts) Namespace alone", () => {
    const tier3 = projectNamed(rendered.prod.projects, tierProjectName(3));
    expect(tier3.spec.clusterResourceWhitelist).toEqual([CLUSTER_KINDS.namespace]);
  });

  it('admits a kind no member needs nowhere: IngressClassParams only where the load balancer controller is', () => {
    const holders = (rendered.prod.projects as AppProjectManifest[]).filter((p) => p.spec.clusterResourceWhitelist.some((k) => key(k) === key(CLUSTER_KINDS.ingressClassParams)));
    expect(holders.map((p) => p.metadata.name)).toEqual([tierProjectName(app('aws-load-balancer-controller').tier)]);
  });

  it('validates every tier project as an Argo CD AppProject', () => {
    const apps = appsInScope(CATALOG, { maxTier: 3, lifecycle: 'persistent' });
    expect(schemaErrors(renderTierProjects(apps, tiersUpTo(3)).map((manifest) => ({ model: 'AppProject' as const, manifest }))).flat()).toEqual([]);
  });
});

describe('every project of every cluster', () => {
  const all = Object.entries(rendered).flatMap(([cluster, r]) => (r.projects as AppProjectManifest[]).map((p) => ({ cluster, project: p })));

  it.each(all.map(({ cluster, project }) => [cluster, project.metadata.name, project] as const))('%s %s: no wildcard in sources, destinations or cluster kinds', (_c, _n, project) => {
    const text = JSON.stringify({ ...project.spec, description: undefined });
    expect(text).not.toContain('*');
  });

  it('validates as Argo CD AppProjects', () => {
    expect(schemaErrors(all.map(({ project }) => ({ model: 'AppProject' as const, manifest: project }))).flat()).toEqual([]);
  });
});

describe('the catalog data the projects read', () => {
  it.each(CATALOG.map((a) => [a.name, a] as const))('%s lists each cluster-scoped kind once and only known kinds', (_name, a: CatalogApp) => {
    const known = new Set(Object.values(CLUSTER_KINDS).map(key));
    expect([a.clusterResources.length === new Set(a.clusterResources.map(key)).size, a.clusterResources.every((k) => known.has(key(k)))]).toEqual([true, true]);
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
