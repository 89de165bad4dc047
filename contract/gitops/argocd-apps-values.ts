import type { AppProjectManifest } from './app-project';
import type { ApplicationSetManifest } from './application-set';

/**
 * Values of the `argocd-apps` chart (2.x: maps keyed by name) that make it
 * create exactly the given AppProject and ApplicationSets. Installing them
 * through a chart keeps Argo CD's CRDs out of the Terraform plan.
 */
export function renderArgocdAppsValues(project: AppProjectManifest, applicationSets: readonly ApplicationSetManifest[]) {
  return {
    projects: {
      [project.metadata.name]: { namespace: project.metadata.namespace, ...project.spec },
    },
    applicationsets: Object.fromEntries(
      applicationSets.map((set) => [
        set.metadata.name,
        {
          namespace: set.metadata.namespace,
          additionalLabels: set.metadata.labels,
          goTemplate: set.spec.goTemplate,
          generators: set.spec.generators,
          template: set.spec.template,
        },
      ]),
    ),
  };
}
