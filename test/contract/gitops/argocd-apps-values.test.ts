import { CATALOG } from '../../../contract/catalog/catalog';
import { renderAppProject } from '../../../contract/gitops/app-project';
import { renderApplicationSet } from '../../../contract/gitops/application-set';
import { renderArgocdAppsValues } from '../../../contract/gitops/argocd-apps-values';
import { persistent } from '../../../contract/selection';
import { loadEnvironment } from '../../../envs';
import { contractFor } from '../../support/bootstrap-contract';

const project = renderAppProject(CATALOG, loadEnvironment('dev').gitops.repoUrl);
const sets = CATALOG.slice(0, 3).map((a) => renderApplicationSet(a, contractFor(persistent('dev'))));

describe('renderArgocdAppsValues', () => {
  it('keys the project and the ApplicationSets by name (argocd-apps 2.x maps)', () => {
    const values = renderArgocdAppsValues(project, sets);
    expect([Object.keys(values.projects), Object.keys(values.applicationsets)]).toEqual([[project.metadata.name], sets.map((s) => s.metadata.name)]);
  });

  it('hands each ApplicationSet to the chart unchanged', () => {
    const entry = renderArgocdAppsValues(project, sets).applicationsets[sets[0].metadata.name];
    expect(entry).toEqual({
      namespace: sets[0].metadata.namespace,
      additionalLabels: sets[0].metadata.labels,
      goTemplate: true,
      generators: sets[0].spec.generators,
      template: sets[0].spec.template,
    });
  });

  it('hands the project spec to the chart unchanged', () => {
    expect(renderArgocdAppsValues(project, sets).projects[project.metadata.name]).toEqual({ namespace: project.metadata.namespace, ...project.spec });
  });
});
