import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The program exactly as cdktf runs it (cdktf.json "app"), with the output folder cdktf passes in CDKTF_OUTDIR. */
const REPO = resolve(__dirname, '..');
const [APP_COMMAND, ...APP_ARGS] = (JSON.parse(readFileSync(join(REPO, 'cdktf.json'), 'utf8')) as { app: string }).app.split(' ');
const SELECTION_PREFIX = 'GOLDENPATH_';

interface Run {
  readonly code: number;
  readonly stderr: string;
  /** The folder CDKTF_OUTDIR points at. */
  readonly outdir: string;
  /** The temp folder holding outdir, with every file and folder that was in it before the run. */
  readonly root: string;
  readonly before: readonly string[];
}

function entriesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Runs main.ts with only the given selection variables set, into a fresh folder holding one unrelated file. */
function synth(vars: Record<string, string>): Promise<Run> {
  const root = mkdtempSync(join(tmpdir(), 'gp-main-'));
  writeFileSync(join(root, 'unrelated.txt'), 'left by someone else');
  const outdir = join(root, 'cdktf.out');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith(SELECTION_PREFIX)));
  const before = entriesUnder(root);
  return new Promise((done) => {
    execFile(APP_COMMAND!, APP_ARGS, { cwd: REPO, env: { ...env, ...vars, CDKTF_OUTDIR: outdir } }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr, outdir, root, before });
    });
  });
}

const BUILD = { GOLDENPATH_LIFECYCLE: 'ephemeral', GOLDENPATH_BUILD_ID: '26-01-23-01' };

const INVALID: readonly { what: string; variable: string; vars: Record<string, string> }[] = [
  { what: 'an unknown env', variable: 'GOLDENPATH_ENV', vars: { GOLDENPATH_ENV: 'nope' } },
  { what: 'an unknown lifecycle', variable: 'GOLDENPATH_LIFECYCLE', vars: { GOLDENPATH_LIFECYCLE: 'forever' } },
  { what: 'a buildId for a persistent selection', variable: 'GOLDENPATH_BUILD_ID', vars: { GOLDENPATH_BUILD_ID: '26-01-23-01' } },
  { what: 'an ephemeral selection without a buildId', variable: 'GOLDENPATH_BUILD_ID', vars: { GOLDENPATH_LIFECYCLE: 'ephemeral' } },
  { what: 'an uppercase buildId', variable: 'GOLDENPATH_BUILD_ID', vars: { ...BUILD, GOLDENPATH_BUILD_ID: '26-01-23-AB' } },
  { what: 'a buildId with a double hyphen', variable: 'GOLDENPATH_BUILD_ID', vars: { ...BUILD, GOLDENPATH_BUILD_ID: '26--01' } },
  { what: 'a buildId too long for the env', variable: 'GOLDENPATH_BUILD_ID', vars: { ...BUILD, GOLDENPATH_BUILD_ID: 'a'.repeat(40) } },
  { what: 'a buildId naming no real date', variable: 'GOLDENPATH_BUILD_ID', vars: { ...BUILD, GOLDENPATH_BUILD_ID: '26-02-30-01' } },
  { what: 'a buildId not in the CI form and no start time', variable: 'GOLDENPATH_BUILD_STARTED_AT', vars: { ...BUILD, GOLDENPATH_BUILD_ID: 'feature-x' } },
  { what: 'a start time without an offset', variable: 'GOLDENPATH_BUILD_STARTED_AT', vars: { ...BUILD, GOLDENPATH_BUILD_STARTED_AT: '2026-01-23T07:00:00' } },
];

const runs: Record<string, Run> = {};

beforeAll(async () => {
  const named: [string, Record<string, string>][] = [
    ['default', {}],
    ['default again', {}],
    ['build', BUILD],
    ['build again', BUILD],
    ...INVALID.map((c): [string, Record<string, string>] => [c.what, c.vars]),
  ];
  const results = await Promise.all(named.map(([, vars]) => synth(vars)));
  named.forEach(([name], i) => (runs[name] = results[i]!));
});

function stacksOf(run: Run): string[] {
  return readdirSync(join(run.outdir, 'stacks')).sort();
}

describe('main.ts', () => {
  it('writes exactly the six dev stacks (account plane included) for the default selection', () => {
    expect(runs.default!.code).toBe(0);
    expect(stacksOf(runs.default!)).toEqual(['dev-bootstrap', 'dev-cluster', 'dev-database', 'dev-dns', 'dev-network', 'dev-platform']);
  });

  it('writes the account plane, the three foundational stacks and the two build stacks for an ephemeral build', () => {
    expect(runs.build!.code).toBe(0);
    expect(stacksOf(runs.build!)).toEqual(['dev-b-26-01-23-01-cluster', 'dev-b-26-01-23-01-platform', 'dev-bootstrap', 'dev-database', 'dev-dns', 'dev-network']);
  });

  it.each([
    ['default', 'default again'],
    ['build', 'build again'],
  ])('writes byte-identical output when the %s selection is synthesized twice', (first, second) => {
    const a = runs[first]!;
    const b = runs[second]!;
    const files = filesUnder(a.outdir);
    expect(filesUnder(b.outdir)).toEqual(files);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(join(b.outdir, file)).equals(readFileSync(join(a.outdir, file)))).toBe(true);
  });

  describe.each(INVALID)('given $what', ({ what, variable }) => {
    it('exits non-zero', () => {
      expect(runs[what]!.code).not.toBe(0);
    });

    it(`prints an error naming ${variable}`, () => {
      expect(runs[what]!.stderr).toContain(`${variable}:`);
    });

    it('writes nothing, not even the output folder', () => {
      expect(entriesUnder(runs[what]!.root)).toEqual(runs[what]!.before);
    });
  });
});
