import { request } from 'node:https';

export interface KubeObject {
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec?: { readonly type?: string };
}

/** The few Kubernetes API calls the drain needs. */
export interface KubeApi {
  /** Items of a cluster-wide list path; undefined when the API (e.g. a CRD) is not installed. */
  list(path: string): Promise<KubeObject[] | undefined>;
  /** Deletes an object; an object already gone is fine. */
  delete(path: string): Promise<void>;
}

/** Creating and reading single objects (preflight's one-shot probes). */
export interface KubeObjectApi {
  /** Creates an object under a collection path. */
  create(path: string, body: object): Promise<void>;
  /** One object; undefined when it does not exist. */
  get(path: string): Promise<unknown>;
  delete(path: string): Promise<void>;
}

export interface KubeEndpoint {
  readonly server: string;
  /** Base64 PEM of the cluster CA, as EKS DescribeCluster returns it. */
  readonly caData: string;
  readonly token: () => Promise<string>;
}

/**
 * Plain HTTPS against the API server with the cluster CA and an EKS bearer
 * token: five verbs on a handful of resource types do not justify a Kubernetes client
 * package (and @kubernetes/client-node 1.x is ESM-only, this project is CommonJS).
 */
export function httpsKubeApi(endpoint: KubeEndpoint): KubeApi & KubeObjectApi {
  const ca = Buffer.from(endpoint.caData, 'base64').toString('utf8');
  const call = async (method: 'GET' | 'DELETE' | 'POST', path: string, body?: object): Promise<{ status: number; body: string }> => {
    const token = await endpoint.token();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, endpoint.server), { method, ca, headers, timeout: 30_000 }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('timeout', () => req.destroy(new Error(`Kubernetes API ${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  };
  return {
    async list(path) {
      const res = await call('GET', path);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`Kubernetes API GET ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      return ((JSON.parse(res.body) as { items?: KubeObject[] }).items ?? []) as KubeObject[];
    },
    async create(path, body) {
      const res = await call('POST', path, body);
      if (res.status !== 201 && res.status !== 200 && res.status !== 202) throw new Error(`Kubernetes API POST ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    },
    async get(path) {
      const res = await call('GET', path);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`Kubernetes API GET ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      return JSON.parse(res.body) as unknown;
    },
    async delete(path) {
      const res = await call('DELETE', path);
      if (res.status !== 200 && res.status !== 202 && res.status !== 404) throw new Error(`Kubernetes API DELETE ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    },
  };
}
