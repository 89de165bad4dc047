import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { CLI_IMAGE_RDS_CA_BUNDLE_PATH, CLI_IMAGE_USER_ID, renderDbProvisionJob } from '../contract/gitops/db-provision-job';
import { CA_BUNDLE_VAR, RDS_CA_BUNDLE_URL } from '../ops/db/command';
import packageJson from '../package.json';

const REPO = resolve(__dirname, '..');
const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
const ofKind = (kind: string) => instructions.filter((l) => l.startsWith(`${kind} `)).map((l) => l.slice(kind.length + 1).trim());
const finalStage = instructions.slice(instructions.map((l) => l.startsWith('FROM ')).lastIndexOf(true));

/** Relative specifiers resolved the way Node and tsx resolve them. */
function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const found = [base, `${base}.ts`, `${base}.js`, `${base}.json`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
  if (found === undefined) throw new Error(`${relative(REPO, from)} imports ${specifier}, which does not resolve`);
  return found;
}

/** What a source file loads at run time: type-only imports and exports are erased and left out. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every source file and package the CLI loads: the package's bin entry (what npx runs) and, through the registry's import()s, every command module. */
function cliClosure(): { files: Set<string>; packages: Set<string> } {
  const pending = [join(REPO, packageJson.bin.goldenpath)];
  const files = new Set<string>();
  const packages = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.')) pending.push(resolveSource(file, specifier));
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return { files, packages };
}

describe('Dockerfile (the goldenpath CLI image)', () => {
  const cli = cliClosure();

  it('builds every stage from node:20-bookworm-slim pinned by digest', () => {
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(instructions.join('\n'))?.[1];
    expect(base).toMatch(/^node:20-bookworm-slim@sha256:[0-9a-f]{64}$/);
    expect(ofKind('FROM').map((f) => f.split(' ')[0])).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}', '${NODE_IMAGE}']);
  });

  it('installs exactly the locked runtime dependencies', () => {
    expect(ofKind('RUN')).toContainEqual(expect.stringMatching(/^npm ci --omit=dev\b/));
  });

  it('runs the CLI as npx --no-install goldenpath, the command the provisioning Job starts with', () => {
    const job = renderDbProvisionJob({ env: 'dev', roleArn: 'arn', databaseApps: [] }).job;
    const entrypoint = JSON.parse(ofKind('ENTRYPOINT')[0]!) as string[];
    expect(entrypoint).toEqual(['npx', '--no-install', 'goldenpath']);
    expect(job.spec?.template.spec?.containers[0]?.command?.slice(0, 3)).toEqual(entrypoint);
  });

  it('runs as the non-root user id the Job sets', () => {
    expect(finalStage.filter((l) => l.startsWith('USER '))).toEqual([`USER ${CLI_IMAGE_USER_ID}:${CLI_IMAGE_USER_ID}`]);
  });

  it('carries the RDS CA bundle from the AWS trust store where the Job reads it, and as the CLI default', () => {
    expect(ofKind('ADD')).toEqual([`${RDS_CA_BUNDLE_URL} /rds-ca/global-bundle.pem`]);
    expect(finalStage).toContainEqual(`COPY --from=rds-ca /rds-ca/global-bundle.pem ${CLI_IMAGE_RDS_CA_BUNDLE_PATH}`);
    expect(finalStage.join('\n')).toMatch(new RegExp(`\\b${CA_BUNDLE_VAR}=${CLI_IMAGE_RDS_CA_BUNDLE_PATH}\\b`));
  });

  it('copies every source file the CLI loads, and the build context admits them', () => {
    const copied = finalStage.flatMap((l) => (l.startsWith('COPY ') && !l.startsWith('COPY --from') ? l.slice(5).split(/\s+/).slice(0, -1) : []));
    const admitted = readFileSync(join(REPO, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).replace(/\/$/, ''));
    const uncovered = (roots: readonly string[]) =>
      [...cli.files].map((f) => relative(REPO, f)).filter((f) => !roots.some((root) => f === root || f.startsWith(`${root}/`)));
    expect([uncovered(copied), uncovered(admitted)]).toEqual([[], []]);
  });

  it('finds the CLI sources it checks: the bin entry and its TypeScript loader, the db command, its provisioning, the contract and the env definitions', () => {
    const files = [...cli.files].map((f) => relative(REPO, f));
    expect(files).toEqual(expect.arrayContaining(['ops/bin/goldenpath.cjs', 'bin/typescript-loader.cjs', 'ops/main.ts', 'ops/db/command.ts', 'ops/db/provision.ts', 'contract/naming.ts', 'envs/index.ts']));
  });

  it('needs no development dependency at run time', () => {
    expect([...cli.packages].filter((p) => !(p in packageJson.dependencies)).sort()).toEqual([]);
  });
});
