import { ArgocdInstall } from '../../../constructs/gitops/argocd-install';
import { renderArgocdValues } from '../../../contract/gitops/argocd-values';
import { persistent } from '../../../contract/selection';
import { CHARTS } from '../../../contract/versions';
import { contractFor } from '../../support/bootstrap-contract';
import { only, synthConstructs, terraformUnescape } from '../../support/synth-scope';

const contract = contractFor(persistent('prod'));
const json = synthConstructs((scope) => new ArgocdInstall(scope, 'argocd', { contract, profile: 'high-availability' }));
const release = () => only(json, 'resource', 'helm_release');

describe('ArgocdInstall', () => {
  it('creates the argocd namespace', () => {
    expect(only(json, 'resource', 'kubernetes_namespace_v1').metadata).toEqual({ name: 'argocd' });
  });

  it('installs the argo-cd chart at the pinned version', () => {
    expect([release().repository, release().chart, release().version]).toEqual([CHARTS.argoCd.repoURL, CHARTS.argoCd.chart, CHARTS.argoCd.version]);
  });

  it('installs into the namespace it created, so it waits for it', () => {
    expect(release().namespace).toMatch(/^\$\{kubernetes_namespace_v1\.\w+\.metadata\[0\]\.name\}$/);
  });

  it('passes the rendered values of the profile', () => {
    expect(JSON.parse(terraformUnescape(release().values[0]))).toEqual(renderArgocdValues(contract, 'high-availability'));
  });
});
