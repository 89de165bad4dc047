import { INGRESS_CLASS } from '../../../../contract/catalog/apps/app-wiring';
import { kong } from '../../../../contract/catalog/apps/kong';
import { persistent } from '../../../../contract/selection';
import { TLS_SECURITY_POLICY } from '../../../../contract/tls';
import { loadEnvironment } from '../../../../envs';
import { ALL_CAPABILITIES, contractFor, fakeCertificateArn } from '../../../support/bootstrap-contract';
import { deriveBootstrapValues } from '../../../../contract/bootstrap-values';
import { derivePlan } from '../../../../contract/plan';

describe('kong', () => {
  const values = () =>
    kong.values(contractFor(persistent('dev'))) as {
      env: { database: string };
      ingressController: { ingressClass: string };
      proxy: { type: string; annotations: Record<string, string>; http: { servicePort: number; containerPort: number }; tls: { servicePort: number; containerPort: number } };
    };

  it('runs DB-less as the ingress class every app uses', () => {
    expect([values().env.database, values().ingressController.ingressClass]).toEqual(['off', INGRESS_CLASS]);
  });

  it('exposes its proxy through an internet-facing NLB of the load balancer controller', () => {
    expect([values().proxy.type, values().proxy.annotations['service.beta.kubernetes.io/aws-load-balancer-type']]).toEqual(['LoadBalancer', 'external']);
  });

  it("terminates TLS on the NLB's port 443 with the contract's certificate and a TLS 1.2+ policy", () => {
    const a = values().proxy.annotations;
    expect([
      a['service.beta.kubernetes.io/aws-load-balancer-ssl-cert'],
      a['service.beta.kubernetes.io/aws-load-balancer-ssl-ports'],
      a['service.beta.kubernetes.io/aws-load-balancer-ssl-negotiation-policy'],
    ]).toEqual([fakeCertificateArn(loadEnvironment('dev')), '443', TLS_SECURITY_POLICY]);
  });

  it("re-encrypts to Kong's TLS port so Kong tells HTTPS (443) from plain HTTP (80), which it redirects", () => {
    const { proxy } = values();
    expect([proxy.annotations['service.beta.kubernetes.io/aws-load-balancer-backend-protocol'], proxy.tls, proxy.http]).toEqual([
      'ssl',
      { enabled: true, servicePort: 443, containerPort: 8443 },
      { enabled: true, servicePort: 80, containerPort: 8000 },
    ]);
  });

  it('refuses a contract without a certificate, naming what provides it', () => {
    const env = loadEnvironment('dev');
    const contract = deriveBootstrapValues({ plan: derivePlan({ env, selection: persistent('dev') }), platform: ALL_CAPABILITIES });
    expect(() => kong.values(contract)).toThrow(/app "kong" needs the ARN of the \*\.dev\.goldenpathidp\.io certificate.*the cluster stack issues it/);
  });
});
