import { Release } from '@cdktf/provider-helm/lib/release';
import type { ITerraformDependable, Precondition } from 'cdktf';
import { Construct } from 'constructs';
import type { BootstrapValues } from '../../contract/bootstrap-values';
import type { CatalogApp } from '../../contract/catalog/types';
import { BOOTSTRAP_NAMES } from '../../contract/argocd';
import { bootstrapAppsSummary, renderBootstrapApps } from '../../contract/gitops/bootstrap-apps';
import { CHARTS } from '../../contract/versions';
import { terraformLiteral } from '../terraform-literal';

export interface BootstrapAppsProps {
  /** The app catalog to select from. */
  readonly catalog: readonly CatalogApp[];
  /** The bootstrap values contract: maxTier, lifecycle and platform flags select the apps; their values derive from it. */
  readonly contract: BootstrapValues;
  /** The env's GitOps repository, allowed as a source of the AppProject. */
  readonly gitopsRepoUrl: string;
  /**
   * Namespaces the GitOps repository's own apps deploy to (the env's `gitops.appNamespaces`), destinations of its AppProject.
   * @default none
   */
  readonly gitopsAppNamespaces?: readonly string[];
  /** Namespace of Argo CD (a reference, so the release waits for it). */
  readonly namespace: string;
  /** Argo CD (its CRDs and the Application health check), the contract objects and whatever the apps need first (the certificate). */
  readonly dependsOn: readonly ITerraformDependable[];
  /**
   * Plan-time checks of what the selected apps need, each naming the apps, their tier and the fix.
   * @default none
   */
  readonly preconditions?: readonly Precondition[];
}

/**
 * The AppProjects and the app-of-apps whose children are the selected apps,
 * installed through the pinned `argocd-apps` chart so the plan needs no Argo
 * CD CRDs. Only selected apps are rendered; a missing requirement fails
 * synth with a MissingRequirementError.
 */
export class BootstrapApps extends Construct {
  readonly selected: readonly CatalogApp[];
  readonly release: Release;
  /** Every selected app and hostname, for CI's checks. */
  readonly summary: ReturnType<typeof bootstrapAppsSummary>;

  constructor(scope: Construct, id: string, props: BootstrapAppsProps) {
    super(scope, id);
    const rendered = renderBootstrapApps(props.catalog, props.contract, props.gitopsRepoUrl, props.gitopsAppNamespaces);
    this.selected = rendered.selected;
    this.summary = bootstrapAppsSummary(rendered.selected, props.contract);
    const chart = CHARTS.argocdApps;
    this.release = new Release(this, 'release', {
      name: BOOTSTRAP_NAMES.bootstrapAppsRelease,
      namespace: props.namespace,
      repository: chart.repoURL,
      chart: chart.chart,
      version: chart.version,
      // JSON is YAML; as one literal string, references inside it interpolate and `%{`/`${` stay literal.
      values: [terraformLiteral(JSON.stringify(rendered.chartValues))],
      dependsOn: [...props.dependsOn],
      lifecycle: props.preconditions === undefined || props.preconditions.length === 0 ? undefined : { precondition: [...props.preconditions] },
    });
  }
}
