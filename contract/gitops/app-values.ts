import { helmGlobals, type BootstrapValues } from '../bootstrap-values';
import type { CatalogApp } from '../catalog/types';

/**
 * The Helm values an app is installed with: its own values from the
 * contract, plus the ADR-0179 globals (`global.lifecycle`, `global.buildId`,
 * `global.hostSuffix`, `global.env`) merged into whatever `global` it sets.
 */
export function appHelmValues(app: Pick<CatalogApp, 'values'>, values: BootstrapValues): Record<string, unknown> {
  const own = app.values(values);
  const ownGlobal = (own.global ?? {}) as Record<string, unknown>;
  return { ...own, global: { ...ownGlobal, ...helmGlobals(values).global } };
}
