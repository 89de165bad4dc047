import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpsKubeApi } from '../../../ops/kube/kube-api';

/** A self-signed certificate for localhost, standing in for the cluster CA. */
function selfSigned(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kube-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

const tls = selfSigned();
const requests: { method: string; url: string; auth: string }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(tls, (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization ?? '' });
    if (req.url === '/api/v1/services') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [{ metadata: { name: 'web', namespace: 'a' }, spec: { type: 'LoadBalancer' } }] }));
    } else if (req.method === 'DELETE' && req.url === '/api/v1/namespaces/a/services/web') {
      res.writeHead(200).end('{}');
    } else if (req.url === '/forbidden') {
      res.writeHead(403).end('forbidden');
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
});
// close() alone waits for the client's keep-alive connections, which kept the jest worker from exiting.
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const api = (caPem: string = tls.cert) => httpsKubeApi({ server: base, caData: Buffer.from(caPem).toString('base64'), token: async () => 'k8s-aws-v1.token' });

describe('httpsKubeApi', () => {
  it('lists with the bearer token, trusting only the cluster CA', async () => {
    expect(await api().list('/api/v1/services')).toEqual([{ metadata: { name: 'web', namespace: 'a' }, spec: { type: 'LoadBalancer' } }]);
    expect(requests.at(-1)).toEqual({ method: 'GET', url: '/api/v1/services', auth: 'Bearer k8s-aws-v1.token' });
  });

  it('reads a 404 list as an API that is not installed', async () => {
    expect(await api().list('/apis/argoproj.io/v1alpha1/applications')).toBeUndefined();
  });

  it('deletes, and treats an object already gone as done', async () => {
    await api().delete('/api/v1/namespaces/a/services/web');
    await api().delete('/api/v1/namespaces/a/services/gone');
    expect(requests.slice(-2).map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('reports any other status with the path and status code', async () => {
    await expect(api().list('/forbidden')).rejects.toThrow('Kubernetes API GET /forbidden: HTTP 403');
  });

  it('refuses a server whose certificate the cluster CA did not sign', async () => {
    await expect(api(selfSigned().cert).list('/api/v1/services')).rejects.toThrow(/self-signed|certificate/);
  });
});
