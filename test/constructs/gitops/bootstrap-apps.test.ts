import { TerraformLocal } from 'cdktf';
import { BootstrapApps } from '../../../constructs/gitops/bootstrap-apps';
import { CATALOG } from '../../../contract/catalog/catalog';
import { MissingRequirementError } from '../../../contract/catalog/select';
import { renderBootstrapApps } from '../../../contract/gitops/bootstrap-apps';
import { persistent } from '../../../contract/selection';
import { CHARTS } from '../../../contract/versions';
import { loadEnvironment } from '../../../envs';
import { ALL_CAPABILITIES, contractFor } from '../../support/bootstrap-contract';
import { only, synthConstructs, terraformUnescape } from '../../support/synth-scope';

const gitops = loadEnvironment('dev').gitops.repoUrl;
const contract = contractFor(persistent('dev'));
const precondition = { condition: '${true}', errorMessage: 'named need' };
const json = synthConstructs((scope) => {
  const dependency = new TerraformLocal(scope, 'dependency', 'x');
  new BootstrapApps(scope, 'apps', { catalog: CATALOG, contract, gitopsRepoUrl: gitops, namespace: 'argocd', dependsOn: [dependency], preconditions: [precondition] });
});
const release = () => only(json, 'resource', 'helm_release');

describe('BootstrapApps', () => {
  it('installs the argocd-apps chart at the pinned version', () => {
    expect([release().repository, release().chart, release().version]).toEqual([CHARTS.argocdApps.repoURL, CHARTS.argocdApps.chart, CHARTS.argocdApps.version]);
  });

  it('passes exactly the rendered project and ApplicationSets', () => {
    expect(JSON.parse(terraformUnescape(release().values[0]))).toEqual(JSON.parse(JSON.stringify(renderBootstrapApps(CATALOG, contract, gitops).chartValues)));
  });

  it('keeps `${` in app values literal for the chart (Backstage substitutes it)', () => {
    expect(release().values[0]).toContain('"user":"$${username}"');
  });

  it('waits for what it is given to depend on', () => {
    expect(release().depends_on).toEqual(['local.dependency']);
  });

  it('carries the preconditions it is given', () => {
    expect(release().lifecycle.precondition).toEqual([{ condition: precondition.condition, error_message: precondition.errorMessage }]);
  });

  it('fails synth with a MissingRequirementError when an app in scope lacks a capability', () => {
    const lacking = contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, objectStorageAvailable: false } });
    expect(() =>
      synthConstructs((scope) => new BootstrapApps(scope, 'apps', { catalog: CATALOG, contract: lacking, gitopsRepoUrl: gitops, namespace: 'argocd', dependsOn: [] })),
    ).toThrow(MissingRequirementError);
  });
});
