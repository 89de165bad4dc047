import { Release } from '@cdktf/provider-helm/lib/release';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Construct } from 'constructs';
import type { BootstrapValues } from '../../contract/bootstrap-values';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES } from '../../contract/argocd';
import { renderArgocdValues, type ArgocdProfile } from '../../contract/gitops/argocd-values';
import { CHARTS } from '../../contract/versions';
import { terraformLiteral } from '../terraform-literal';

export interface ArgocdInstallProps {
  /** The bootstrap values contract; Argo CD's values (hostname, labels) derive from it. */
  readonly contract: BootstrapValues;
  /** Replicas and requests: `minimal` for builds, `high-availability` (redis-ha, replicated components) where the env asks. */
  readonly profile: ArgocdProfile;
}

/** The Argo CD namespace (created first; everything in it depends on it) and Argo CD from its pinned chart. */
export class ArgocdInstall extends Construct {
  readonly namespace: NamespaceV1;
  readonly release: Release;

  constructor(scope: Construct, id: string, props: ArgocdInstallProps) {
    super(scope, id);
    this.namespace = new NamespaceV1(this, 'namespace', { metadata: { name: ARGOCD_NAMESPACE } });
    const chart = CHARTS.argoCd;
    this.release = new Release(this, 'release', {
      name: BOOTSTRAP_NAMES.argocdRelease,
      namespace: this.namespace.metadata.name,
      repository: chart.repoURL,
      chart: chart.chart,
      version: chart.version,
      // JSON is YAML; as one literal string, references inside it interpolate and `%{`/`${` stay literal.
      values: [terraformLiteral(JSON.stringify(renderArgocdValues(props.contract, props.profile)))],
      wait: true,
      timeout: 900,
    });
  }
}
