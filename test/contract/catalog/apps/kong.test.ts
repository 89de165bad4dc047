import { INGRESS_CLASS } from '../../../../contract/catalog/apps/app-wiring';
import { kong } from '../../../../contract/catalog/apps/kong';
import { persistent } from '../../../../contract/selection';
import { contractFor } from '../../../support/bootstrap-contract';

describe('kong', () => {
  const values = () => kong.values(contractFor(persistent('dev'))) as { env: { database: string }; ingressController: { ingressClass: string }; proxy: { type: string; annotations: Record<string, string> } };

  it('runs DB-less as the ingress class every app uses', () => {
    expect([values().env.database, values().ingressController.ingressClass]).toEqual(['off', INGRESS_CLASS]);
  });

  it('exposes its proxy through an internet-facing NLB of the load balancer controller', () => {
    expect([values().proxy.type, values().proxy.annotations['service.beta.kubernetes.io/aws-load-balancer-type']]).toEqual(['LoadBalancer', 'external']);
  });
});
