import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA } from '../../../contract/argocd';
import { argocdProfile, renderArgocdValues } from '../../../contract/gitops/argocd-values';
import { HTTPS_ONLY_INGRESS_ANNOTATIONS } from '../../../contract/tls';
import { ephemeral, persistent } from '../../../contract/selection';
import { contractFor } from '../../support/bootstrap-contract';

const replicas = (v: ReturnType<typeof renderArgocdValues>) => [v.controller.replicas, v.server.replicas, v.repoServer.replicas, v.applicationSet.replicas];

describe('argocdProfile', () => {
  it('gives a build the minimal profile even where the env asks for HA', () => {
    expect(argocdProfile('ephemeral', true)).toBe('minimal');
  });

  it('gives a persistent cluster HA only where the env asks for it', () => {
    expect([argocdProfile('persistent', true), argocdProfile('persistent', false)]).toEqual(['high-availability', 'standard']);
  });
});

describe('renderArgocdValues', () => {
  it('runs single replicas with the single redis on a build', () => {
    const v = renderArgocdValues(contractFor(ephemeral('dev', '26-01-23-01')), 'minimal');
    expect([replicas(v), v.redis.enabled, v['redis-ha'].enabled]).toEqual([[1, 1, 1, 1], true, false]);
  });

  it('requests less on a build than on a persistent cluster', () => {
    const minimal = renderArgocdValues(contractFor(ephemeral('dev', '26-01-23-01')), 'minimal');
    const standard = renderArgocdValues(contractFor(persistent('dev')), 'standard');
    expect(parseInt(minimal.controller.resources.requests.memory)).toBeLessThan(parseInt(standard.controller.resources.requests.memory));
  });

  it('replicates every component and switches to redis-ha when highly available', () => {
    const v = renderArgocdValues(contractFor(persistent('prod')), 'high-availability');
    expect([replicas(v).every((r) => r >= 2), v.redis.enabled, v['redis-ha'].enabled]).toEqual([true, false, true]);
  });

  it('serves the UI at argocd.{hostSuffix}', () => {
    expect(renderArgocdValues(contractFor(ephemeral('dev', '26-01-23-01')), 'minimal').global.domain).toBe('argocd.b-26-01-23-01.dev.goldenpathidp.io');
  });

  it('carries the ADR-0179 globals', () => {
    expect(renderArgocdValues(contractFor(ephemeral('dev', '26-01-23-01')), 'minimal').global).toMatchObject({ lifecycle: 'ephemeral', buildId: '26-01-23-01' });
  });

  it('restores the health of Applications in argocd-cm, so the app-of-apps waits for each wave', () => {
    const cm = renderArgocdValues(contractFor(persistent('dev')), 'standard').configs.cm;
    expect([APPLICATION_HEALTH_KEY, cm[APPLICATION_HEALTH_KEY]]).toEqual(['resource.customizations.health.argoproj.io_Application', APPLICATION_HEALTH_LUA]);
  });

  it('reports a child as it reports itself and as Progressing before it has any health', () => {
    expect(APPLICATION_HEALTH_LUA).toMatch(/hs\.status = "Progressing"[\s\S]*hs\.status = obj\.status\.health\.status[\s\S]*return hs/);
  });

  it('serves the UI over HTTPS only, redirecting plain HTTP', () => {
    expect(renderArgocdValues(contractFor(persistent('dev')), 'standard').server.ingress.annotations).toEqual(HTTPS_ONLY_INGRESS_ANNOTATIONS);
  });
});
