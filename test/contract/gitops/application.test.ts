import { CATALOG } from '../../../contract/catalog/catalog';
import { resolveApp } from '../../../contract/catalog/select';
import { appHelmValues } from '../../../contract/gitops/app-values';
import { tierProjectName } from '../../../contract/gitops/app-project';
import { renderChildApplication } from '../../../contract/gitops/application';
import { IN_CLUSTER, RESOURCES_FINALIZER, SYNC_WAVE_ANNOTATION } from '../../../contract/argocd';
import { persistent } from '../../../contract/selection';
import { APP_TIER_LABEL } from '../../../contract/tags';
import { contractFor } from '../../support/bootstrap-contract';

const app = (name: string) => {
  const found = CATALOG.find((a) => a.name === name);
  if (found === undefined) throw new Error(`no catalog app ${name}`);
  return found;
};
const contract = contractFor(persistent('prod'));

describe('renderChildApplication', () => {
  it('labels the child with its tier and annotates it with its sync wave', () => {
    const { metadata } = renderChildApplication(app('prometheus'), contract);
    expect([metadata.labels[APP_TIER_LABEL], metadata.annotations[SYNC_WAVE_ANNOTATION]]).toEqual(['1.5', '50']);
  });

  it('carries the wave and tier of the app as resolved for the ceiling (grafana on PostgreSQL: tier 2, wave 102)', () => {
    const { metadata, spec } = renderChildApplication(resolveApp(app('grafana'), 2), contract);
    expect([metadata.labels[APP_TIER_LABEL], metadata.annotations[SYNC_WAVE_ANNOTATION], spec.project]).toEqual(['2', '102', tierProjectName(2)]);
  });

  it('installs the pinned chart with the app values of the contract', () => {
    expect(renderChildApplication(app('external-dns'), contract).spec.source).toEqual({
      repoURL: app('external-dns').chart.repoURL,
      chart: app('external-dns').chart.chart,
      targetRevision: app('external-dns').chart.version,
      helm: { releaseName: 'external-dns', valuesObject: appHelmValues(app('external-dns'), contract) },
    });
  });

  it("belongs to its tier's project and deploys into the app namespace in-cluster", () => {
    const { spec } = renderChildApplication(app('backstage'), contract);
    expect([spec.project, spec.destination]).toEqual([tierProjectName(2), { server: IN_CLUSTER.server, namespace: 'backstage' }]);
  });

  it('syncs itself automatically, with pruning, self-heal and retries, and deletes what it deployed when removed', () => {
    const child = renderChildApplication(app('kong'), contract);
    expect([child.spec.syncPolicy.automated, child.spec.syncPolicy.retry.limit > 0, child.metadata.finalizers]).toEqual([{ prune: true, selfHeal: true }, true, [RESOURCES_FINALIZER]]);
  });
});
