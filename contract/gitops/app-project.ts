import type { CatalogApp } from '../catalog/types';
import type { Tier } from '../lifecycle';
import { CHARTS } from '../versions';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, IN_CLUSTER } from '../argocd';

const sortedUnique = (items: readonly string[]) => [...new Set(items)].sort();

function project(name: string, description: string, sourceRepos: readonly string[], namespaces: readonly string[]) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: ARGOCD_NAMESPACE },
    spec: {
      description,
      sourceRepos: sortedUnique(sourceRepos),
      destinations: sortedUnique(namespaces).map((namespace) => ({ server: IN_CLUSTER.server, namespace })),
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}
export type AppProjectManifest = ReturnType<typeof project>;

/**
 * The project of the GitOps repository's own apps: sources limited to the
 * catalog's chart repositories and the env's GitOps repository, destinations
 * to the catalog's namespaces in-cluster. Cluster-scoped kinds stay allowed:
 * the charts install CRDs and RBAC.
 */
export function renderAppProject(catalog: readonly CatalogApp[], gitopsRepoUrl: string): AppProjectManifest {
  return project(
    BOOTSTRAP_NAMES.project,
    'goldenpath platform apps of the GitOps repository',
    [...catalog.map((a) => a.chart.repoURL), gitopsRepoUrl],
    catalog.map((a) => a.namespace),
  );
}

/** `goldenpath-tier-1`, `goldenpath-tier-1-5`, …: the project of a tier's platform apps. */
export function tierProjectName(tier: Tier): string {
  return `goldenpath-tier-${String(tier).replace('.', '-')}`;
}

/**
 * One project per tier up to maxTier, each admitting only its apps' chart
 * repositories and namespaces. A child Application names the project of its
 * tier, so Argo CD refuses any platform app above the ceiling: its project
 * does not exist on this cluster.
 */
export function renderTierProjects(apps: readonly CatalogApp[], tiers: readonly Tier[]): AppProjectManifest[] {
  return tiers.flatMap((tier) => {
    const members = apps.filter((a) => a.tier === tier);
    if (members.length === 0) return [];
    return [project(tierProjectName(tier), `goldenpath platform apps of tier ${tier}`, members.map((a) => a.chart.repoURL), members.map((a) => a.namespace))];
  });
}

/**
 * The project of the app-of-apps alone: its source is the pinned argocd-apps
 * chart, and all it may create is Applications in the Argo CD namespace.
 */
export function renderAppOfAppsProject() {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: BOOTSTRAP_NAMES.appOfAppsProject, namespace: ARGOCD_NAMESPACE },
    spec: {
      description: 'the goldenpath app-of-apps: creates the platform Applications, nothing else',
      sourceRepos: [CHARTS.argocdApps.repoURL],
      destinations: [{ server: IN_CLUSTER.server, namespace: ARGOCD_NAMESPACE }],
      clusterResourceWhitelist: [] as { group: string; kind: string }[],
      namespaceResourceWhitelist: [{ group: 'argoproj.io', kind: 'Application' }],
    },
  };
}
