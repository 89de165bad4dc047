import { BOOTSTRAP_NAMES, ARGOCD_NAMESPACE } from '../../contract/argocd';
import type { Sleep } from '../aws/retry';
import type { KubeApi } from '../kube/kube-api';
import type { Expectation } from './expected';
import type { HttpAnswer, HttpGet } from './http-probe';

/** One line of the report: an app, a hostname, the nodes, the realm. */
export interface VerifyCheck {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

interface ApplicationState {
  readonly metadata: { readonly name: string };
  readonly status?: {
    readonly sync?: { readonly status?: string };
    readonly health?: { readonly status?: string; readonly message?: string };
    readonly operationState?: { readonly phase?: string; readonly message?: string };
  };
}
interface NodeState {
  readonly status?: { readonly conditions?: readonly { readonly type?: string; readonly status?: string }[] };
}

export interface VerifyOptions {
  /** How long apps and hostnames may take to become healthy and answer. */
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly sleep: Sleep;
  readonly now: () => number;
  readonly progress: (line: string) => void;
}

const APPLICATIONS = `/apis/argoproj.io/v1alpha1/namespaces/${ARGOCD_NAMESPACE}/applications`;

function appChecks(expectation: Expectation, apps: readonly ApplicationState[]): VerifyCheck[] {
  return expectation.apps.map((expected) => {
    const app = apps.find((a) => a.metadata.name === expected.name);
    const check = `app ${expected.name} (tier ${expected.tier}, wave ${expected.syncWave})`;
    if (app === undefined) return { check, ok: false, detail: 'no Application yet (a lower wave is not Healthy, or the app-of-apps has not synced)' };
    const sync = app.status?.sync?.status ?? 'unknown';
    const health = app.status?.health?.status ?? 'unknown';
    const message = app.status?.health?.message;
    return { check, ok: sync === 'Synced' && health === 'Healthy', detail: `sync ${sync}, health ${health}${message ? `: ${message}` : ''}` };
  });
}

function nodesCheck(nodes: readonly NodeState[]): VerifyCheck {
  const ready = nodes.filter((n) => (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
  return { check: 'nodes Ready', ok: nodes.length > 0 && ready === nodes.length, detail: `${ready}/${nodes.length}` };
}

/** Why the app-of-apps is not done: its sync operation says which child it waits for. */
function parentCheck(apps: readonly ApplicationState[]): VerifyCheck {
  const parent = apps.find((a) => a.metadata.name === BOOTSTRAP_NAMES.appOfApps);
  if (parent === undefined) return { check: `app-of-apps ${BOOTSTRAP_NAMES.appOfApps}`, ok: false, detail: 'missing: the platform stack did not install it' };
  const op = parent.status?.operationState;
  const health = parent.status?.health?.status ?? 'unknown';
  return { check: `app-of-apps ${BOOTSTRAP_NAMES.appOfApps}`, ok: health === 'Healthy', detail: `health ${health}, operation ${op?.phase ?? 'none'}${op?.message ? `: ${op.message}` : ''}` };
}

const describe = (a: HttpAnswer) => ('error' in a ? a.error : `HTTP ${a.status}${a.location ? ` → ${a.location}` : ''}`);

/** HTTPS answers with a valid certificate (any status below 500), and plain HTTP answers with a redirect to the same host on https. */
async function hostnameCheck(host: string, get: HttpGet): Promise<VerifyCheck> {
  const [secure, plain] = await Promise.all([get(`https://${host}/`), get(`http://${host}/`)]);
  const secureOk = !('error' in secure) && secure.status > 0 && secure.status < 500;
  const redirectOk = !('error' in plain) && [301, 308].includes(plain.status) && (plain.location ?? '').startsWith(`https://${host}`);
  return { check: `https://${host}`, ok: secureOk && redirectOk, detail: `https: ${describe(secure)}; http: ${describe(plain)}` };
}

async function realmCheck(url: string, get: HttpGet): Promise<VerifyCheck> {
  const answer = await get(url);
  return { check: `OIDC realm ${url}`, ok: !('error' in answer) && answer.status === 200, detail: describe(answer) };
}

/**
 * Waits, up to the timeout, until every expected app is Synced and Healthy
 * and every node Ready, then until every hostname answers over HTTPS with a
 * valid certificate and redirects plain HTTP (and, at tier 3, the OIDC realm
 * answers). Returns every check; a failure carries what was last seen and,
 * for the apps, the app-of-apps' own account of which wave it waits on.
 */
export async function verifyCluster(kube: KubeApi, get: HttpGet, expectation: Expectation, options: VerifyOptions): Promise<VerifyCheck[]> {
  const deadline = options.now() + options.timeoutMs;
  let cluster: VerifyCheck[];
  for (;;) {
    const apps = ((await kube.list(APPLICATIONS)) ?? []) as unknown as ApplicationState[];
    const nodes = ((await kube.list('/api/v1/nodes')) ?? []) as unknown as NodeState[];
    cluster = [nodesCheck(nodes), ...appChecks(expectation, apps)];
    const waiting = cluster.filter((c) => !c.ok);
    if (waiting.length === 0) break;
    if (options.now() >= deadline) {
      cluster.push(parentCheck(apps));
      return cluster;
    }
    options.progress(`waiting for ${waiting.map((c) => c.check.split(' (')[0]).join(', ')}`);
    await options.sleep(options.pollMs);
  }
  for (;;) {
    const web = await Promise.all([
      ...expectation.hostnames.map((h) => hostnameCheck(h, get)),
      ...(expectation.realmDiscoveryUrl === undefined ? [] : [realmCheck(expectation.realmDiscoveryUrl, get)]),
    ]);
    if (web.every((c) => c.ok) || options.now() >= deadline) return [...cluster, ...web];
    options.progress(`waiting for ${web.filter((c) => !c.ok).map((c) => c.check).join(', ')} to answer`);
    await options.sleep(options.pollMs);
  }
}
