import { CATALOG } from '../../../contract/catalog/catalog';
import { appHelmValues } from '../../../contract/gitops/app-values';
import { clusterSelector, renderApplicationSet } from '../../../contract/gitops/application-set';
import { BOOTSTRAP_NAMES, IN_CLUSTER, SYNC_WAVE_ANNOTATION } from '../../../contract/argocd';
import { renderClusterSecret } from '../../../contract/gitops/cluster-secret';
import { ephemeral, persistent } from '../../../contract/selection';
import { APP_TIER_LABEL, capabilityLabelKey, TAG_KEYS, tierLabelKey } from '../../../contract/tags';
import { generateApplications } from '../../support/argocd-cluster-generator';
import { contractFor, stringsIn } from '../../support/bootstrap-contract';
import { schemaErrors } from '../../support/kubernetes-validation';

const app = (name: string) => {
  const found = CATALOG.find((a) => a.name === name);
  if (found === undefined) throw new Error(`no catalog app ${name}`);
  return found;
};

describe('clusterSelector', () => {
  it('selects on the app tier label', () => {
    expect(clusterSelector(app('prometheus')).matchLabels).toMatchObject({ [tierLabelKey(1.5)]: 'enabled' });
  });

  it('selects on one label per required capability', () => {
    expect(clusterSelector(app('loki')).matchLabels).toEqual({
      [tierLabelKey(2)]: 'enabled',
      [capabilityLabelKey('object-storage')]: 'enabled',
      [capabilityLabelKey('irsa')]: 'enabled',
      [capabilityLabelKey('storage-class')]: 'enabled',
    });
  });

  it('restricts a persistent-only app by lifecycle', () => {
    expect(clusterSelector(app('keycloak')).matchExpressions).toEqual([{ key: TAG_KEYS.lifecycle, operator: 'In', values: ['persistent'] }]);
  });

  it('leaves the lifecycle open for apps that run in every lifecycle', () => {
    expect(clusterSelector(app('kong')).matchExpressions).toBeUndefined();
  });
});

describe('renderApplicationSet', () => {
  const contract = contractFor(persistent('dev'));

  it('labels the Applications it produces with the app tier and annotates them with the sync wave', () => {
    const metadata = renderApplicationSet(app('grafana'), contract).spec.template.metadata;
    expect([metadata.labels[APP_TIER_LABEL], metadata.annotations[SYNC_WAVE_ANNOTATION]]).toEqual(['1.5', '52']);
  });

  it('installs the pinned chart with the app values of the contract', () => {
    const source = renderApplicationSet(app('external-dns'), contract).spec.template.spec.source;
    expect(source).toEqual({
      repoURL: app('external-dns').chart.repoURL,
      chart: app('external-dns').chart.chart,
      targetRevision: app('external-dns').chart.version,
      helm: { releaseName: 'external-dns', valuesObject: appHelmValues(app('external-dns'), contract) },
    });
  });

  it('belongs to the bootstrap project and deploys into the app namespace', () => {
    const spec = renderApplicationSet(app('backstage'), contract).spec.template.spec;
    expect([spec.project, spec.destination.namespace]).toEqual([BOOTSTRAP_NAMES.project, 'backstage']);
  });

  it('produces an Application aimed at the in-cluster server for a matching cluster', () => {
    const [application] = generateApplications(renderApplicationSet(app('kong'), contract), [renderClusterSecret(contract)]);
    expect(application.spec.destination).toEqual({ server: IN_CLUSTER.server, namespace: 'kong' });
  });

  it('validates every ApplicationSet and the Application each would produce, for a persistent cluster and a build', () => {
    const manifests = [persistent('dev'), ephemeral('dev', '26-01-23-01')].flatMap((selection) => {
      const c = contractFor(selection, selection.lifecycle === 'ephemeral' ? { tierCeiling: null } : {});
      const secret = renderClusterSecret(c);
      return CATALOG.flatMap((a) => {
        const set = renderApplicationSet(a, c);
        return [{ model: 'ApplicationSet' as const, manifest: set }, ...generateApplications(set, [secret]).map((manifest) => ({ model: 'Application' as const, manifest }))];
      });
    });
    expect(manifests.filter((m) => m.model === 'Application').length).toBeGreaterThan(0);
    expect(schemaErrors(manifests).flat()).toEqual([]);
  });

  it('leaves no Go-template braces in app values, which Argo CD would evaluate as templates', () => {
    const values = CATALOG.map((a) => renderApplicationSet(a, contract).spec.template.spec.source.helm.valuesObject);
    expect(stringsIn(values).filter((v) => v.includes('{{'))).toEqual([]);
  });
});
