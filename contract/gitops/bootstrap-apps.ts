import type { BootstrapValues } from '../bootstrap-values';
import { capabilitiesOf } from '../capabilities';
import { appsInScope, selectApps } from '../catalog/select';
import type { CatalogApp } from '../catalog/types';
import { appHostname } from '../naming';
import { renderAppOfApps } from './app-of-apps';
import { renderAppOfAppsProject, renderAppProject, renderTierProjects } from './app-project';
import { renderChildApplication } from './application';
import { ARGOCD_HOST_LABEL } from '../argocd';
import { renderArgocdAppsValues } from './argocd-apps-values';

/**
 * The bootstrap apps of one cluster. Gate one: `selectApps` renders only the
 * apps inside maxTier, allowed in the lifecycle and with their requirements
 * met (else a MissingRequirementError naming app, tier and fix). Gate two:
 * each child names its tier's project, and only the projects of tiers up to
 * maxTier exist. The children, in wave order, are the app-of-apps' source.
 */
export function renderBootstrapApps(catalog: readonly CatalogApp[], values: BootstrapValues, gitopsRepoUrl: string, gitopsAppNamespaces: readonly string[] = []) {
  const selected = selectApps(catalog, { env: values.env, maxTier: values.maxTier, lifecycle: values.lifecycle, capabilities: capabilitiesOf(values.platform) });
  const children = selected.map((app) => renderChildApplication(app, values));
  const appOfApps = renderAppOfApps(children);
  const projects = [
    renderAppProject(selected, gitopsRepoUrl, gitopsAppNamespaces),
    ...renderTierProjects(appsInScope(catalog, values), values.tiers),
    renderAppOfAppsProject(),
  ];
  return { selected, children, appOfApps, projects, chartValues: renderArgocdAppsValues(projects, appOfApps) };
}

/** What CI checks on a cluster: every selected app by name, tier and wave, and every hostname it serves. */
export function bootstrapAppsSummary(selected: readonly CatalogApp[], values: BootstrapValues) {
  return {
    apps: selected.map((a) => ({ name: a.name, tier: a.tier, syncWave: a.syncWave })),
    hostnames: [ARGOCD_HOST_LABEL, ...selected.flatMap((a) => a.hostLabels ?? [])].map((label) => appHostname(label, values.hostSuffix)),
  };
}
