import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const PROVIDER_BARRELS = ['@cdktf/provider-aws', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];
const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The layers of docs/architecture.md: contract <- envs <- constructs <- stacks <- main, ops at the edge.
 * A file may import only the layers its entry names (the first one whose folder holds it). Test code
 * is open to everything; bench and ops reach test code only through a named fixture module
 * (`*.fixture.ts`), never through test support.
 */
export const LAYERS = [
  { folder: 'contract/catalog', may: ['contract'], mayNot: ['contract/gitops'], why: 'the catalog is data the gitops renderers read; importing them back is a cycle' },
  { folder: 'contract', may: ['contract'], why: 'contract holds pure facts and derivations and imports no other layer' },
  { folder: 'envs', may: ['contract', 'envs'], why: 'env definitions import only contract' },
  { folder: 'constructs', may: ['contract', 'constructs'], why: 'constructs take typed props: never import stacks, ops or envs (add a prop, or put the fact in contract)' },
  { folder: 'stacks', may: ['contract', 'envs', 'constructs', 'stacks'], why: 'stacks compose constructs and never import ops' },
  { folder: 'rules', may: ['contract', 'rules'], why: 'rules read only synthesized JSON and contract' },
  { folder: 'ops', may: ['contract', 'envs', 'ops', 'fixture'], why: 'ops is the CLI edge over contract and envs; test code only through a *.fixture.ts module' },
  { folder: 'bench', may: ['contract', 'envs', 'constructs', 'stacks', 'rules', 'ops', 'main.ts', 'bench', 'fixture'], why: 'benchmarks reach test code only through a *.fixture.ts module' },
  { folder: 'main.ts', may: ['contract', 'envs', 'constructs', 'stacks'], why: 'main composes stacks; the CLI lives in ops' },
];

const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** The repository path an import resolves to, or undefined for a package. */
function targetOf(file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  return relative(ROOT, resolve(dirname(file), specifier)).split(sep).join('/');
}

function allows(entry, target) {
  if ((entry.mayNot ?? []).some((f) => within(target, f))) return false;
  if (entry.may.includes('fixture') && within(target, 'test') && /\.fixture(\.ts)?$/.test(target)) return true;
  return entry.may.some((f) => within(target, f));
}

const layersRule = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{from}} may not import {{target}}: {{why}} (docs/architecture.md).' } },
  create(context) {
    const from = relative(ROOT, context.filename).split(sep).join('/');
    const entry = LAYERS.find((l) => within(from, l.folder));
    if (entry === undefined) return {};
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = targetOf(context.filename, source.value);
      if (target !== undefined && !allows(entry, target)) context.report({ node, messageId: 'layer', data: { from, target, why: entry.why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdktf.out/**', '.gen/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { goldenpath: { rules: { layers: layersRule } } },
    rules: {
      'goldenpath/layers': 'error',
      // The provider barrels cost seconds and hundreds of MB per process: import each resource from its own module.
      'no-restricted-imports': [
        'error',
        {
          paths: PROVIDER_BARRELS.map((name) => ({
            name,
            message: `Import from the resource's own module (e.g. ${name}/lib/<resource>), never the package barrel.`,
          })),
          patterns: [
            {
              regex: '^@cdktf/provider-(aws|kubernetes|helm)/lib(/index(\\.js)?)?$',
              message: 'The lib index is the barrel too: import the resource module.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
