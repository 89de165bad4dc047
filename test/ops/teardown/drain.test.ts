import { BOOTSTRAP_NAMES } from '../../../contract/argocd';
import type { KubeApi, KubeObject } from '../../../ops/kube/kube-api';
import { drainCluster } from '../../../ops/teardown/drain';

function fakeKube(objects: Record<string, KubeObject[] | undefined>): KubeApi & { deleted: string[] } {
  const deleted: string[] = [];
  return {
    deleted,
    list: async (path) => objects[path],
    delete: async (path) => void deleted.push(path),
  };
}
const obj = (name: string, namespace?: string, type?: string): KubeObject => ({ metadata: { name, namespace }, spec: type === undefined ? undefined : { type } });

function options(awsLeft: number[]): Parameters<typeof drainCluster>[1] & { slept: number } {
  let t = 0;
  const o = {
    slept: 0,
    awsLeft: async () => awsLeft.shift() ?? 0,
    timeoutMs: 30_000,
    pollMs: 10_000,
    sleep: async (ms: number) => {
      t += ms;
      o.slept += ms;
    },
    now: () => t,
    progress: () => undefined,
  };
  return o;
}

describe('drainCluster', () => {
  it('deletes the app-of-apps before its children, so Argo CD cannot put them back', async () => {
    const kube = fakeKube({ '/apis/argoproj.io/v1alpha1/applications': [obj('alertmanager', 'argocd'), obj(BOOTSTRAP_NAMES.appOfApps, 'argocd'), obj('kong', 'argocd')] });
    await drainCluster(kube, options([0]));
    expect(kube.deleted).toEqual([
      `/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/${BOOTSTRAP_NAMES.appOfApps}`,
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/alertmanager',
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/kong',
    ]);
  });

  it('deletes ApplicationSets, Applications, LoadBalancer Services, Ingresses, then PVCs', async () => {
    const kube = fakeKube({
      '/apis/argoproj.io/v1alpha1/applicationsets': [obj('apps', 'argocd')],
      '/apis/argoproj.io/v1alpha1/applications': [obj('kong', 'argocd')],
      '/api/v1/services': [obj('kong-proxy', 'kong', 'LoadBalancer'), obj('kong-admin', 'kong', 'ClusterIP')],
      '/apis/networking.k8s.io/v1/ingresses': [obj('grafana', 'monitoring')],
      '/api/v1/persistentvolumeclaims': [obj('data', 'monitoring')],
    });
    const result = await drainCluster(kube, options([0]));
    expect(kube.deleted).toEqual([
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applicationsets/apps',
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/kong',
      '/api/v1/namespaces/kong/services/kong-proxy',
      '/apis/networking.k8s.io/v1/namespaces/monitoring/ingresses/grafana',
      '/api/v1/namespaces/monitoring/persistentvolumeclaims/data',
    ]);
    expect(result).toEqual({ deleted: 5, awsLeft: 0, timedOut: false });
  });

  it('skips an API that is not installed (no Argo CD)', async () => {
    const result = await drainCluster(fakeKube({ '/api/v1/services': [] }), options([0]));
    expect(result.deleted).toBe(0);
  });

  it('waits until AWS shows none of the build load balancers or volumes', async () => {
    const o = options([3, 1, 0]);
    expect(await drainCluster(fakeKube({}), o)).toEqual({ deleted: 0, awsLeft: 0, timedOut: false });
    expect(o.slept).toBe(20_000);
  });

  it('stops waiting at the timeout and reports what is left', async () => {
    const o = options([2, 2, 2, 2, 2, 2]);
    expect(await drainCluster(fakeKube({}), o)).toEqual({ deleted: 0, awsLeft: 2, timedOut: true });
  });
});
