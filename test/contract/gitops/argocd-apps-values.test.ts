import { CATALOG } from '../../../contract/catalog/catalog';
import { renderAppOfApps } from '../../../contract/gitops/app-of-apps';
import { renderAppOfAppsProject, renderAppProject } from '../../../contract/gitops/app-project';
import { renderChildApplication } from '../../../contract/gitops/application';
import { argocdAppsApplications, renderArgocdAppsValues } from '../../../contract/gitops/argocd-apps-values';
import { persistent } from '../../../contract/selection';
import { loadEnvironment } from '../../../envs';
import { contractFor } from '../../support/bootstrap-contract';

const projects = [renderAppProject(CATALOG, loadEnvironment('dev').gitops.repoUrl), renderAppOfAppsProject()];
const children = CATALOG.slice(0, 3).map((a) => renderChildApplication(a, contractFor(persistent('dev'))));

describe('argocdAppsApplications', () => {
  it('keys the Applications by name in the given order (argocd-apps 2.x maps)', () => {
    expect(Object.keys(argocdAppsApplications(children))).toEqual(children.map((c) => c.metadata.name));
  });

  it('hands labels, annotations, finalizers and the spec to the chart unchanged', () => {
    const [first] = children;
    expect(argocdAppsApplications(children)[first.metadata.name]).toEqual({
      namespace: first.metadata.namespace,
      additionalLabels: first.metadata.labels,
      additionalAnnotations: first.metadata.annotations,
      finalizers: first.metadata.finalizers,
      project: first.spec.project,
      source: first.spec.source,
      destination: first.spec.destination,
      syncPolicy: first.spec.syncPolicy,
    });
  });
});

describe('renderArgocdAppsValues', () => {
  it('keys the projects by name and holds the app-of-apps as the one Application', () => {
    const values = renderArgocdAppsValues(projects, renderAppOfApps(children));
    expect([Object.keys(values.projects), Object.keys(values.applications)]).toEqual([projects.map((p) => p.metadata.name), ['goldenpath-platform-apps']]);
  });

  it('hands each project spec to the chart unchanged', () => {
    expect(renderArgocdAppsValues(projects, renderAppOfApps(children)).projects[projects[1].metadata.name]).toEqual({ namespace: projects[1].metadata.namespace, ...projects[1].spec });
  });
});
