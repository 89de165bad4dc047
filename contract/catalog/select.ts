import { capabilityFix, type Capability } from '../capabilities';
import { TIER_NAMES, type Lifecycle, type Tier } from '../lifecycle';
import type { CatalogApp } from './types';

export interface SelectionContext {
  /** The environment, named in the fix of a missing requirement. */
  readonly env: string;
  readonly maxTier: Tier;
  readonly lifecycle: Lifecycle;
  readonly capabilities: readonly Capability[];
}

export interface MissingRequirement {
  readonly app: string;
  readonly tier: Tier;
  readonly capability: Capability;
}

/** An app inside the ceiling whose requirement is missing: never a silent skip. */
export class MissingRequirementError extends Error {
  constructor(
    readonly missing: readonly MissingRequirement[],
    env: string,
  ) {
    super(
      missing
        .map(
          (m) =>
            `app "${m.app}" (tier ${m.tier}, ${TIER_NAMES[m.tier]}) requires "${m.capability}", which this selection does not provide: ${capabilityFix(m.capability, env)}`,
        )
        .join('\n'),
    );
    this.name = 'MissingRequirementError';
  }
}

/** The app as it runs under this ceiling: its upgrade applied once maxTier reaches it. */
export function resolveApp(app: CatalogApp, maxTier: Tier): CatalogApp {
  if (app.upgrade === undefined || maxTier < app.upgrade.fromMaxTier) return app;
  const { tier, syncWave, requires, database } = app.upgrade;
  return { ...app, tier, syncWave, requires, ...(database === undefined ? {} : { database }) };
}

/** True when the (resolved) app belongs to this selection regardless of its requirements. */
export function isInScope(app: CatalogApp, ctx: Pick<SelectionContext, 'maxTier' | 'lifecycle'>): boolean {
  return app.tier <= ctx.maxTier && app.lifecycles.includes(ctx.lifecycle);
}

/** Every catalog app this ceiling and lifecycle admit, resolved for the ceiling, requirements not yet checked. */
export function appsInScope(catalog: readonly CatalogApp[], ctx: Pick<SelectionContext, 'maxTier' | 'lifecycle'>): CatalogApp[] {
  return catalog.map((app) => resolveApp(app, ctx.maxTier)).filter((app) => isInScope(app, ctx));
}

/**
 * The apps a cluster runs, resolved for maxTier: tier within maxTier and lifecycle allowed; every
 * such app must have its requirements met, else a named error. Ordered by
 * sync wave.
 */
export function selectApps(catalog: readonly CatalogApp[], ctx: SelectionContext): CatalogApp[] {
  const inScope = appsInScope(catalog, ctx);
  const missing = inScope.flatMap((app) =>
    app.requires.filter((c) => !ctx.capabilities.includes(c)).map((capability) => ({ app: app.name, tier: app.tier, capability })),
  );
  if (missing.length > 0) throw new MissingRequirementError(missing, ctx.env);
  return [...inScope].sort((a, b) => a.syncWave - b.syncWave || a.name.localeCompare(b.name));
}
