import { BOOTSTRAP_NAMES } from '../../contract/argocd';
import type { Sleep } from '../aws/retry';
import type { KubeApi, KubeObject } from '../kube/kube-api';

interface DrainTarget {
  readonly what: string;
  /** `/api/v1` or `/apis/<group>/<version>`. */
  readonly api: string;
  readonly plural: string;
  readonly select: (o: KubeObject) => boolean;
}

/**
 * What the drain deletes, in order: the GitOps layer first so Argo CD does not
 * recreate what follows (the app-of-apps before its children, which it would
 * otherwise put back), then what makes AWS resources outside Terraform state
 * (load balancers from Services and Ingresses, volumes from PVCs).
 */
export const DRAIN_TARGETS: readonly DrainTarget[] = [
  { what: 'app-of-apps', api: '/apis/argoproj.io/v1alpha1', plural: 'applications', select: (o) => o.metadata.name === BOOTSTRAP_NAMES.appOfApps },
  { what: 'ApplicationSets', api: '/apis/argoproj.io/v1alpha1', plural: 'applicationsets', select: () => true },
  { what: 'Applications', api: '/apis/argoproj.io/v1alpha1', plural: 'applications', select: (o) => o.metadata.name !== BOOTSTRAP_NAMES.appOfApps },
  { what: 'LoadBalancer Services', api: '/api/v1', plural: 'services', select: (o) => o.spec?.type === 'LoadBalancer' },
  { what: 'Ingresses', api: '/apis/networking.k8s.io/v1', plural: 'ingresses', select: () => true },
  { what: 'PersistentVolumeClaims', api: '/api/v1', plural: 'persistentvolumeclaims', select: () => true },
];

export function objectPath(target: Pick<DrainTarget, 'api' | 'plural'>, o: KubeObject): string {
  const ns = o.metadata.namespace === undefined ? '' : `/namespaces/${encodeURIComponent(o.metadata.namespace)}`;
  return `${target.api}${ns}/${target.plural}/${encodeURIComponent(o.metadata.name)}`;
}

export interface DrainOptions {
  /** How many of the build's load balancers and volumes AWS still shows. */
  readonly awsLeft: () => Promise<number>;
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly sleep: Sleep;
  readonly now: () => number;
  readonly progress: (line: string) => void;
}

export interface DrainResult {
  readonly deleted: number;
  readonly awsLeft: number;
  readonly timedOut: boolean;
}

export async function drainCluster(kube: KubeApi, options: DrainOptions): Promise<DrainResult> {
  let deleted = 0;
  for (const target of DRAIN_TARGETS) {
    const items = await kube.list(`${target.api}/${target.plural}`);
    if (items === undefined) {
      options.progress(`drain: ${target.what}: API not installed, nothing to delete`);
      continue;
    }
    const selected = items.filter(target.select);
    for (const o of selected) await kube.delete(objectPath(target, o));
    deleted += selected.length;
    options.progress(`drain: deleted ${selected.length} ${target.what}`);
  }
  const deadline = options.now() + options.timeoutMs;
  for (;;) {
    const left = await options.awsLeft();
    if (left === 0) return { deleted, awsLeft: 0, timedOut: false };
    if (options.now() >= deadline) return { deleted, awsLeft: left, timedOut: true };
    options.progress(`drain: waiting for ${left} load balancer(s)/volume(s) of the build to disappear from AWS`);
    await options.sleep(options.pollMs);
  }
}
