import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { createAwsClients, type AwsClients } from './aws/clients';
import { realSleep, type Sleep } from './aws/retry';
import type { KubeApi, KubeEndpoint, KubeObjectApi } from './kube/kube-api';
import type { HttpGet } from './verify/http-probe';

/** Everything a command touches outside itself, so tests can run commands against fakes. */
export interface Runtime {
  readonly vars: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  readonly sleep: Sleep;
  /** A person at a terminal who can answer a question (never in CI). */
  readonly interactive: boolean;
  /** The terminal live progress is drawn on (stderr when it is a TTY outside CI); absent means plain progress lines. */
  readonly progressTerminal?: NodeJS.WriteStream;
  readonly confirm: (question: string) => Promise<boolean>;
  readonly aws: (region: string) => AwsClients;
  /** Runs a program with inherited output; resolves to its exit code. */
  readonly run: (command: string, args: readonly string[], vars: Readonly<Record<string, string>>) => Promise<number>;
  /** A Kubernetes API client for a cluster endpoint. @default HTTPS with the cluster CA and an EKS token */
  readonly kube?: (endpoint: KubeEndpoint) => KubeApi & KubeObjectApi;
  /** A GET that follows no redirects and validates certificates. @default node:http/node:https */
  readonly http?: HttpGet;
}

export function processRuntime(): Runtime {
  const vars = process.env;
  return {
    vars,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    sleep: realSleep,
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true && vars.CI === undefined,
    progressTerminal: process.stderr.isTTY === true && vars.CI === undefined ? process.stderr : undefined,
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return (await rl.question(`${question} [y/N] `)).trim().toLowerCase() === 'y';
      } finally {
        rl.close();
      }
    },
    aws: createAwsClients,
    run: (command, args, extra) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, [...args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...vars, ...extra } });
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
      }),
  };
}

/** The CI run that is executing, as a URL for the ledger (GitHub Actions variables), or empty. */
export function runUrl(vars: Runtime['vars']): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = vars;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : '';
}
