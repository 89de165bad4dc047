import { capabilitiesNeeded } from '../../../contract/catalog/needs';
import { LIFECYCLES, TIERS, type Tier } from '../../../contract/lifecycle';
import type { CatalogApp } from '../../../contract/catalog/types';

const CEILINGS: readonly (Tier | undefined)[] = [undefined, ...TIERS];

describe('capabilitiesNeeded (the shipped catalog)', () => {
  it('needs nothing beyond tier 0', () => {
    expect([...capabilitiesNeeded('persistent', 0)]).toEqual([]);
  });

  it.each(LIFECYCLES.flatMap((lifecycle) => CEILINGS.map((ceiling) => [lifecycle, ceiling] as const)))(
    '%s with ceiling %s needs the database and object storage exactly from tier 2',
    (lifecycle, ceiling) => {
      const needs = capabilitiesNeeded(lifecycle, ceiling);
      const reachesTier2 = lifecycle === 'persistent' && (ceiling === undefined || ceiling >= 2);
      expect([needs.has('rds'), needs.has('object-storage')]).toEqual([reachesTier2, reachesTier2]);
    },
  );

  it('never needs the database on a build, whatever the env', () => {
    expect(CEILINGS.some((c) => capabilitiesNeeded('ephemeral', c).has('rds'))).toBe(false);
  });
});

describe('capabilitiesNeeded (a given catalog)', () => {
  const app = (name: string, tier: Tier, requires: CatalogApp['requires'], lifecycles: CatalogApp['lifecycles'] = LIFECYCLES): CatalogApp => ({
    name,
    tier,
    syncWave: 0,
    namespace: name,
    chart: { repoURL: 'https://charts.invalid', chart: name, version: '1.0.0' },
    requires,
    lifecycles,
    values: () => ({}),
  });
  const catalog = [app('a', 1, ['irsa']), app('b', 2, ['rds']), app('c', 1, ['object-storage'], ['persistent'])];

  it('follows the requirements of the apps in scope, not tier numbers', () => {
    expect([...capabilitiesNeeded('persistent', 1, catalog)].sort()).toEqual(['irsa', 'object-storage']);
    expect([...capabilitiesNeeded('ephemeral', undefined, catalog)]).toEqual(['irsa']);
  });
});
