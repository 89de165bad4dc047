import { planFor } from '../../support/plan';
import { ephemeral, persistent } from '../../../contract/selection';
import { loadEnvironment } from '../../../envs';
import { expectationOf } from '../../../ops/verify/expected';

describe('expectationOf', () => {
  it("expects every app a build selects (tiers 1 to 1.5) and checks Argo CD's and each app's hostname", () => {
    const e = expectationOf(planFor(ephemeral('dev', '26-01-23-01')), 0);
    expect([e.apps.map((a) => a.name), e.hostnames, e.realmDiscoveryUrl]).toEqual([
      ['aws-load-balancer-controller', 'external-secrets', 'cert-manager', 'external-dns', 'kong', 'cluster-autoscaler', 'prometheus', 'alertmanager', 'grafana'],
      ['argocd', 'prometheus', 'alertmanager', 'grafana'].map((h) => `${h}.b-26-01-23-01.dev.goldenpathidp.io`),
      undefined,
    ]);
  });

  it('keeps to tiers 2 and above for the nightly validation of the persistent dev cluster (grafana on PostgreSQL counts as tier 2)', () => {
    const e = expectationOf(planFor(persistent('dev')), 2);
    expect([e.apps.map((a) => `${a.name}:${a.tier}`), e.hostnames]).toEqual([
      ['backstage:2', 'loki:2', 'grafana:2'],
      ['backstage.dev.goldenpathidp.io', 'grafana.dev.goldenpathidp.io'],
    ]);
  });

  it("adds Keycloak, the OIDC config and the realm's discovery URL on prod (tier 3)", () => {
    const e = expectationOf(planFor(persistent('prod')), 2);
    expect([e.apps.map((a) => a.name).slice(-2), e.realmDiscoveryUrl]).toEqual([
      ['keycloak', 'oidc-config'],
      `https://keycloak.${loadEnvironment('prod').name}.${loadEnvironment('prod').dns.baseDomain}/realms/goldenpath/.well-known/openid-configuration`,
    ]);
  });
});
