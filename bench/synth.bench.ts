/**
 * `npm run bench`: synth of the full ephemeral selection, run exactly as cdktf
 * runs it (the `app` command of cdktf.json), against a bare Node require of
 * the provider barrel, in one run (3 runs each, medians).
 * Targets (issue 2): synth <= 0.35x the barrel time, peak RSS < 250 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SELECTION_VARIABLES } from '../contract/parse-selection';

const RUNS = 3;
const ROOT = resolve(__dirname, '..');
const SELECTION = { [SELECTION_VARIABLES.env]: 'dev', [SELECTION_VARIABLES.lifecycle]: 'ephemeral', [SELECTION_VARIABLES.buildId]: '26-01-23-01' };
const TARGET_RATIO = 0.35;
const TARGET_RSS_MB = 250;
const RSS_REPORTER = join(ROOT, 'bench/report-peak-rss.cjs');

interface Sample {
  readonly seconds: number;
  readonly rssMb: number;
}

/** `node <args>` with the peak-RSS reporter preloaded, timed from spawn to exit. */
function run(nodeArgs: readonly string[], env: NodeJS.ProcessEnv): Sample {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-'));
  const report = join(dir, 'report.json');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', RSS_REPORTER, ...nodeArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env, CDKTF_OUTDIR: join(dir, 'out'), GOLDENPATH_BENCH_REPORT: report },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`benchmark process failed (${r.status}): ${r.stderr}`);
  const { maxRssKb } = JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number };
  rmSync(dir, { recursive: true, force: true });
  return { seconds, rssMb: maxRssKb / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, nodeArgs: readonly string[], env: NodeJS.ProcessEnv = {}): Sample {
  const samples = Array.from({ length: RUNS }, () => run(nodeArgs, env));
  const result = { seconds: median(samples.map((s) => s.seconds)), rssMb: median(samples.map((s) => s.rssMb)) };
  process.stdout.write(
    `${label.padEnd(34)} median ${result.seconds.toFixed(3)} s  peak RSS ${result.rssMb.toFixed(0)} MB  (runs: ${samples.map((s) => s.seconds.toFixed(3)).join(', ')} s)\n`,
  );
  return result;
}

/** The node arguments of cdktf.json's `app` (`node <args>`), so the benchmark runs what `cdktf synth` runs. */
function cdktfAppArgs(): string[] {
  const { app } = JSON.parse(readFileSync(join(ROOT, 'cdktf.json'), 'utf8')) as { app: string };
  const [command, ...args] = app.split(' ');
  if (command !== 'node') throw new Error(`cdktf.json app "${app}" does not start with node; the benchmark cannot preload its RSS reporter`);
  return args;
}

const synth = measure('synth, full ephemeral selection', cdktfAppArgs(), SELECTION);
const barrel = measure("require('@cdktf/provider-aws')", ['bench/barrel-baseline.js']);
const ratio = synth.seconds / barrel.seconds;
const ratioOk = ratio <= TARGET_RATIO;
const rssOk = synth.rssMb < TARGET_RSS_MB;
process.stdout.write(
  [
    `ratio synth / barrel: ${ratio.toFixed(3)} (target <= ${TARGET_RATIO}) ${ratioOk ? 'MET' : 'NOT MET'}`,
    `synth peak RSS: ${synth.rssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB) ${rssOk ? 'MET' : 'NOT MET'}`,
    '',
  ].join('\n'),
);
process.exitCode = ratioOk && rssOk ? 0 : 1;
