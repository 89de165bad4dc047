import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { CLI_IMAGE_ENTRYPOINT, CLI_IMAGE_RDS_CA_BUNDLE_PATH, CLI_IMAGE_USER_ID, renderDbProvisionJob } from '../contract/gitops/db-provision-job';
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

function loadable(from: string, specifier: string): boolean {
  try {
    resolveSource(from, specifier);
    return true;
  } catch {
    return false;
  }
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
      const specifier = node.arguments[0].text;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push(specifier);
      // A module path handed to a loader (the command registry's lazy('./db/command')) is loaded too.
      else if (specifier.startsWith('./') && loadable(file, specifier)) found.push(specifier);
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

  it('builds every stage from one NODE_IMAGE with no default, refused in the first stage unless it is Node 24 pinned by digest', () => {
    expect(instructions[0]).toBe('ARG NODE_IMAGE');
    expect(ofKind('FROM').map((f) => f.split(' ')[0])).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}', '${NODE_IMAGE}']);
    const check = ofKind('RUN')[0]!;
    const run = (image: string) => spawnSync('sh', ['-c', check], { env: { NODE_IMAGE: image }, encoding: 'utf8' });
    expect(run(`node:24-bookworm-slim@sha256:${'a'.repeat(64)}`).status).toBe(0);
    for (const unpinned of ['node:24-bookworm-slim', 'node:20-bookworm-slim@sha256:' + 'a'.repeat(64), '']) {
      const r = run(unpinned);
      expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('NODE_IMAGE must be node:24-<variant>@sha256:<digest>')]);
    }
  });

  it('gets its base from the release workflow, which resolves node:24-bookworm-slim to a digest and records it', () => {
    const workflow = readFileSync(join(REPO, '.github/workflows/release-image.yml'), 'utf8');
    expect(workflow).toContain('build-args: NODE_IMAGE=${{ steps.base.outputs.image }}');
    expect(workflow).toContain('org.opencontainers.image.base.digest=${{ steps.base.outputs.digest }}');
    expect(workflow).toMatch(/BASE: node:24-bookworm-slim\n/);
  });

  it('installs exactly the locked runtime dependencies', () => {
    expect(ofKind('RUN')).toContainEqual(expect.stringMatching(/^npm ci --omit=dev\b/));
  });

  it('runs the CLI as node on its entry file (no npx), the command the provisioning Job starts with', () => {
    const job = renderDbProvisionJob({ env: 'dev', roleArn: 'arn', databaseApps: [] }).job;
    const entrypoint = JSON.parse(ofKind('ENTRYPOINT')[0]!) as string[];
    expect(entrypoint).toEqual([...CLI_IMAGE_ENTRYPOINT]);
    expect(entrypoint[1]).toBe(`${finalStage.find((l) => l.startsWith('WORKDIR '))?.slice(8)}/${packageJson.bin.goldenpath}`);
    expect(job.spec?.template.spec?.containers[0]?.command?.slice(0, 2)).toEqual(entrypoint);
  });

  it('precompiles the CLI before it drops root, so the Job never starts through the TypeScript loader', () => {
    const build = finalStage.indexOf('RUN node bin/build.cjs goldenpath');
    expect(build).toBeGreaterThan(finalStage.findIndex((l) => l.startsWith('COPY bin/')));
    expect(build).toBeLessThan(finalStage.findIndex((l) => l.startsWith('USER ')));
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

/**
 * The image's start-up, without Docker: the final stage's files laid out as
 * root (read-only to others, as COPY leaves them), the entrypoint run as uid
 * 1000 through setpriv with HOME=/tmp as the Job sets it.
 */
const asRoot = process.getuid?.() === 0;
const setpriv = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' }).stdout.trim();
const skipReason = !asRoot ? 'the tests do not run as root, so the image files cannot be laid out root-owned' : setpriv === '' ? 'setpriv (util-linux) is not installed' : undefined;
(skipReason === undefined ? describe : describe.skip)(`the CLI image starting as uid ${CLI_IMAGE_USER_ID} over root-owned files`, () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gp-image-'));
    chmodSync(root, 0o755);
    const copied = finalStage.flatMap((l) => (l.startsWith('COPY ') && !l.startsWith('COPY --from') ? l.slice(5).split(/\s+/).slice(0, -1) : []));
    for (const path of copied) cpSync(join(REPO, path), join(root, path), { recursive: true });
    // The image's node_modules come from npm ci in the dependencies stage; the checkout's (root-owned too) stands in.
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    // The final stage's RUN steps, as root, as the image build runs them.
    for (const command of finalStage.filter((l) => l.startsWith('RUN ')).map((l) => l.slice(4))) {
      const r = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`RUN ${command} failed: ${r.stderr}`);
    }
    spawnSync('chmod', ['-R', 'go-w,a+rX', root]);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (args: string[]) => {
    const [node, entry] = CLI_IMAGE_ENTRYPOINT;
    const tmp = mkdtempSync(join(tmpdir(), 'gp-image-tmp-'));
    chmodSync(tmp, 0o1777);
    return spawnSync(setpriv, [`--reuid=${CLI_IMAGE_USER_ID}`, `--regid=${CLI_IMAGE_USER_ID}`, '--clear-groups', process.execPath.endsWith(node) ? process.execPath : node, entry.replace('/app', root), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: tmp, TMPDIR: tmp },
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('finds the CLI precompiled and current, so it starts without the TypeScript loader', () => {
    const [node] = CLI_IMAGE_ENTRYPOINT;
    const r = spawnSync(setpriv, [`--reuid=${CLI_IMAGE_USER_ID}`, `--regid=${CLI_IMAGE_USER_ID}`, '--clear-groups', process.execPath.endsWith(node) ? process.execPath : node, '-e', "process.exit(require('./bin/build.cjs').isFresh('goldenpath') ? 0 : 3)"], {
      cwd: root,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('prints the db provision help (the Job\'s command) and exits 0', () => {
    const r = run(['db', 'provision', '--help']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('--ca-bundle');
  });
});
if (skipReason !== undefined) {
  describe('the CLI image starting as a non-root user', () => {
    it.skip(`skipped: ${skipReason}`, () => undefined);
  });
}
