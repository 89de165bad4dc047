import type { KubeObjectApi } from '../../../ops/kube/kube-api';
import { probeDatabaseFromCluster, probePod, PROBE_NAMESPACE } from '../../../ops/kube/database-probe';
import { schemaErrors } from '../../support/kubernetes-validation';

/** A cluster whose probe Pod goes through the given phases, one per read. */
function fakeCluster(phases: readonly (object | undefined)[]): KubeObjectApi & { created: { path: string; body: { metadata: { name: string } } }[]; deleted: string[] } {
  const created: { path: string; body: { metadata: { name: string } } }[] = [];
  const deleted: string[] = [];
  let reads = 0;
  return {
    created,
    deleted,
    create: async (path, body) => void created.push({ path, body: body as { metadata: { name: string } } }),
    get: async () => phases[Math.min(reads++, phases.length - 1)],
    delete: async (path) => void deleted.push(path),
  };
}
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}
const options = { host: 'goldenpath-dev.abc.eu-west-2.rds.amazonaws.com', port: 5432, timeoutMs: 60_000, pollMs: 5000, ...clock() };

describe('probeDatabaseFromCluster', () => {
  it('reports the database reachable once the probe Pod succeeds, and deletes the Pod', async () => {
    const kube = fakeCluster([{ status: { phase: 'Pending' } }, { status: { phase: 'Running' } }, { status: { phase: 'Succeeded' } }]);
    const result = await probeDatabaseFromCluster(kube, options);
    expect([result.ok, kube.deleted]).toEqual([true, [`/api/v1/namespaces/${PROBE_NAMESPACE}/pods/${kube.created[0].body.metadata.name}`]]);
  });

  it('reports what the Pod saw when it could not connect', async () => {
    const kube = fakeCluster([{ status: { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 1, message: 'ETIMEDOUT\n' } } }] } }]);
    expect(await probeDatabaseFromCluster(kube, options)).toEqual({ ok: false, detail: `a pod could not connect to ${options.host}:5432: ETIMEDOUT` });
  });

  it('gives up at the timeout, naming the phase, and still deletes the Pod', async () => {
    const kube = fakeCluster([{ status: { phase: 'Pending' } }]);
    const result = await probeDatabaseFromCluster(kube, { ...options, ...clock() });
    expect([result, kube.deleted.length]).toEqual([{ ok: false, detail: 'the probe pod did not finish within 60 s (phase Pending)' }, 1]);
  });

  it('deletes the Pod when reading it fails', async () => {
    const kube = fakeCluster([]);
    kube.get = async () => {
      throw new Error('Kubernetes API GET: HTTP 500');
    };
    await expect(probeDatabaseFromCluster(kube, options)).rejects.toThrow(/HTTP 500/);
    expect(kube.deleted).toHaveLength(1);
  });

  it('names each probe Pod uniquely, so two probes never collide', async () => {
    const kube = fakeCluster([{ status: { phase: 'Succeeded' } }]);
    await probeDatabaseFromCluster(kube, options);
    await probeDatabaseFromCluster(kube, { ...options, ...clock() });
    expect(new Set(kube.created.map((c) => c.body.metadata.name)).size).toBe(2);
  });
});

describe('probePod', () => {
  const pod = probePod('goldenpath-db-reach-0a1b', options);

  it('runs once, without API access, as a non-root user with nothing to escalate', () => {
    const container = pod.spec.containers[0];
    expect([pod.spec.restartPolicy, pod.spec.automountServiceAccountToken, pod.spec.securityContext.runAsNonRoot, container.securityContext]).toEqual([
      'Never',
      false,
      true,
      { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    ]);
  });

  it('connects to the database endpoint with the pinned CLI image and is stopped by Kubernetes at the timeout', () => {
    const container = pod.spec.containers[0];
    expect([container.image, container.command.join(' '), pod.spec.activeDeadlineSeconds]).toEqual([
      expect.stringMatching(/^ghcr\.io\/goldenpath-idp\/goldenpath-infra:/),
      expect.stringContaining(`connect(5432, "${options.host}")`),
      60,
    ]);
  });

  it('validates as a Kubernetes Pod', () => {
    expect(schemaErrors([{ model: 'Pod', manifest: pod }])).toEqual([[]]);
  });
});
