#!/usr/bin/env node
/**
 * `npm run synth [-- --output <dir>]`, and the `app` of cdktf.json (what
 * `cdktf deploy|diff|destroy` run): main.ts precompiled into one bundle
 * (bin/build.cjs, rebuilt when a source changes), run in this process.
 *
 * It does what `cdktf synth` does around the app, without the cdktf CLI's
 * start-up: the output folder is --output, else CDKTF_OUTDIR (set by the
 * cdktf CLI), else cdktf.out; stack folders the new manifest no longer
 * names are removed. On bad input the app prints its one message and exits
 * non-zero; nothing else is printed.
 */
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');
const { built } = require('./build.cjs');
const { runWithCodeCache } = require('./code-cache.cjs');

const DEFAULT_OUTDIR = 'cdktf.out';

function usage(message) {
  process.stderr.write(`synth: ${message}\nusage: npm run synth [-- --output <dir>]\n`);
  process.exit(2);
}

function outdirFromArgs(args) {
  let outdir;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--output' || arg === '-o') {
      outdir = args[i + 1];
      if (!outdir || outdir.startsWith('-')) usage(`${arg} needs a folder`);
      i += 1;
    } else if (arg.startsWith('--output=')) {
      outdir = arg.slice('--output='.length);
      if (!outdir) usage('--output needs a folder');
    } else {
      usage(`unknown argument ${arg}`);
    }
  }
  return outdir;
}

function stackFolders(outdir) {
  const stacks = join(outdir, 'stacks');
  if (!existsSync(stacks)) return [];
  return readdirSync(stacks, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(stacks, e.name));
}

async function synth() {
  const outdir = resolve(outdirFromArgs(process.argv.slice(2)) ?? process.env.CDKTF_OUTDIR ?? DEFAULT_OUTDIR);
  process.env.CDKTF_OUTDIR = outdir;
  const before = stackFolders(outdir);
  const app = await built('synth');
  // Construct stack traces are off (main.ts); mapping them through source maps would only cost time.
  process.setSourceMapsEnabled(false);
  const run = runWithCodeCache(app);

  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  const stacks = Object.keys(manifest.stacks);
  for (const folder of before) {
    if (!stacks.includes(basename(folder))) rmSync(folder, { recursive: true, force: true });
  }
  // Under the cdktf CLI (which passes CDKTF_CONTEXT_JSON) the CLI reports the stacks itself.
  if (!process.env.CDKTF_CONTEXT_JSON) {
    process.stdout.write(`Generated Terraform code for the stacks: ${stacks.join(', ')}\n`);
  }
  run.save();
}

synth().catch((err) => {
  process.stderr.write(`synth: ${err.message}\n`);
  process.exit(1);
});
