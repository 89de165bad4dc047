import type { CatalogApp } from '../catalog/types';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, IN_CLUSTER } from '../argocd';

/**
 * The AppProject every bootstrap app belongs to: sources limited to the
 * catalog's chart repositories and the env's GitOps repository,
 * destinations limited to the catalog's namespaces on the in-cluster server.
 * Cluster-scoped kinds stay allowed: the charts install CRDs and RBAC.
 */
export function renderAppProject(catalog: readonly CatalogApp[], gitopsRepoUrl: string) {
  const sourceRepos = [...new Set([...catalog.map((a) => a.chart.repoURL), gitopsRepoUrl])].sort();
  const namespaces = [...new Set(catalog.map((a) => a.namespace))].sort();
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: BOOTSTRAP_NAMES.project, namespace: ARGOCD_NAMESPACE },
    spec: {
      description: 'goldenpath platform bootstrap apps',
      sourceRepos,
      destinations: namespaces.map((namespace) => ({ server: IN_CLUSTER.server, namespace })),
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}
export type AppProjectManifest = ReturnType<typeof renderAppProject>;
