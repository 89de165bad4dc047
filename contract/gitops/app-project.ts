import { CLUSTER_KINDS, uniqueKinds, type ClusterResourceKind } from '../cluster-resources';
import type { CatalogApp } from '../catalog/types';
import type { Tier } from '../lifecycle';
import { CHARTS } from '../versions';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, CHILD_SYNC_OPTIONS, IN_CLUSTER } from '../argocd';

const sortedUnique = (items: readonly string[]) => [...new Set(items)].sort();

/** Children create their namespaces (CreateNamespace=true), and Argo CD checks that Namespace against the project. */
const CHILD_NAMESPACE_KINDS: readonly ClusterResourceKind[] = (CHILD_SYNC_OPTIONS as readonly string[]).includes('CreateNamespace=true') ? [CLUSTER_KINDS.namespace] : [];

function project(name: string, description: string, sourceRepos: readonly string[], namespaces: readonly string[], clusterKinds: readonly ClusterResourceKind[]) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: ARGOCD_NAMESPACE },
    spec: {
      description,
      sourceRepos: sortedUnique(sourceRepos),
      destinations: sortedUnique(namespaces).map((namespace) => ({ server: IN_CLUSTER.server, namespace })),
      // Never `*`: only the kinds these apps install; an empty list admits no cluster-scoped object at all.
      clusterResourceWhitelist: uniqueKinds(clusterKinds),
    },
  };
}
export type AppProjectManifest = ReturnType<typeof project>;

/**
 * The cluster-scoped kinds the GitOps repository itself applies: the
 * ClusterSecretStore its ExternalSecrets read through, where external-secrets
 * runs (docs/gitops-contract.md, "What the GitOps repository provides").
 */
export function gitopsRepositoryClusterKinds(apps: readonly CatalogApp[]): ClusterResourceKind[] {
  return apps.some((a) => a.irsaRole === 'external-secrets') ? [CLUSTER_KINDS.clusterSecretStore] : [];
}

/**
 * The project of the GitOps repository's own apps on this cluster: sources
 * limited to the selected apps' chart repositories and the env's GitOps
 * repository, destinations to the selected apps' namespaces and the env's
 * app namespaces (`gitops.appNamespaces`) in-cluster, and only the
 * cluster-scoped kinds the repository applies (Namespace only when it has
 * namespaces of its own to create). An app the selection leaves out
 * (Keycloak below tier 3, everything above a build's 1.5) is neither a
 * source nor a destination.
 */
export function renderAppProject(selected: readonly CatalogApp[], gitopsRepoUrl: string, appNamespaces: readonly string[] = []): AppProjectManifest {
  return project(
    BOOTSTRAP_NAMES.project,
    'goldenpath platform apps of the GitOps repository',
    [...selected.map((a) => a.chart.repoURL), gitopsRepoUrl],
    [...selected.map((a) => a.namespace), ...appNamespaces],
    [...gitopsRepositoryClusterKinds(selected), ...(appNamespaces.length > 0 ? [CLUSTER_KINDS.namespace] : [])],
  );
}

/** `goldenpath-tier-1`, `goldenpath-tier-1-5`, …: the project of a tier's platform apps. */
export function tierProjectName(tier: Tier): string {
  return `goldenpath-tier-${String(tier).replace('.', '-')}`;
}

/**
 * One project per tier up to maxTier, each admitting only its apps' chart
 * repositories, namespaces and cluster-scoped kinds (their catalog
 * `clusterResources`, plus Namespace for CreateNamespace). A child
 * Application names the project of its tier, so Argo CD refuses any platform
 * app above the ceiling: its project does not exist on this cluster.
 */
export function renderTierProjects(apps: readonly CatalogApp[], tiers: readonly Tier[]): AppProjectManifest[] {
  return tiers.flatMap((tier) => {
    const members = apps.filter((a) => a.tier === tier);
    if (members.length === 0) return [];
    return [
      project(
        tierProjectName(tier),
        `goldenpath platform apps of tier ${tier}`,
        members.map((a) => a.chart.repoURL),
        members.map((a) => a.namespace),
        [...members.flatMap((a) => a.clusterResources), ...CHILD_NAMESPACE_KINDS],
      ),
    ];
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
