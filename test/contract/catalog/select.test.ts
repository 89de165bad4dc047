import { CAPABILITIES, type Capability } from '../../../contract/capabilities';
import { appsInScope, isInScope, MissingRequirementError, resolveApp, selectApps, type MissingRequirement } from '../../../contract/catalog/select';
import type { CatalogApp } from '../../../contract/catalog/types';
import { deriveMaxTier, LIFECYCLES, type Lifecycle, type Tier } from '../../../contract/lifecycle';

function app(name: string, tier: Tier, syncWave: number, requires: Capability[], lifecycles: Lifecycle[] = ['persistent', 'ephemeral']): CatalogApp {
  return {
    name,
    tier,
    syncWave,
    namespace: name,
    chart: { repoURL: 'https://charts.example.test', chart: name, version: '1.0.0' },
    requires,
    lifecycles,
    clusterResources: [],
    values: () => ({}),
  };
}

/** Every tier, every capability, a persistent-only and an ephemeral-only app; listed out of wave order. */
const CATALOG: readonly CatalogApp[] = [
  app('identity', 3, 200, ['rds'], ['persistent']),
  app('metrics', 1.5, 50, ['storage-class']),
  app('secrets', 1, 10, ['irsa']),
  app('logs', 2, 101, ['object-storage', 'storage-class']),
  app('viability', 0, 0, []),
  app('portal', 2, 100, ['rds']),
  app('ingress', 1, 30, []),
  app('build-probe', 1, 5, [], ['ephemeral']),
  app('external', 1, 10, ['irsa']),
];

/** The expected selection, written out by hand, ordered by sync wave then name. */
const EXPECTED: Readonly<Record<Lifecycle, Partial<Record<Tier, readonly string[]>>>> = {
  persistent: {
    0: ['viability'],
    1: ['viability', 'external', 'secrets', 'ingress'],
    1.5: ['viability', 'external', 'secrets', 'ingress', 'metrics'],
    2: ['viability', 'external', 'secrets', 'ingress', 'metrics', 'portal', 'logs'],
    3: ['viability', 'external', 'secrets', 'ingress', 'metrics', 'portal', 'logs', 'identity'],
  },
  ephemeral: {
    0: ['viability'],
    1: ['viability', 'build-probe', 'external', 'secrets', 'ingress'],
    1.5: ['viability', 'build-probe', 'external', 'secrets', 'ingress', 'metrics'],
  },
};

const CEILINGS: readonly (Tier | undefined)[] = [undefined, 0, 1, 1.5, 2, 3];
const CAPABILITY_SUBSETS: readonly Capability[][] = Array.from({ length: 2 ** CAPABILITIES.length }, (_, mask) =>
  CAPABILITIES.filter((_c, i) => mask & (1 << i)),
);

function byKey(a: MissingRequirement, b: MissingRequirement): number {
  return `${a.app}/${a.capability}`.localeCompare(`${b.app}/${b.capability}`);
}

const cases = LIFECYCLES.flatMap((lifecycle) =>
  CEILINGS.flatMap((ceiling) =>
    CAPABILITY_SUBSETS.map((capabilities) => {
      const maxTier = deriveMaxTier(lifecycle, ceiling);
      const expected = EXPECTED[lifecycle][maxTier];
      if (expected === undefined) throw new Error(`no expectation for ${lifecycle} at maxTier ${maxTier}`);
      const missing = CATALOG.filter((a) => expected.includes(a.name)).flatMap((a) =>
        a.requires.filter((c) => !capabilities.includes(c)).map((capability) => ({ app: a.name, tier: a.tier, capability })),
      );
      const outcome = missing.length === 0 ? `selects ${expected.join(', ')}` : `fails naming ${missing.map((m) => `${m.app}/${m.capability}`).join(', ')}`;
      return { lifecycle, ceiling: ceiling ?? 'none', capabilities, maxTier, expected, missing, title: `[${capabilities.join(', ')}] ${outcome}` };
    }),
  ),
);

describe('selectApps over every lifecycle × ceiling × capability set', () => {
  it('covers 2 lifecycles × 6 ceilings × 16 capability sets', () => {
    expect(cases).toHaveLength(2 * 6 * 16);
  });

  it.each(cases)('$lifecycle, ceiling $ceiling, capabilities $title', ({ lifecycle, maxTier, capabilities, expected, missing }) => {
    const run = () => selectApps(CATALOG, { env: 'dev', lifecycle, maxTier, capabilities });
    if (missing.length === 0) {
      expect(run().map((a) => a.name)).toEqual(expected);
      return;
    }
    let error: unknown;
    try {
      run();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MissingRequirementError);
    const thrown = error as MissingRequirementError;
    expect([...thrown.missing].sort(byKey)).toEqual([...missing].sort(byKey));
    for (const m of missing) expect(thrown.message).toMatch(new RegExp(`app "${m.app}" \\(tier ${m.tier}, [a-z ]+\\) requires "${m.capability}"`));
  });
});

describe('selectApps', () => {
  it('ignores missing requirements of apps above the ceiling', () => {
    const selected = selectApps(CATALOG, { env: 'dev', lifecycle: 'ephemeral', maxTier: 1.5, capabilities: ['irsa', 'storage-class'] });
    expect(selected.map((a) => a.name)).not.toContain('portal');
  });

  it('never runs a persistent-only app in an ephemeral selection, whatever the tier', () => {
    const selected = selectApps(CATALOG, { env: 'dev', lifecycle: 'ephemeral', maxTier: 3, capabilities: [...CAPABILITIES] });
    expect(selected.map((a) => a.name)).not.toContain('identity');
  });

  it('orders apps by sync wave, then by name for equal waves', () => {
    const selected = selectApps(CATALOG, { env: 'dev', lifecycle: 'persistent', maxTier: 3, capabilities: [...CAPABILITIES] });
    expect(selected.map((a) => a.syncWave)).toEqual([0, 10, 10, 30, 50, 100, 101, 200]);
    expect(selected.slice(1, 3).map((a) => a.name)).toEqual(['external', 'secrets']);
  });

  it('explains how to provide the missing capability, naming the env\'s stack', () => {
    expect(() => selectApps(CATALOG, { env: 'dev', lifecycle: 'persistent', maxTier: 2, capabilities: ['irsa', 'storage-class', 'object-storage'] })).toThrow(
      /app "portal" \(tier 2, platform experience\) requires "rds", which this selection does not provide: deploy the `dev-database` stack first/,
    );
  });

  it('lists every app with a missing requirement, one per line', () => {
    expect(() => selectApps(CATALOG, { env: 'dev', lifecycle: 'persistent', maxTier: 1, capabilities: [] })).toThrow(
      /^app "secrets" \(tier 1, delivery plane\) requires "irsa".*\napp "external" \(tier 1, delivery plane\) requires "irsa"/,
    );
  });
});

describe('isInScope', () => {
  it('is true for an app at exactly maxTier whose lifecycle is allowed', () => {
    expect(isInScope(app('at-ceiling', 1.5, 1, []), { maxTier: 1.5, lifecycle: 'ephemeral' })).toBe(true);
  });

  it('is false for an app whose lifecycle is not allowed', () => {
    expect(isInScope(app('only-persistent', 0, 1, [], ['persistent']), { maxTier: 3, lifecycle: 'ephemeral' })).toBe(false);
  });
});

describe('resolveApp', () => {
  const storage = { ...app('storage', 1.5, 52, ['storage-class']), upgrade: { fromMaxTier: 2 as const, tier: 2 as const, syncWave: 102, requires: ['rds' as const], database: 'storage' } };

  it('leaves an app without an upgrade unchanged', () => {
    const plain = app('plain', 1, 10, []);
    expect(resolveApp(plain, 3)).toBe(plain);
  });

  it('keeps the base entry below the upgrade ceiling', () => {
    expect(resolveApp(storage, 1.5)).toBe(storage);
  });

  it("applies the upgrade's tier, wave, requirements and database from its ceiling on", () => {
    const { tier, syncWave, requires, database } = resolveApp(storage, 2);
    expect([tier, syncWave, requires, database]).toEqual([2, 102, ['rds'], 'storage']);
  });

  it('selects the upgraded app under its new requirement, so a tier-2 cluster without rds fails naming it', () => {
    expect(() => selectApps([storage], { env: 'dev', lifecycle: 'persistent', maxTier: 2, capabilities: ['storage-class'] })).toThrow(/app "storage" \(tier 2, platform experience\) requires "rds"/);
  });

  it('puts the upgraded app in scope at its new tier', () => {
    expect(appsInScope([storage], { maxTier: 3, lifecycle: 'persistent' }).map((a) => a.tier)).toEqual([2]);
  });
});
