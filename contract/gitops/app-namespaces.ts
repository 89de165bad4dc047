import { z } from 'zod';
import { ARGOCD_NAMESPACE } from '../argocd';
import { CATALOG } from '../catalog/catalog';

/**
 * Namespaces the GitOps repository's own apps may not deploy to: the
 * cluster's own, Argo CD's (its Applications and projects would become
 * theirs to change) and the platform apps' (the catalog's).
 */
export const RESERVED_NAMESPACES: readonly string[] = [...new Set([ARGOCD_NAMESPACE, 'default', 'kube-system', 'kube-public', 'kube-node-lease', ...CATALOG.map((a) => a.namespace)])].sort();

/** A Kubernetes namespace name (an RFC 1123 label) that no platform app owns. */
export const AppNamespaceSchema = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a Kubernetes namespace name: lower-case letters, digits and -, starting and ending with a letter or digit')
  .refine((name) => !RESERVED_NAMESPACES.includes(name), { error: (issue) => `"${String(issue.input)}" is reserved for the cluster, Argo CD or a platform app (${RESERVED_NAMESPACES.join(', ')})` });
