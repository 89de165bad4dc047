import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(__dirname, '..');

interface Snippet {
  /** Where the snippet pretends to live (repository path); the file need not exist. */
  readonly file: string;
  readonly code: string;
}

/**
 * Lints in-memory snippets with the repository's eslint.config.mjs, in one child
 * process (the config is ES modules, which jest's CommonJS sandbox cannot import).
 * Returns the goldenpath/layers messages of each snippet, and any message of no
 * rule (a parse error, or "file ignored"), so an accepted snippet was really linted.
 */
function layerMessages(snippets: readonly Snippet[]): string[][] {
  return runEslintScript(
    `
    import { ESLint } from 'eslint';
    const snippets = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const s of snippets) {
      const [result] = await eslint.lintText(s.code, { filePath: s.file });
      out.push(result.messages.filter((m) => m.ruleId === 'goldenpath/layers' || m.ruleId === null).map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `,
    JSON.stringify(snippets),
  ) as string[][];
}

/** Runs an ES module script in the repository (the config is ES modules, which jest's CommonJS sandbox cannot import); returns its JSON output. */
function runEslintScript(script: string, argument = ''): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, argument], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the script did not run: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

interface Layer {
  readonly folder: string;
  readonly may: readonly string[];
  readonly mayNot?: readonly string[];
}

/** The layer table of docs/architecture.md, in the rule's terms (folder names without slashes, `fixture` for `*.fixture.ts`). */
function documentedLayers(): Layer[] {
  const doc = readFileSync(resolve(REPO, 'docs', 'architecture.md'), 'utf8');
  const table = doc.slice(doc.indexOf('| folder | may import | why |')).split('\n\n')[0]!;
  const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map(([, n]) => (n === '*.fixture.ts' ? 'fixture' : n!.replace(/\/$/, '')));
  return [...table.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map(([, folder, may]) => {
    const [allowed, denied] = may!.split(' except ');
    return { folder: folder!.replace(/\/$/, ''), may: names(allowed!), ...(denied === undefined ? {} : { mayNot: names(denied) }) };
  });
}

const VIOLATIONS: readonly (Snippet & { readonly why: RegExp })[] = [
  { file: 'contract/naming-extra.ts', code: "import { loadEnvironment } from '../envs';\nexport const x = loadEnvironment;\n", why: /contract\/naming-extra\.ts may not import envs: contract holds pure facts/ },
  { file: 'contract/catalog/apps/extra.ts', code: "import { renderBootstrapApps } from '../../gitops/bootstrap-apps';\nexport const x = renderBootstrapApps;\n", why: /may not import contract\/gitops\/bootstrap-apps: the catalog is data/ },
  { file: 'envs/extra.ts', code: "import { NetworkStack } from '../stacks/network-stack';\nexport const x = NetworkStack;\n", why: /envs\/extra\.ts may not import stacks\/network-stack/ },
  { file: 'constructs/network/extra.ts', code: "import type { Environment } from '../../envs/schema';\nexport type X = Environment;\n", why: /may not import envs\/schema: constructs take typed props/ },
  { file: 'constructs/gitops/extra.ts', code: "export const load = () => import('../../stacks/compose');\n", why: /may not import stacks\/compose/ },
  { file: 'stacks/extra.ts', code: "import { runCli } from '../ops/cli';\nexport const x = runCli;\n", why: /stacks\/extra\.ts may not import ops\/cli: stacks compose constructs and never import ops/ },
  { file: 'rules/extra.ts', code: "import { Network } from '../constructs/network/network';\nexport const x = Network;\n", why: /rules\/extra\.ts may not import constructs\/network\/network: rules read only synthesized JSON and contract/ },
  { file: 'ops/extra.ts', code: "import { testRuntime } from '../test/ops/support/runtime';\nexport const x = testRuntime;\n", why: /ops\/extra\.ts may not import test\/ops\/support\/runtime/ },
  { file: 'bench/extra.bench.ts', code: "import { FakeAws } from '../test/ops/support/fake-aws';\nexport const x = FakeAws;\n", why: /bench\/extra\.bench\.ts may not import test\/ops\/support\/fake-aws: benchmarks reach test code only through a \*\.fixture\.ts module/ },
  { file: 'constructs/extra.ts', code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const x = require('../envs');\n", why: /constructs\/extra\.ts may not import envs/ },
  { file: 'constructs/extra-type.ts', code: "export type X = import('../envs/schema').Environment;\n", why: /constructs\/extra-type\.ts may not import envs\/schema/ },
];

const ALLOWED: readonly Snippet[] = [
  { file: 'constructs/network/extra.ts', code: "import type { NatStrategy } from '../../contract/nat-strategy';\nexport type X = NatStrategy;\n" },
  { file: 'stacks/extra.ts', code: "import { loadEnvironment } from '../envs';\nimport { Network } from '../constructs/network/network';\nexport const x = [loadEnvironment, Network];\n" },
  { file: 'bench/extra.bench.ts', code: "import { FakeAws } from '../test/ops/support/fake-account.fixture';\nexport const x = FakeAws;\n" },
  { file: 'contract/gitops/extra.ts', code: "import { CATALOG } from '../catalog/catalog';\nexport const x = CATALOG;\n" },
  { file: 'test/extra.test.ts', code: "import { runCli } from '../ops/cli';\nimport { FakeAws } from './ops/support/fake-aws';\nexport const x = [runCli, FakeAws];\n" },
];

describe('docs/architecture.md', () => {
  it('documents exactly the layers the lint rule enforces', () => {
    const enforced = runEslintScript(`
      import { LAYERS } from './eslint.config.mjs';
      process.stdout.write(JSON.stringify(LAYERS.map(({ folder, may, mayNot }) => ({ folder, may, ...(mayNot ? { mayNot } : {}) }))));
    `);
    expect(documentedLayers()).toEqual(enforced);
  });
});

describe('lint enforces the layers of docs/architecture.md', () => {
  const [violations, allowed] = (() => {
    const all = layerMessages([...VIOLATIONS, ...ALLOWED]);
    return [all.slice(0, VIOLATIONS.length), all.slice(VIOLATIONS.length)];
  })();

  it.each(VIOLATIONS.map((v, i) => [v.file, v.code.split('\n').find((l) => !l.startsWith('//')), i] as const))('rejects %s: %s', (_file, _line, i) => {
    expect(violations[i]).toEqual([expect.stringMatching(VIOLATIONS[i]!.why)]);
  });

  it.each(ALLOWED.map((a, i) => [a.file, a.code.split('\n')[0], i] as const))('accepts %s: %s', (_file, _line, i) => {
    expect(allowed[i]).toEqual([]);
  });
});
