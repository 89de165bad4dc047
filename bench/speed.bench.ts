/**
 * `npm run bench`: the commands users wait for, exactly as they type them,
 * each against a baseline measured in the same run. Runs go in pairs whose
 * order alternates, after one warm-up pair that is not counted, so a machine
 * that speeds up or slows down during the run moves both sides alike.
 *
 * - `npm run synth` of the full ephemeral selection against a bare Node
 *   require of the provider barrel: ratio <= 0.20, peak RSS < 150 MB.
 * - `goldenpath --help` (the package bin, as the PATH runs it) against
 *   `node -e 0`: ratio <= 3.
 * - `goldenpath builds --env dev` until its first AWS request reaches a local
 *   fake endpoint (AWS_ENDPOINT_URL) against `node -e 0`: ratio <= 5.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SELECTION_VARIABLES } from '../contract/parse-selection';

const PAIRS = 5;
const ROOT = resolve(__dirname, '..');
const RSS_REPORTER = join(ROOT, 'bench/report-peak-rss.cjs');
const GOLDENPATH = join(ROOT, 'ops/bin/goldenpath.cjs');
const SELECTION = { [SELECTION_VARIABLES.env]: 'dev', [SELECTION_VARIABLES.lifecycle]: 'ephemeral', [SELECTION_VARIABLES.buildId]: '26-01-23-01' };

interface Sample {
  readonly seconds: number;
  /** Peak RSS of the largest process of the run (npm itself and the program it starts both report). */
  readonly rssMb: number;
}

interface Run {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Resolves when the run has reached what is timed; the process is then stopped. Default: its exit. */
  readonly until?: (child: ReturnType<typeof spawn>) => Promise<void>;
}

/** Times one run from spawn to exit (or to `until`), with every Node process in it reporting its peak RSS. */
async function sample(run: Run): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-'));
  const start = process.hrtime.bigint();
  const env: NodeJS.ProcessEnv = { ...process.env, ...run.env, NODE_OPTIONS: `--require ${RSS_REPORTER}`, GOLDENPATH_BENCH_REPORT: join(dir, 'report') };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child = spawn(run.command, [...run.args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  let seconds: number;
  if (run.until) {
    await Promise.race([run.until(child), exited.then((code) => Promise.reject(new Error(`${run.command} ${run.args.join(' ')} exited (${code}) before reaching the timed point:\n${stderr}`)))]);
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
    child.kill();
    await exited;
  } else {
    const code = await exited;
    seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (code !== 0) throw new Error(`${run.command} ${run.args.join(' ')} failed (${code}):\n${stderr}`);
  }
  const reports = readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { maxRssKb: number }).maxRssKb);
  rmSync(dir, { recursive: true, force: true });
  return { seconds, rssMb: Math.max(0, ...reports) / 1024 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Comparison {
  readonly label: string;
  readonly ratio: number;
  readonly target: number;
  readonly subject: { seconds: number; rssMb: number };
}

/** One warm-up pair, then PAIRS pairs alternating which side runs first; medians of each side. */
async function compare(label: string, subject: Run, baselineLabel: string, baseline: Run, target: number): Promise<Comparison> {
  await sample(subject);
  await sample(baseline);
  const subjects: Sample[] = [];
  const baselines: Sample[] = [];
  for (let i = 0; i < PAIRS; i += 1) {
    if (i % 2 === 0) {
      subjects.push(await sample(subject));
      baselines.push(await sample(baseline));
    } else {
      baselines.push(await sample(baseline));
      subjects.push(await sample(subject));
    }
  }
  const s = { seconds: median(subjects.map((x) => x.seconds)), rssMb: median(subjects.map((x) => x.rssMb)) };
  const b = { seconds: median(baselines.map((x) => x.seconds)), rssMb: median(baselines.map((x) => x.rssMb)) };
  const line = (name: string, m: typeof s, all: Sample[]) =>
    `  ${name.padEnd(48)} median ${m.seconds.toFixed(3)} s  peak RSS ${m.rssMb.toFixed(0)} MB  (runs: ${all.map((x) => x.seconds.toFixed(3)).join(', ')} s)`;
  const ratio = s.seconds / b.seconds;
  process.stdout.write(
    [`${label}`, line(label, s, subjects), line(baselineLabel, b, baselines), `  ratio ${ratio.toFixed(3)} (target <= ${target}) ${ratio <= target ? 'MET' : 'NOT MET'}`, ''].join('\n'),
  );
  return { label, ratio, target, subject: s };
}

/** A local HTTP server standing in for every AWS endpoint: it notes each request's arrival and answers 500. */
async function fakeAws(): Promise<{ server: Server; url: string; nextRequest: () => Promise<void> }> {
  let waiting: (() => void) | undefined;
  const server = createServer((req, res) => {
    waiting?.();
    waiting = undefined;
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, nextRequest: () => new Promise<void>((done) => (waiting = done)) };
}

async function main(): Promise<void> {
  process.stdout.write(`npm run bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${PAIRS} alternated pairs after a warm-up pair\n\n`);
  const node0: Run = { command: process.execPath, args: ['-e', '0'] };
  const out = mkdtempSync(join(tmpdir(), 'gp-bench-out-'));
  const aws = await fakeAws();
  try {
    const synth = await compare(
      'npm run synth (dev, ephemeral 26-01-23-01)',
      { command: 'npm', args: ['run', '--silent', 'synth', '--', '--output', out], env: SELECTION },
      'node bench/barrel-baseline.js',
      { command: process.execPath, args: ['bench/barrel-baseline.js'] },
      0.2,
    );
    const rssOk = synth.subject.rssMb < 150;
    process.stdout.write(`  synth peak RSS ${synth.subject.rssMb.toFixed(0)} MB (target < 150 MB) ${rssOk ? 'MET' : 'NOT MET'}\n\n`);
    const help = await compare('goldenpath --help', { command: GOLDENPATH, args: ['--help'] }, 'node -e 0', node0, 3);
    const builds = await compare(
      'goldenpath builds --env dev, to its first AWS request',
      {
        command: GOLDENPATH,
        args: ['builds', '--env', 'dev'],
        // Static credentials and no region or profile of the shell: the env's own region, every call to the fake.
        env: { AWS_ENDPOINT_URL: aws.url, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_SESSION_TOKEN: undefined, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined },
        until: () => aws.nextRequest(),
      },
      'node -e 0',
      node0,
      5,
    );
    const met = [synth, help, builds].every((c) => c.ratio <= c.target) && rssOk;
    process.stdout.write(met ? 'all targets met\n' : 'NOT all targets met\n');
    if (!met) process.exitCode = 1;
  } finally {
    aws.server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

void main();
