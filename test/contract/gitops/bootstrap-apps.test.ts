import type { PlatformFlags } from '../../../contract/capabilities';
import { CATALOG } from '../../../contract/catalog/catalog';
import { MissingRequirementError, selectApps } from '../../../contract/catalog/select';
import { capabilitiesOf } from '../../../contract/capabilities';
import { renderApplicationSet } from '../../../contract/gitops/application-set';
import { renderBootstrapApps } from '../../../contract/gitops/bootstrap-apps';
import { renderClusterSecret } from '../../../contract/gitops/cluster-secret';
import { TIERS, type Tier } from '../../../contract/lifecycle';
import { ephemeral, persistent, type Selection } from '../../../contract/selection';
import { APP_TIER_LABEL } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { generateApplications } from '../../support/argocd-cluster-generator';
import { ALL_CAPABILITIES, contractFor } from '../../support/bootstrap-contract';

const GITOPS = loadEnvironment('dev').gitops.repoUrl;
const SELECTIONS: readonly Selection[] = [persistent('dev'), ephemeral('dev', '26-01-23-01')];
const CEILINGS: readonly (Tier | null)[] = [null, ...TIERS];
const FLAG_KEYS = Object.keys(ALL_CAPABILITIES) as (keyof PlatformFlags)[];
const PLATFORMS: readonly PlatformFlags[] = Array.from({ length: 2 ** FLAG_KEYS.length }, (_, bits) =>
  Object.fromEntries(FLAG_KEYS.map((k, i) => [k, (bits & (1 << i)) !== 0])) as unknown as PlatformFlags,
);
const COMBINATIONS = SELECTIONS.flatMap((selection) =>
  CEILINGS.flatMap((tierCeiling) => PLATFORMS.map((platform) => ({ selection, tierCeiling, platform }))),
);

/** The apps Argo CD would create on this cluster from the given ApplicationSets. */
function argoGenerated(appSets: ReturnType<typeof renderApplicationSet>[], secret: ReturnType<typeof renderClusterSecret>): string[] {
  return appSets.flatMap((set) => generateApplications(set, [secret])).map((app) => app.metadata.name);
}

describe('renderBootstrapApps', () => {
  it.each(COMBINATIONS.map((c) => [c.selection.lifecycle, c.tierCeiling ?? 'none', JSON.stringify(c.platform), c] as const))(
    'generates exactly the selected apps through the cluster selectors (%s, ceiling %s, %s)',
    (_l, _c, _p, { selection, tierCeiling, platform }) => {
      const contract = contractFor(selection, { platform, tierCeiling });
      const ctx = { env: contract.env, maxTier: contract.maxTier, lifecycle: contract.lifecycle, capabilities: capabilitiesOf(platform) };
      const secret = renderClusterSecret(contract);
      let expected: string[];
      try {
        expected = selectApps(CATALOG, ctx).map((a) => a.name);
      } catch (error) {
        expect(error).toBeInstanceOf(MissingRequirementError);
        expect(() => renderBootstrapApps(CATALOG, contract, GITOPS)).toThrow(MissingRequirementError);
        return;
      }
      const rendered = renderBootstrapApps(CATALOG, contract, GITOPS);
      expect(argoGenerated(rendered.applicationSets, secret).sort()).toEqual([...expected].sort());
    },
  );

  it.each(COMBINATIONS.filter((c) => c.platform === PLATFORMS[PLATFORMS.length - 1]).map((c) => [c.selection.lifecycle, c.tierCeiling ?? 'none', c] as const))(
    'cluster selectors alone admit exactly the selected apps even when every catalog app is offered (%s, ceiling %s)',
    (_l, _c, { selection, tierCeiling }) => {
      const contract = contractFor(selection, { tierCeiling });
      const expected = selectApps(CATALOG, { env: contract.env, maxTier: contract.maxTier, lifecycle: contract.lifecycle, capabilities: capabilitiesOf(contract.platform) });
      const everyApp = CATALOG.map((app) => renderApplicationSet(app, contract));
      expect(argoGenerated(everyApp, renderClusterSecret(contract)).sort()).toEqual(expected.map((a) => a.name).sort());
    },
  );

  it('runs tiers 0 to 1.5 and never keycloak on an ephemeral build', () => {
    const rendered = renderBootstrapApps(CATALOG, contractFor(ephemeral('dev', '26-01-23-01')), GITOPS);
    const tiers = new Set(rendered.applicationSets.map((s) => s.metadata.labels[APP_TIER_LABEL]));
    expect([[...tiers].sort(), rendered.selected.some((a) => a.name === 'keycloak')]).toEqual([['1', '1.5'], false]);
  });

  it('fails a persistent cluster without the database foundation with a message naming the app, its tier and the stack to deploy', () => {
    const contract = contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, rdsAvailable: false } });
    expect(() => renderBootstrapApps(CATALOG, contract, GITOPS)).toThrow(/app "backstage" \(tier 2, platform experience\) requires "rds".*deploy the `dev-database` stack first/);
  });

  it('removes every tier above a lowered ceiling', () => {
    const rendered = renderBootstrapApps(CATALOG, contractFor(persistent('staging')), GITOPS);
    expect(Math.max(...rendered.selected.map((a) => a.tier))).toBe(2);
  });

  it('renders the ApplicationSets in sync-wave order', () => {
    const rendered = renderBootstrapApps(CATALOG, contractFor(persistent('dev')), GITOPS);
    const waves = rendered.selected.map((a) => a.syncWave);
    expect(waves).toEqual([...waves].sort((a, b) => a - b));
  });
});
