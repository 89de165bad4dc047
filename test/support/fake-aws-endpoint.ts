import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { join } from 'node:path';

/**
 * A local stand-in for the two AWS JSON APIs a foundational plan calls:
 * Secrets Manager `GetRandomPassword` (opened by the ephemeral password
 * resource, which Terraform 1.11's mock_provider cannot mock) and SSM
 * `GetParametersByPath` (the foundation reader). It runs in a child process
 * because the Terraform harness blocks this one while Terraform runs.
 */
export interface FakeAwsEndpointOptions {
  /** What every GetRandomPassword call returns. */
  readonly randomPassword: string;
  /** SSM parameters by name (String type), served by GetParametersByPath. */
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface FakeAwsEndpoint {
  readonly url: string;
  /** The `X-Amz-Target` of every request served so far, in order. */
  targets(): string[];
  /** Ends the server process; resolves once it has exited. */
  stop(): Promise<void>;
}

const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const [password, parametersJson, logFile] = process.argv.slice(1);
const parameters = JSON.parse(parametersJson);
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const target = String(req.headers['x-amz-target'] || '');
    fs.appendFileSync(logFile, target + '\\n');
    let out;
    if (target === 'secretsmanager.GetRandomPassword') {
      out = { RandomPassword: password };
    } else if (target === 'AmazonSSM.GetParametersByPath') {
      const path = JSON.parse(body || '{}').Path || '/';
      out = {
        Parameters: Object.entries(parameters)
          .filter(([name]) => name.startsWith(path.endsWith('/') ? path : path + '/'))
          .map(([Name, Value]) => ({ Name, Value, Type: 'String', Version: 1, ARN: 'arn:aws:ssm:eu-west-2:111111111111:parameter' + Name })),
      };
    } else {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'UnknownOperationException', message: 'fake endpoint does not serve ' + target }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(out));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

export async function startFakeAwsEndpoint(options: FakeAwsEndpointOptions): Promise<FakeAwsEndpoint> {
  const logFile = join(mkdtempSync(join(tmpdir(), 'gp-fake-aws-')), 'targets.log');
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER, options.randomPassword, JSON.stringify(options.parameters ?? {}), logFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fake AWS endpoint exited early (code ${code})`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  child.removeAllListeners('exit');
  // Neither the process nor its output pipe may keep the test worker alive.
  child.unref();
  (child.stdout as Socket).unref();
  return {
    url: `http://127.0.0.1:${port}`,
    targets: () => {
      try {
        return readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Provider settings that send the plan's AWS calls to the fake endpoint with dummy credentials. */
export function fakeEndpointProvider(url: string, region: string): Record<string, unknown> {
  return {
    region,
    access_key: 'offline-test',
    secret_key: 'offline-test',
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    endpoints: [{ secretsmanager: url, ssm: url }],
  };
}
