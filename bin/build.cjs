/**
 * The precompiled entries of the project, built by esbuild when their
 * sources change, so `npm run synth` and `goldenpath` run plain JavaScript:
 *
 * - synth: main.ts with every dependency bundled into one file (cdktf, the
 *   provider classes, zod): Node reads and resolves one file instead of a
 *   thousand modules.
 * - goldenpath: the CLI (ops/main.ts) with its packages left to Node, so a
 *   command's SDK clients, pg and Kubernetes client load only when that
 *   command imports them; only zod is bundled, tree-shaken: every command
 *   loads it, and from node_modules it brings all of its locales (a third of
 *   the time to a command's first AWS call).
 *
 * Each build records the files it read (with size and mtime) next to its
 * output; a run compares them (a few hundred stat calls, a few milliseconds)
 * and rebuilds only when one changed. No type-checking here: that is
 * `npm run typecheck`.
 */
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const OUT_DIR = join(ROOT, 'dist');

/** Each entry bundles every dependency (`bundled: 'all'`) or only the listed packages, leaving the others to Node's require. */
const ENTRIES = {
  synth: { entry: 'main.ts', bundled: 'all' },
  goldenpath: { entry: 'ops/main.ts', bundled: ['zod'] },
};

/** The package's dependencies an entry leaves to Node (each name and its subpaths). */
function externalsOf(bundled) {
  if (bundled === 'all') return [];
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.keys(dependencies)
    .filter((name) => !bundled.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/**
 * cdktf records a full stack trace for every token it creates (thousands per
 * synth), only to quote it if resolving that token fails: about a tenth of a
 * synth. main.ts already turns construct stack traces off; the bundle does
 * the same for tokens (a failing token's error then has no creation stack).
 */
const CDKTF_STACK_TRACE = /[\\/]node_modules[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/;
const noTokenStackTraces = {
  name: 'no-token-stack-traces',
  setup(build) {
    build.onLoad({ filter: CDKTF_STACK_TRACE }, () => ({
      contents: 'exports.captureStackTrace = function captureStackTrace() { return []; };',
      loader: 'js',
    }));
  },
};

/**
 * cdktf loads `archiver` (with streams, glob, lodash: a seventh of the bundle)
 * at start-up, only for TerraformAsset archives, which this program never
 * makes. The bundle leaves it out; an archive asset would fail naming why.
 */
const noArchiver = {
  name: 'no-archiver',
  setup(build) {
    build.onResolve({ filter: /^archiver$/ }, () => ({ path: 'archiver', namespace: 'left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
      contents: "module.exports = function archiver() { throw new Error('archiver is left out of dist/synth.cjs (bin/build.cjs): this program makes no TerraformAsset archive'); };",
      loader: 'js',
    }));
  },
};

function outputOf(name) {
  return join(OUT_DIR, `${name}.cjs`);
}

function stampOf(name) {
  return join(OUT_DIR, `${name}.inputs.json`);
}

/** size:mtime of a file, or undefined when it is gone. */
function fingerprint(file) {
  try {
    const s = statSync(join(ROOT, file));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function isFresh(name) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampOf(name), 'utf8'));
  } catch {
    return false;
  }
  if (fingerprint(`dist/${name}.cjs`) === undefined) return false;
  for (const [file, print] of Object.entries(stamp.inputs)) {
    if (fingerprint(file) !== print) return false;
  }
  return true;
}

/** Builds one entry; the output and its stamp are renamed into place, so a concurrent run never reads half a file. */
async function build(name) {
  const { entry, bundled } = ENTRIES[name];
  const bundleAll = bundled === 'all';
  // esbuild's JS API finds its platform binary itself (no install script needed; the Docker build runs none).
  const esbuild = require('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${outputOf(name)}.${process.pid}.tmp`;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: externalsOf(bundled),
    metafile: true,
    logLevel: 'error',
    // Less to parse at start-up; names stay, so nothing that reads a function or class name changes.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: bundleAll ? [noTokenStackTraces, noArchiver] : [],
    // Dependency files that say they have no side effects still run in the order Node would run them (all of them in
    // the synth bundle); the CLI bundles zod alone, whose files without side effects (its locales) are left out.
    ignoreAnnotations: bundleAll,
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), 'bin/build.cjs']) {
    const print = fingerprint(file);
    if (print !== undefined) inputs[file] = print;
  }
  renameSync(tmp, outputOf(name));
  const stampTmp = `${stampOf(name)}.${process.pid}.tmp`;
  writeFileSync(stampTmp, JSON.stringify({ entry, inputs }));
  renameSync(stampTmp, stampOf(name));
}

/** The path of an entry's JavaScript, rebuilt first when a source changed. */
async function built(name) {
  if (!isFresh(name)) await build(name);
  return outputOf(name);
}

module.exports = { built, build, isFresh, ENTRIES, outputOf };

// `node bin/build.cjs [entry...]`: builds now (e.g. in an image, before its files turn read-only).
if (require.main === module) {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in ENTRIES));
  if (unknown.length > 0) {
    process.stderr.write(`build: unknown entry ${unknown.join(', ')} (one of ${Object.keys(ENTRIES).join(', ')})\n`);
    process.exit(2);
  }
  (async () => {
    for (const name of names.length > 0 ? names : Object.keys(ENTRIES)) await build(name);
  })().catch((err) => {
    process.stderr.write(`build: ${err.message}\n`);
    process.exit(1);
  });
}
