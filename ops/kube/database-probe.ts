import { randomBytes } from 'node:crypto';
import { VERSIONS } from '../../contract/versions';
import type { Sleep } from '../aws/retry';
import type { ReachFacts } from '../preflight/platform-checks';
import type { KubeObjectApi } from './kube-api';

/** Where the probe runs: present on every cluster; the Pod meets the restricted Pod Security Standard anyway. */
export const PROBE_NAMESPACE = 'default';
const PROBE_PREFIX = 'goldenpath-db-reach-';

/** A TCP connection to host:port from Node (the CLI image has it): exit 0 on connect, 1 with the reason. */
function probeScript(host: string, port: number, timeoutMs: number): string {
  return [
    `const s = require('node:net').connect(${port}, ${JSON.stringify(host)});`,
    `s.setTimeout(${timeoutMs}, () => { console.error('no answer within ${timeoutMs} ms'); process.exit(1); });`,
    `s.on('connect', () => { console.log('connected'); s.end(); process.exit(0); });`,
    `s.on('error', (e) => { console.error(e.code || e.message); process.exit(1); });`,
  ].join(' ');
}

export interface ProbeOptions {
  readonly host: string;
  readonly port: number;
  /** How long the whole probe may take, Pod scheduling and image pull included. */
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly sleep: Sleep;
  readonly now: () => number;
  /** @default the pinned goldenpath CLI image */
  readonly image?: string;
}

export function probePod(name: string, options: Pick<ProbeOptions, 'host' | 'port' | 'timeoutMs' | 'image'>) {
  const image = options.image ?? `${VERSIONS.goldenpathCliImage.repository}:${VERSIONS.goldenpathCliImage.tag}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: PROBE_NAMESPACE, labels: { 'app.kubernetes.io/name': 'goldenpath-db-reach' } },
    spec: {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      activeDeadlineSeconds: Math.ceil(options.timeoutMs / 1000),
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'reach',
          image,
          command: ['node', '-e', probeScript(options.host, options.port, Math.min(10_000, options.timeoutMs))],
          terminationMessagePolicy: 'FallbackToLogsOnError',
          resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
}

interface PodStatus {
  readonly status?: {
    readonly phase?: string;
    readonly containerStatuses?: readonly { readonly state?: { readonly terminated?: { readonly exitCode?: number; readonly message?: string } } }[];
  };
}

/**
 * One-shot check that the database answers from inside the cluster: a Pod
 * opens a TCP connection to the endpoint, and the Pod is deleted afterwards
 * whatever happened.
 */
export async function probeDatabaseFromCluster(kube: KubeObjectApi, options: ProbeOptions): Promise<ReachFacts> {
  const name = `${PROBE_PREFIX}${randomBytes(4).toString('hex')}`;
  const path = `/api/v1/namespaces/${PROBE_NAMESPACE}/pods`;
  const target = `${options.host}:${options.port}`;
  await kube.create(path, probePod(name, options));
  try {
    const deadline = options.now() + options.timeoutMs;
    for (;;) {
      const pod = (await kube.get(`${path}/${name}`)) as PodStatus | undefined;
      const phase = pod?.status?.phase;
      const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated;
      const message = terminated?.message?.trim();
      if (phase === 'Succeeded') return { ok: true, detail: `a pod connected to ${target}` };
      if (phase === 'Failed') return { ok: false, detail: `a pod could not connect to ${target}: ${message || `exit ${terminated?.exitCode ?? 'unknown'}`}` };
      if (options.now() >= deadline) return { ok: false, detail: `the probe pod did not finish within ${Math.round(options.timeoutMs / 1000)} s (phase ${phase ?? 'unknown'})` };
      await options.sleep(options.pollMs);
    }
  } finally {
    await kube.delete(`${path}/${name}`);
  }
}
