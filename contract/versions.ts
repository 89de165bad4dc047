/**
 * The version manifest: every version the platform deploys, pinned in one
 * place. Nothing floats; bump here and everything follows.
 */
export const VERSIONS = {
  terraform: '>= 1.10',
  providers: {
    aws: '5.100.0',
    kubernetes: '2.38.0',
    helm: '3.1.1',
  },
  kubernetes: '1.33',
  /** EKS managed add-ons, each the latest eksbuild published for the Kubernetes version above. */
  eksAddons: {
    'vpc-cni': 'v1.20.0-eksbuild.1',
    'kube-proxy': 'v1.33.5-eksbuild.2',
    coredns: 'v1.12.4-eksbuild.1',
    'aws-ebs-csi-driver': 'v1.46.0-eksbuild.1',
  },
  /** RDS named 16.11 the supported target when it retired 16.5-16.8 (May 2026); bump only to a minor RDS lists. */
  postgresEngine: '16.11',
  postgresParameterFamily: 'postgres16',
  /** This repository's CLI image (`goldenpath` on the PATH); the in-cluster `db provision` Job runs it. */
  goldenpathCliImage: { repository: 'ghcr.io/goldenpath-idp/goldenpath-infra', tag: '0.1.0' },
} as const;
