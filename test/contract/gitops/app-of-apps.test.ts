import { CATALOG } from '../../../contract/catalog/catalog';
import { APP_OF_APPS_SYNC_RETRY, renderAppOfApps } from '../../../contract/gitops/app-of-apps';
import { renderChildApplication } from '../../../contract/gitops/application';
import { ARGOCD_NAMESPACE, BOOTSTRAP_NAMES, IN_CLUSTER, RESOURCES_FINALIZER } from '../../../contract/argocd';
import { argocdAppsApplications } from '../../../contract/gitops/argocd-apps-values';
import { persistent } from '../../../contract/selection';
import { CHARTS } from '../../../contract/versions';
import { contractFor } from '../../support/bootstrap-contract';

const children = CATALOG.slice(0, 4).map((a) => renderChildApplication(a, contractFor(persistent('prod'))));
const parent = renderAppOfApps(children);

describe('renderAppOfApps', () => {
  it('renders the children through the pinned argocd-apps chart', () => {
    expect(parent.spec.source).toEqual({
      repoURL: CHARTS.argocdApps.repoURL,
      chart: CHARTS.argocdApps.chart,
      targetRevision: CHARTS.argocdApps.version,
      helm: { releaseName: BOOTSTRAP_NAMES.appOfApps, valuesObject: { applications: argocdAppsApplications(children) } },
    });
  });

  it('belongs to its own project and deploys only into the Argo CD namespace', () => {
    expect([parent.spec.project, parent.spec.destination]).toEqual([BOOTSTRAP_NAMES.appOfAppsProject, { server: IN_CLUSTER.server, namespace: ARGOCD_NAMESPACE }]);
  });

  it('syncs automatically, retries a failed wave with backoff, and cascades its deletion to the children', () => {
    expect([parent.spec.syncPolicy, parent.metadata.finalizers]).toEqual([{ automated: { prune: true, selfHeal: true }, retry: APP_OF_APPS_SYNC_RETRY }, [RESOURCES_FINALIZER]]);
  });
});
