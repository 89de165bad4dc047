/**
 * A cluster-scoped Kubernetes kind, as an Argo CD AppProject's
 * `clusterResourceWhitelist` names it (`group` is empty for the core group).
 */
export interface ClusterResourceKind {
  readonly group: string;
  readonly kind: string;
}

/** The cluster-scoped kinds the catalog's charts install, each defined once. */
export const CLUSTER_KINDS = {
  customResourceDefinition: { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  clusterRole: { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  clusterRoleBinding: { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
  ingressClass: { group: 'networking.k8s.io', kind: 'IngressClass' },
  /** The load balancer controller's IngressClass parameters (a cluster-scoped custom resource). */
  ingressClassParams: { group: 'elbv2.k8s.aws', kind: 'IngressClassParams' },
  mutatingWebhookConfiguration: { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  validatingWebhookConfiguration: { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  /** What `CreateNamespace=true` creates: Argo CD checks it against the project like any manifest. */
  namespace: { group: '', kind: 'Namespace' },
  /** The store the GitOps repository's ExternalSecrets read through (docs/gitops-contract.md). */
  clusterSecretStore: { group: 'external-secrets.io', kind: 'ClusterSecretStore' },
} as const satisfies Readonly<Record<string, ClusterResourceKind>>;

/** A chart's cluster-wide RBAC: a ClusterRole and its binding. */
export const CLUSTER_RBAC: readonly ClusterResourceKind[] = [CLUSTER_KINDS.clusterRole, CLUSTER_KINDS.clusterRoleBinding];

/** Sorted by group then kind, each once. */
export function uniqueKinds(kinds: readonly ClusterResourceKind[]): ClusterResourceKind[] {
  const byKey = new Map(kinds.map((k) => [`${k.group}/${k.kind}`, { group: k.group, kind: k.kind }]));
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, k]) => k);
}
