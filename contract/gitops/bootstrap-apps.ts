import type { BootstrapValues } from '../bootstrap-values';
import { capabilitiesOf } from '../capabilities';
import { selectApps } from '../catalog/select';
import type { CatalogApp } from '../catalog/types';
import { renderAppProject } from './app-project';
import { renderApplicationSet } from './application-set';
import { renderArgocdAppsValues } from './argocd-apps-values';

/**
 * The bootstrap apps of one cluster: the first tier gate (`selectApps`: only
 * apps inside maxTier, allowed in the lifecycle, with their requirements
 * met — else a MissingRequirementError naming app, tier and fix), then one
 * ApplicationSet per selected app whose selector is the second gate.
 */
export function renderBootstrapApps(catalog: readonly CatalogApp[], values: BootstrapValues, gitopsRepoUrl: string) {
  const selected = selectApps(catalog, { env: values.env, maxTier: values.maxTier, lifecycle: values.lifecycle, capabilities: capabilitiesOf(values.platform) });
  const project = renderAppProject(catalog, gitopsRepoUrl);
  const applicationSets = selected.map((app) => renderApplicationSet(app, values));
  return { selected, project, applicationSets, chartValues: renderArgocdAppsValues(project, applicationSets) };
}
