import { capabilitiesOf, type PlatformFlags } from '../../../contract/capabilities';
import { CATALOG } from '../../../contract/catalog/catalog';
import { MissingRequirementError, resolveApp } from '../../../contract/catalog/select';
import { tierProjectName } from '../../../contract/gitops/app-project';
import { renderChildApplication } from '../../../contract/gitops/application';
import { BOOTSTRAP_NAMES, SYNC_WAVE_ANNOTATION } from '../../../contract/argocd';
import { bootstrapAppsSummary, renderBootstrapApps } from '../../../contract/gitops/bootstrap-apps';
import { renderClusterSecret } from '../../../contract/gitops/cluster-secret';
import { TIERS, type Tier } from '../../../contract/lifecycle';
import { ephemeral, persistent, type Selection } from '../../../contract/selection';
import { APP_TIER_LABEL, capabilityLabelKey, TIER_LABEL_ENABLED, tierLabelKey } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { ALL_CAPABILITIES, contractFor } from '../../support/bootstrap-contract';
import { schemaErrors } from '../../support/kubernetes-validation';

const GITOPS = loadEnvironment('dev').gitops.repoUrl;
const SELECTIONS: readonly Selection[] = [persistent('dev'), ephemeral('dev', '26-01-23-01')];
const CEILINGS: readonly (Tier | null)[] = [null, ...TIERS];
const FLAG_KEYS = Object.keys(ALL_CAPABILITIES) as (keyof PlatformFlags)[];
const PLATFORMS: readonly PlatformFlags[] = Array.from({ length: 2 ** FLAG_KEYS.length }, (_, bits) =>
  Object.fromEntries(FLAG_KEYS.map((k, i) => [k, (bits & (1 << i)) !== 0])) as unknown as PlatformFlags,
);

/**
 * The rules of the design, written out by hand (not derived from the
 * catalog): each app's tier, wave and requirements, Grafana moving to tier 2,
 * wave 102 and `rds` from maxTier 2 on, Keycloak and its OIDC config only on
 * persistent clusters.
 */
interface Expected {
  readonly name: string;
  readonly tier: Tier;
  readonly wave: number;
  readonly requires: readonly string[];
  readonly persistentOnly?: boolean;
}
function expectedApps(maxTier: Tier): Expected[] {
  const grafana: Expected = maxTier >= 2 ? { name: 'grafana', tier: 2, wave: 102, requires: ['rds'] } : { name: 'grafana', tier: 1.5, wave: 52, requires: ['storage-class'] };
  return [
    { name: 'aws-load-balancer-controller', tier: 1, wave: 5, requires: ['irsa'] },
    { name: 'external-secrets', tier: 1, wave: 10, requires: ['irsa'] },
    { name: 'cert-manager', tier: 1, wave: 15, requires: [] },
    { name: 'external-dns', tier: 1, wave: 20, requires: ['irsa'] },
    { name: 'kong', tier: 1, wave: 30, requires: [] },
    { name: 'cluster-autoscaler', tier: 1, wave: 40, requires: ['irsa'] },
    { name: 'prometheus', tier: 1.5, wave: 50, requires: ['storage-class'] },
    { name: 'alertmanager', tier: 1.5, wave: 51, requires: ['storage-class'] },
    grafana,
    { name: 'backstage', tier: 2, wave: 100, requires: ['rds'] },
    { name: 'loki', tier: 2, wave: 101, requires: ['object-storage', 'irsa', 'storage-class'] },
    { name: 'keycloak', tier: 3, wave: 200, requires: ['rds'], persistentOnly: true },
    { name: 'oidc-config', tier: 3, wave: 201, requires: [], persistentOnly: true },
  ];
}

const GATING_TABLE = SELECTIONS.flatMap((selection) =>
  CEILINGS.flatMap((tierCeiling) =>
    PLATFORMS.map((platform) => {
      const contract = contractFor(selection, { platform, tierCeiling });
      const capabilities: string[] = capabilitiesOf(platform);
      const inScope = expectedApps(contract.maxTier).filter((a) => a.tier <= contract.maxTier && (selection.lifecycle === 'persistent' || !a.persistentOnly));
      const missing = inScope.filter((a) => a.requires.some((c) => !capabilities.includes(c))).map((a) => a.name);
      const title = `${selection.lifecycle}, ceiling ${tierCeiling ?? 'none'}, [${capabilities.join(', ')}]`;
      return { title, selection, tierCeiling, platform, contract, inScope: [...inScope].sort((a, b) => a.wave - b.wave), missing };
    }),
  ),
);

describe('the gating table over lifecycle × ceiling × capability', () => {
  it('covers 2 lifecycles × 6 ceilings × 16 capability sets', () => {
    expect(GATING_TABLE).toHaveLength(2 * 6 * 16);
  });

  it.each(GATING_TABLE.map((c) => [c.title, c] as const))('%s: renders exactly the expected children with their tier, wave and project, or fails naming each app missing a capability', (_t, c) => {
    if (c.missing.length > 0) {
      let error: unknown;
      try {
        renderBootstrapApps(CATALOG, c.contract, GITOPS);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(MissingRequirementError);
      expect([...new Set((error as MissingRequirementError).missing.map((m) => m.app))].sort()).toEqual([...c.missing].sort());
      return;
    }
    const rendered = renderBootstrapApps(CATALOG, c.contract, GITOPS);
    expect(
      rendered.children.map((child) => ({
        name: child.metadata.name,
        tier: child.metadata.labels[APP_TIER_LABEL],
        wave: child.metadata.annotations[SYNC_WAVE_ANNOTATION],
        project: child.spec.project,
      })),
    ).toEqual(c.inScope.map((a) => ({ name: a.name, tier: String(a.tier), wave: String(a.wave), project: tierProjectName(a.tier) })));
  });

  it.each(GATING_TABLE.filter((c) => c.missing.length === 0).map((c) => [c.title, c] as const))(
    '%s: the cluster Secret carries the tier and capability labels of every child, so a GitOps-repository ApplicationSet gated like it matches',
    (_t, c) => {
      const labels = renderClusterSecret(c.contract).metadata.labels;
      const required = c.inScope.flatMap((a) => [tierLabelKey(a.tier), ...a.requires.map((r) => capabilityLabelKey(r as never))]);
      expect(required.filter((key) => labels[key] !== TIER_LABEL_ENABLED)).toEqual([]);
    },
  );

  it.each(GATING_TABLE.filter((c) => c.platform === PLATFORMS[PLATFORMS.length - 1]).map((c) => [c.title, c] as const))(
    '%s: Argo CD admits no catalog app above the ceiling even if one were rendered, because its tier project does not exist',
    (_t, c) => {
      const projects = new Set(renderBootstrapApps(CATALOG, c.contract, GITOPS).projects.map((p) => p.metadata.name));
      const admitted = CATALOG.map((app) => renderChildApplication(resolveApp(app, c.contract.maxTier), c.contract))
        .filter((child) => projects.has(child.spec.project))
        .map((child) => child.metadata.name);
      const expected = expectedApps(c.contract.maxTier).filter((a) => a.tier <= c.contract.maxTier).map((a) => a.name);
      expect(admitted.sort()).toEqual(expected.sort());
    },
  );
});

describe('renderBootstrapApps', () => {
  it('runs tiers 1 and 1.5 and never keycloak on an ephemeral build', () => {
    const rendered = renderBootstrapApps(CATALOG, contractFor(ephemeral('dev', '26-01-23-01')), GITOPS);
    const tiers = new Set(rendered.children.map((child) => child.metadata.labels[APP_TIER_LABEL]));
    expect([[...tiers].sort(), rendered.selected.some((a) => a.name === 'keycloak')]).toEqual([['1', '1.5'], false]);
  });

  it('fails a persistent cluster without the database foundation with a message naming the app, its tier and the stack to deploy', () => {
    const contract = contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, rdsAvailable: false } });
    expect(() => renderBootstrapApps(CATALOG, contract, GITOPS)).toThrow(/app "grafana" \(tier 2, platform experience\) requires "rds".*deploy the `dev-database` stack first/);
  });

  it('keeps tier 3 to prod: dev and staging stop at tier 2, prod runs keycloak and its OIDC config', () => {
    const top = (env: string) => Math.max(...renderBootstrapApps(CATALOG, contractFor(persistent(env)), GITOPS).selected.map((a) => a.tier));
    expect([top('dev'), top('staging'), top('prod')]).toEqual([2, 2, 3]);
  });

  it('lists the children in sync-wave order, as the app-of-apps source', () => {
    const rendered = renderBootstrapApps(CATALOG, contractFor(persistent('prod')), GITOPS);
    const waves = Object.values(rendered.appOfApps.spec.source.helm.valuesObject.applications).map((child) => Number(child.additionalAnnotations?.[SYNC_WAVE_ANNOTATION]));
    expect(waves).toEqual([...waves].sort((a, b) => a - b));
  });

  it('installs the projects and the app-of-apps alone through the argocd-apps release', () => {
    const { chartValues, projects } = renderBootstrapApps(CATALOG, contractFor(persistent('prod')), GITOPS);
    expect([Object.keys(chartValues.projects), Object.keys(chartValues.applications)]).toEqual([projects.map((p) => p.metadata.name), [BOOTSTRAP_NAMES.appOfApps]]);
  });

  it.each([
    ['a build', ephemeral('dev', '26-01-23-01')],
    ['persistent dev', persistent('dev')],
    ['persistent prod', persistent('prod')],
  ])('validates every project, child and the app-of-apps of %s against the Argo CD CRD models', (_n, selection) => {
    const rendered = renderBootstrapApps(CATALOG, contractFor(selection), GITOPS);
    const errors = schemaErrors([
      ...rendered.projects.map((manifest) => ({ model: 'AppProject' as const, manifest })),
      ...rendered.children.map((manifest) => ({ model: 'Application' as const, manifest })),
      { model: 'Application' as const, manifest: rendered.appOfApps },
    ]);
    expect(errors.flat()).toEqual([]);
  });
});

describe('bootstrapAppsSummary', () => {
  it('lists every selected app with its tier and wave, and the Argo CD UI and every app hostname under hostSuffix', () => {
    const contract = contractFor(ephemeral('dev', '26-01-23-01'));
    const { selected } = renderBootstrapApps(CATALOG, contract, GITOPS);
    const summary = bootstrapAppsSummary(selected, contract);
    expect(summary.apps.map((a) => `${a.name}:${a.tier}:${a.syncWave}`).slice(-3)).toEqual(['prometheus:1.5:50', 'alertmanager:1.5:51', 'grafana:1.5:52']);
    expect(summary.hostnames).toEqual(['argocd', 'prometheus', 'alertmanager', 'grafana'].map((h) => `${h}.b-26-01-23-01.dev.goldenpathidp.io`));
  });
});
