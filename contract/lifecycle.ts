import { z } from 'zod';

/** Whether a cluster lives until someone removes it, or only for one CI build. */
export const LIFECYCLES = ['persistent', 'ephemeral'] as const;
export const LifecycleSchema = z.enum(LIFECYCLES);
export type Lifecycle = z.infer<typeof LifecycleSchema>;

/** The platform tiers, lowest first (ADR-0178). */
export const TIERS = [0, 1, 1.5, 2, 3] as const;
export type Tier = (typeof TIERS)[number];
export const TierSchema = z.union([z.literal(0), z.literal(1), z.literal(1.5), z.literal(2), z.literal(3)], {
  error: `must be one of the tiers ${TIERS.join(', ')}`,
});

export const TIER_NAMES: Readonly<Record<Tier, string>> = {
  0: 'cluster viability',
  1: 'delivery plane',
  1.5: 'core observability',
  2: 'platform experience',
  3: 'production identity',
};

/** The ceiling each lifecycle is entitled to: the one place this rule lives. */
const LIFECYCLE_CEILING: Readonly<Record<Lifecycle, Tier>> = {
  ephemeral: 1.5,
  persistent: 3,
};

/**
 * maxTier is derived, never free input: the lifecycle sets the ceiling and an
 * environment may only lower it.
 */
export function deriveMaxTier(lifecycle: Lifecycle, envCeiling?: Tier): Tier {
  const ceiling = LIFECYCLE_CEILING[lifecycle];
  return envCeiling === undefined ? ceiling : (Math.min(ceiling, envCeiling) as Tier);
}

/** Every tier up to and including maxTier, lowest first. */
export function tiersUpTo(maxTier: Tier): Tier[] {
  return TIERS.filter((t) => t <= maxTier);
}
