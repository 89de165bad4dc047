import type { Capability } from '../capabilities';
import { deriveMaxTier, type Lifecycle, type Tier } from '../lifecycle';
import { CATALOG } from './catalog';
import { appsInScope } from './select';
import type { CatalogApp } from './types';

/**
 * The capabilities the apps of a selection need, derived from the catalog:
 * what the cluster stack must provide (object storage, the database's
 * in-cluster provisioning) and what the platform stack and the preflight must
 * verify (the database foundation). One rule instead of tier thresholds
 * repeated in each consumer.
 */
export function capabilitiesNeeded(lifecycle: Lifecycle, tierCeiling?: Tier, catalog: readonly CatalogApp[] = CATALOG): ReadonlySet<Capability> {
  const maxTier = deriveMaxTier(lifecycle, tierCeiling);
  return new Set(appsInScope(catalog, { maxTier, lifecycle }).flatMap((app) => app.requires));
}
