/**
 * The version manifest: every version the platform deploys, pinned in one
 * place. Nothing floats; bump here and everything follows.
 */
export const VERSIONS = {
  /** 1.11: write-only arguments (the database stack writes app secrets through one). */
  terraform: '>= 1.11',
  /** The exact Terraform the GitHub workflows install (hashicorp/setup-terraform); must satisfy `terraform`. */
  terraformCi: '1.11.4',
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
  /** The autoscaler's minor must match the cluster's (upstream policy); the pinned chart ships an older one, so the image is set. */
  clusterAutoscalerImage: { repository: 'registry.k8s.io/autoscaling/cluster-autoscaler', tag: 'v1.33.0' },
  /** keycloak-config-cli release 6.5.0 built for Keycloak 26.5.4 (tags are `<cli>-<keycloak>`); oidc-config runs it instead of the chart's default tag. */
  keycloakConfigCliImage: { repository: 'docker.io/adorsys/keycloak-config-cli', tag: '6.5.0-26.5.4' },
} as const;

/**
 * Helm charts, pinned: Argo CD and its bootstrap apps (installed by
 * Terraform) and every catalog app (installed by Argo CD). Each version is a
 * published release of the chart's repository.
 */
export const CHARTS = {
  argoCd: { repoURL: 'https://argoproj.github.io/argo-helm', chart: 'argo-cd', version: '7.7.14' },
  argocdApps: { repoURL: 'https://argoproj.github.io/argo-helm', chart: 'argocd-apps', version: '2.0.7' },
  externalSecrets: { repoURL: 'https://charts.external-secrets.io', chart: 'external-secrets', version: '2.0.0' },
  externalDns: { repoURL: 'https://kubernetes-sigs.github.io/external-dns', chart: 'external-dns', version: '1.17.0' },
  kong: { repoURL: 'https://charts.konghq.com', chart: 'kong', version: '2.41.0' },
  clusterAutoscaler: { repoURL: 'https://kubernetes.github.io/autoscaler', chart: 'cluster-autoscaler', version: '9.38.0' },
  awsLoadBalancerController: { repoURL: 'https://aws.github.io/eks-charts', chart: 'aws-load-balancer-controller', version: '1.13.0' },
  certManager: { repoURL: 'https://charts.jetstack.io', chart: 'cert-manager', version: 'v1.17.0' },
  prometheus: { repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'prometheus', version: '27.19.0' },
  alertmanager: { repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'alertmanager', version: '1.21.0' },
  grafana: { repoURL: 'https://grafana.github.io/helm-charts', chart: 'grafana', version: '8.6.4' },
  backstage: { repoURL: 'https://backstage.github.io/charts', chart: 'backstage', version: '2.5.1' },
  loki: { repoURL: 'https://grafana.github.io/helm-charts', chart: 'loki', version: '6.29.0' },
  keycloak: { repoURL: 'https://codecentric.github.io/helm-charts', chart: 'keycloakx', version: '7.1.5' },
  /** adorsys publishes only -SNAPSHOT chart builds; this is the released (semver, immutable) chart of the same Job, maintained by the chart's original author. */
  keycloakConfigCli: { repoURL: 'https://jkroepke.github.io/helm-charts', chart: 'keycloak-config-cli', version: '1.3.3' },
} as const satisfies Readonly<Record<string, { readonly repoURL: string; readonly chart: string; readonly version: string }>>;
