import { kubernetesResource } from '../../../constructs/kubernetes/kubernetes-object';
import { only, synthConstructs } from '../../support/synth-scope';

describe('kubernetesResource', () => {
  it('creates the typed provider resource of the kind under the given construct id', () => {
    const json = synthConstructs((scope) => kubernetesResource(scope, 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps', labels: { team: 'platform' } } }));
    expect(Object.keys(json.resource)).toEqual(['kubernetes_namespace_v1']);
    expect(only(json, 'resource', 'kubernetes_namespace_v1').metadata).toEqual({ name: 'apps', labels: { team: 'platform' } });
  });

  it("writes the API's list fields as the provider's singular blocks and its numeric ids and quantities as strings", () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j', namespace: 'apps' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            securityContext: { runAsUser: 1000 },
            containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: 1 } }, volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    };
    const spec = only(
      synthConstructs((scope) => kubernetesResource(scope, 'job', job)),
      'resource',
      'kubernetes_job_v1',
    ).spec.template.spec;
    expect([spec.security_context.run_as_user, spec.container[0].resources.requests.cpu, spec.container[0].volume_mount[0].mount_path, spec.volume[0].name]).toEqual([
      '1000',
      '1',
      '/tmp',
      'tmp',
    ]);
  });

  it("maps a Secret's stringData to the provider's data, which takes plain strings", () => {
    const rendered = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', stringData: { key: 'value' } };
    const secret = only(
      synthConstructs((scope) => kubernetesResource(scope, 's', rendered)),
      'resource',
      'kubernetes_secret_v1',
    );
    expect([secret.data, secret.type]).toEqual([{ key: 'value' }, 'Opaque']);
  });

  it('keeps the keys of data maps as they are, even where a block would be renamed', () => {
    const rendered = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { containers: 'x', run_as_user: 'y' } };
    const configMap = only(
      synthConstructs((scope) => kubernetesResource(scope, 'cm', rendered)),
      'resource',
      'kubernetes_config_map_v1',
    );
    expect(configMap.data).toEqual({ containers: 'x', run_as_user: 'y' });
  });

  it('replaces the rendered namespace with the reference it is given', () => {
    const sa = only(
      synthConstructs((scope) => kubernetesResource(scope, 'sa', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'apps' } }, { namespace: '${var.ns}' })),
      'resource',
      'kubernetes_service_account_v1',
    );
    expect(sa.metadata.namespace).toBe('${var.ns}');
  });

  it('refuses an object with a value the provider resource would drop, naming the value', () => {
    const withSpec = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' }, spec: { finalizers: ['example.com/keep'] } };
    expect(() => synthConstructs((scope) => kubernetesResource(scope, 'ns', withSpec))).toThrow(/kubernetes_namespace_v1 did not take "example\.com\/keep"/);
  });

  it('refuses a kind it has no provider resource for, naming where to add it', () => {
    expect(() => synthConstructs((scope) => kubernetesResource(scope, 'x', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } }))).toThrow(
      /no provider resource for apps\/v1\/Deployment; add it to KINDS in constructs\/kubernetes\/kubernetes-object\.ts/,
    );
  });
});
