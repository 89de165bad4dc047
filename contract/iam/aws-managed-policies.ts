/**
 * The AWS-managed policies the cluster stacks attach, by name: the only ones
 * a CI role may attach (attaching any other, AdministratorAccess above all,
 * is denied to every CI role).
 */
export const AWS_MANAGED_POLICIES = {
  eksCluster: 'AmazonEKSClusterPolicy',
  eksWorkerNode: 'AmazonEKSWorkerNodePolicy',
  eksCni: 'AmazonEKS_CNI_Policy',
  ecrReadOnly: 'AmazonEC2ContainerRegistryReadOnly',
  ebsCsiDriver: 'service-role/AmazonEBSCSIDriverPolicy',
} as const;

export const CLUSTER_AWS_MANAGED_POLICIES: readonly string[] = Object.values(AWS_MANAGED_POLICIES);

/** The node role's policies. */
export const NODE_MANAGED_POLICIES = [AWS_MANAGED_POLICIES.eksWorkerNode, AWS_MANAGED_POLICIES.eksCni, AWS_MANAGED_POLICIES.ecrReadOnly] as const;
