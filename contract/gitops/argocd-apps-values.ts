interface ProjectLike {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly spec: object;
}

interface ApplicationLike {
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels?: Readonly<Record<string, string>>; readonly annotations?: Readonly<Record<string, string>>; readonly finalizers?: readonly string[] };
  readonly spec: { readonly project: string; readonly source: unknown; readonly destination: unknown; readonly syncPolicy?: unknown };
}

/** Applications as the argocd-apps chart (2.x) takes them: a map keyed by name, in the given order. */
export function argocdAppsApplications(applications: readonly ApplicationLike[]) {
  return Object.fromEntries(
    applications.map((app) => [
      app.metadata.name,
      {
        namespace: app.metadata.namespace,
        ...(app.metadata.labels === undefined ? {} : { additionalLabels: app.metadata.labels }),
        ...(app.metadata.annotations === undefined ? {} : { additionalAnnotations: app.metadata.annotations }),
        ...(app.metadata.finalizers === undefined ? {} : { finalizers: app.metadata.finalizers }),
        project: app.spec.project,
        source: app.spec.source,
        destination: app.spec.destination,
        ...(app.spec.syncPolicy === undefined ? {} : { syncPolicy: app.spec.syncPolicy }),
      },
    ]),
  );
}

/** AppProjects as the argocd-apps chart takes them: keyed by name. */
export function argocdAppsProjects(projects: readonly ProjectLike[]) {
  return Object.fromEntries(projects.map((p) => [p.metadata.name, { namespace: p.metadata.namespace, ...p.spec }]));
}

/**
 * Values of the `argocd-apps` release Terraform installs: the projects and
 * the app-of-apps. Installing them through a chart keeps Argo CD's CRDs out
 * of the Terraform plan.
 */
export function renderArgocdAppsValues(projects: readonly ProjectLike[], appOfApps: ApplicationLike) {
  return { projects: argocdAppsProjects(projects), applications: argocdAppsApplications([appOfApps]) };
}
