import { LIFECYCLES } from '../../lifecycle';
import { SERVICE_ACCOUNTS } from '../../service-accounts';
import { CHARTS } from '../../versions';
import type { CatalogApp } from '../types';
import { irsaAnnotations, MissingContractValueError } from './app-wiring';
import { CLUSTER_KINDS as K, CLUSTER_RBAC } from '../../cluster-resources';

const serviceAccount = SERVICE_ACCOUNTS['lb-controller'];

/**
 * Provisions the load balancers of Services and Ingresses. Wave 5: its
 * webhook must be serving before Kong's LoadBalancer Service exists. Every
 * load balancer it creates carries the build's tags, so teardown finds it.
 */
export const awsLoadBalancerController: CatalogApp = {
  name: 'aws-load-balancer-controller',
  tier: 1,
  syncWave: 5,
  namespace: serviceAccount.namespace,
  chart: CHARTS.awsLoadBalancerController,
  requires: ['irsa'],
  lifecycles: LIFECYCLES,
  // chart 1.13.0: crds/crds.yaml, rbac.yaml, ingressclass.yaml (IngressClass and IngressClassParams by default), webhook.yaml.
  clusterResources: [K.customResourceDefinition, ...CLUSTER_RBAC, K.ingressClass, K.ingressClassParams, K.mutatingWebhookConfiguration, K.validatingWebhookConfiguration],
  irsaRole: 'lb-controller',
  values: (c) => {
    const app = 'aws-load-balancer-controller';
    if (c.cluster.vpcId === undefined) throw new MissingContractValueError(app, 'the VPC id', 'the platform stack reads it from the EKS cluster');
    if (c.controllerTags === undefined) throw new MissingContractValueError(app, 'the controller tags', 'the platform stack derives them from its selection');
    return {
      clusterName: c.cluster.name,
      region: c.aws.region,
      vpcId: c.cluster.vpcId,
      defaultTags: c.controllerTags,
      serviceAccount: { create: true, name: serviceAccount.serviceAccount, annotations: irsaAnnotations(app, 'lb-controller', c) },
    };
  },
};
