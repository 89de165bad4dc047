import type { IrsaRoleKey } from './naming';

export interface ServiceAccountRef {
  readonly namespace: string;
  readonly serviceAccount: string;
}

/**
 * The one Kubernetes service account each IRSA role trusts. The cluster stack
 * writes these into the roles' trust policies; the platform stack's Helm
 * values name the same accounts, so the two cannot drift apart.
 */
export const SERVICE_ACCOUNTS: Readonly<Record<IrsaRoleKey, ServiceAccountRef>> = {
  'external-secrets': { namespace: 'external-secrets', serviceAccount: 'external-secrets' },
  'external-dns': { namespace: 'external-dns', serviceAccount: 'external-dns' },
  'cluster-autoscaler': { namespace: 'kube-system', serviceAccount: 'cluster-autoscaler' },
  'lb-controller': { namespace: 'kube-system', serviceAccount: 'aws-load-balancer-controller' },
  // Fixed by the aws-ebs-csi-driver EKS add-on.
  'ebs-csi': { namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' },
  loki: { namespace: 'loki', serviceAccount: 'loki' },
  // The in-cluster `goldenpath db provision` Job (contract/gitops/db-provision-job.ts), in a namespace of its own.
  'db-provisioner': { namespace: 'goldenpath-db', serviceAccount: 'db-provisioner' },
};

/** The `sub` claim of a service account's projected token: `system:serviceaccount:<ns>:<sa>`. */
export function serviceAccountSubject(ref: ServiceAccountRef): string {
  return `system:serviceaccount:${ref.namespace}:${ref.serviceAccount}`;
}

/** The audience IRSA tokens are issued for. */
export const IRSA_AUDIENCE = 'sts.amazonaws.com';

/** The service account annotation EKS reads to hand a pod its IRSA role. */
export const IRSA_ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
