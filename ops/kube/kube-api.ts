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

export interface KubeEndpoint {
  readonly server: string;
  /** Base64 PEM of the cluster CA, as EKS DescribeCluster returns it. */
  readonly caData: string;
  readonly token: () => Promise<string>;
}

/**
 * Plain HTTPS against the API server with the cluster CA and an EKS bearer
 * token: four verbs on five resource types do not justify a Kubernetes client
 * package (and @kubernetes/client-node 1.x is ESM-only, this project is CommonJS).
 */
export function httpsKubeApi(endpoint: KubeEndpoint): KubeApi {
  const ca = Buffer.from(endpoint.caData, 'base64').toString('utf8');
  const call = async (method: 'GET' | 'DELETE', path: string): Promise<{ status: number; body: string }> => {
    const token = await endpoint.token();
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, endpoint.server), { method, ca, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, timeout: 30_000 }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('timeout', () => req.destroy(new Error(`Kubernetes API ${method} ${path} timed out`)));
      req.on('error', reject);
      req.end();
    });
  };
  return {
    async list(path) {
      const res = await call('GET', path);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`Kubernetes API GET ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
      return ((JSON.parse(res.body) as { items?: KubeObject[] }).items ?? []) as KubeObject[];
    },
    async delete(path) {
      const res = await call('DELETE', path);
      if (res.status !== 200 && res.status !== 202 && res.status !== 404) throw new Error(`Kubernetes API DELETE ${path}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
    },
  };
}
