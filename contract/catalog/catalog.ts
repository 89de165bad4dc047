import { alertmanager } from './apps/alertmanager';
import { awsLoadBalancerController } from './apps/aws-load-balancer-controller';
import { backstage } from './apps/backstage';
import { certManager } from './apps/cert-manager';
import { clusterAutoscaler } from './apps/cluster-autoscaler';
import { externalDns } from './apps/external-dns';
import { externalSecrets } from './apps/external-secrets';
import { grafana } from './apps/grafana';
import { keycloak } from './apps/keycloak';
import { kong } from './apps/kong';
import { loki } from './apps/loki';
import { oidcConfig } from './apps/oidc-config';
import { prometheus } from './apps/prometheus';
import type { CatalogApp } from './types';

/**
 * Every bootstrap app of the platform (ADR-0178/0180 tier table). Argo CD
 * itself is not here: Terraform installs it. Tier 0 (EKS, nodes, add-ons)
 * belongs to the cluster stack.
 */
export const CATALOG: readonly CatalogApp[] = [
  awsLoadBalancerController,
  externalSecrets,
  certManager,
  externalDns,
  kong,
  clusterAutoscaler,
  prometheus,
  alertmanager,
  grafana,
  backstage,
  loki,
  keycloak,
  oidcConfig,
];
