import { LIFECYCLES } from '../../lifecycle';
import { PROXY_PORTS, tlsListenerAnnotations } from '../../tls';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { certificateArnOf, INGRESS_CLASS } from './app-wiring';
import { CLUSTER_KINDS as K, CLUSTER_RBAC } from '../../cluster-resources';

/**
 * The ingress for every app UI: DB-less Kong behind an NLB the load balancer
 * controller provisions. The NLB terminates TLS on 443 with the
 * `*.{hostSuffix}` ACM certificate and re-encrypts to Kong's TLS port; port
 * 80 reaches Kong's HTTP port, where every HTTPS-only route answers 301.
 */
export const kong: CatalogApp = {
  name: 'kong',
  tier: 1,
  syncWave: 30,
  namespace: 'kong',
  chart: CHARTS.kong,
  requires: [],
  lifecycles: LIFECYCLES,
  // chart 2.41.0: crds/ (Kong CRDs), controller-rbac-resources.yaml, ingress-class.yaml, the admission webhook.
  clusterResources: [K.customResourceDefinition, ...CLUSTER_RBAC, K.ingressClass, K.validatingWebhookConfiguration],
  values: (c) => ({
    env: { database: 'off' },
    ingressController: { enabled: true, ingressClass: INGRESS_CLASS },
    proxy: {
      type: 'LoadBalancer',
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        ...tlsListenerAnnotations(certificateArnOf('kong', c)),
      },
      http: { enabled: true, servicePort: PROXY_PORTS.http, containerPort: 8000 },
      tls: { enabled: true, servicePort: PROXY_PORTS.https, containerPort: 8443 },
    },
  }),
};
