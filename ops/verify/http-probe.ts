import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** One HTTP answer: status and Location; or why there was none (DNS, TCP, an invalid certificate). */
export type HttpAnswer = { readonly status: number; readonly location?: string } | { readonly error: string };

/** A GET that follows no redirects; over https the certificate must be valid for the host (Node's public CA store). */
export type HttpGet = (url: string) => Promise<HttpAnswer>;

export const nodeHttpGet: HttpGet = (url) =>
  new Promise((resolve) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(url, { method: 'GET', timeout: 15_000 }, (res) => {
      res.resume();
      const location = res.headers.location;
      resolve({ status: res.statusCode ?? 0, ...(location === undefined ? {} : { location }) });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 15 s')));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
