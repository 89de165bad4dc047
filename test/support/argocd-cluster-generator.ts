import { matchesLabelSelector, type LabelSelector } from '../../contract/gitops/label-selector';

/**
 * What Argo CD's ApplicationSet controller does with a cluster generator
 * (goTemplate mode), reduced to what the bootstrap ApplicationSets use: one
 * Application per cluster Secret the selector matches, with `{{.name}}` and
 * `{{.server}}` substituted in every string (any other parameter is an error).
 */
export interface ClusterSecretLike {
  readonly metadata: { readonly labels: Readonly<Record<string, string>>; readonly annotations: Readonly<Record<string, string>> };
  readonly stringData: { readonly name: string; readonly server: string };
}

interface ApplicationSetLike {
  readonly metadata: { readonly namespace: string };
  readonly spec: {
    readonly generators: readonly { readonly clusters: { readonly selector: LabelSelector } }[];
    readonly template: { readonly metadata: Record<string, unknown>; readonly spec: Record<string, unknown> };
  };
}

function substitute(value: unknown, params: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, key: string) => {
      if (!(key in params)) throw new Error(`template parameter .${key} is not produced by the cluster generator`);
      return params[key];
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, params));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, params)]));
  return value;
}

export function generateApplications(appSet: ApplicationSetLike, clusters: readonly ClusterSecretLike[]) {
  return appSet.spec.generators.flatMap((generator) =>
    clusters
      .filter((cluster) => matchesLabelSelector(generator.clusters.selector, cluster.metadata.labels))
      .map((cluster) => {
        const params = { name: cluster.stringData.name, server: cluster.stringData.server };
        const rendered = substitute(appSet.spec.template, params) as { metadata: { name: string } & Record<string, unknown>; spec: Record<string, unknown> };
        return {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: { ...rendered.metadata, namespace: appSet.metadata.namespace },
          spec: rendered.spec,
        };
      }),
  );
}
