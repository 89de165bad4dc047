import { deriveMaxTier, LIFECYCLES, TIERS, tiersUpTo, type Lifecycle, type Tier } from '../../contract/lifecycle';

const CEILINGS: readonly (Tier | undefined)[] = [undefined, 0, 1, 1.5, 2, 3];

/** What each lifecycle is entitled to, from the design. */
const ENTITLEMENT: Readonly<Record<Lifecycle, Tier>> = { ephemeral: 1.5, persistent: 3 };

const cases = LIFECYCLES.flatMap((lifecycle) =>
  CEILINGS.map((ceiling) => ({
    lifecycle,
    ceiling,
    expected: ceiling === undefined ? ENTITLEMENT[lifecycle] : Math.min(ENTITLEMENT[lifecycle], ceiling),
  })),
);

describe('deriveMaxTier', () => {
  it.each(cases)('$lifecycle with ceiling $ceiling gives maxTier $expected', ({ lifecycle, ceiling, expected }) => {
    expect(deriveMaxTier(lifecycle, ceiling)).toBe(expected);
  });

  it.each(cases)('$lifecycle with ceiling $ceiling never raises maxTier above the ceiling or the entitlement', ({ lifecycle, ceiling }) => {
    const maxTier = deriveMaxTier(lifecycle, ceiling);
    expect(maxTier).toBeLessThanOrEqual(ENTITLEMENT[lifecycle]);
    if (ceiling !== undefined) expect(maxTier).toBeLessThanOrEqual(ceiling);
  });
});

describe('tiersUpTo', () => {
  it.each(TIERS.map((t) => [t]))('lists every tier up to and including %s, lowest first', (maxTier) => {
    expect(tiersUpTo(maxTier)).toEqual([0, 1, 1.5, 2, 3].filter((t) => t <= maxTier));
  });
});
