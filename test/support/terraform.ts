import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { VERSIONS } from '../../contract/versions';

/**
 * Offline Terraform: its own CLI config pointing at the local provider mirror,
 * never the TF_CLI_CONFIG_FILE the machine happens to set.
 *
 * Every Terraform process loads the AWS provider's schema (seconds of CPU),
 * so the harness is built to start as few as possible: the jest global setup
 * detects Terraform once and fills one plugin cache per run
 * (`prepareTerraform`); `plan` validates, so no test runs `validate` before
 * it; a folder's .tftest.hcl files run in one `terraform test`
 * (`TerraformTests`); and commands are asynchronous, so a test file's
 * folders run side by side, a few at a time.
 */
export const MIRROR_ENV = 'GOLDENPATH_TF_PROVIDER_MIRROR';
export const DEFAULT_MIRROR = '/opt/tf-plugins';
export const TERRAFORM_ENV = 'GOLDENPATH_TERRAFORM';
const TERRAFORM_TEST_TIMEOUT_MS = 300_000;
/** Set by the global setup for the test workers: the availability it detected, as JSON. */
const DETECTED_ENV = 'GOLDENPATH_TF_DETECTED';

export type TerraformAvailability =
  | { readonly available: true; readonly terraform: string; readonly mirror: string; readonly cliConfig: string }
  | { readonly available: false; readonly reason: string };

let cached: TerraformAvailability | undefined;

export function terraformAvailability(): TerraformAvailability {
  const detected = process.env[DETECTED_ENV];
  cached ??= detected ? (JSON.parse(detected) as TerraformAvailability) : detect(mkdtempSync(join(tmpdir(), 'gp-tfcli-')));
  return cached;
}

/**
 * Detects Terraform and the mirror once for the whole run, writes the CLI
 * config with one plugin cache into `dir`, fills the cache (so concurrent
 * `init`s only read it) and hands the result to the workers through the environment.
 */
export function prepareTerraform(dir: string): TerraformAvailability {
  const tf = detect(dir);
  if (tf.available) {
    const warm = join(dir, 'warm-cache');
    mkdirSync(warm);
    writeFileSync(join(warm, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: VERSIONS.providers.aws } } } }));
    const r = spawnSync(tf.terraform, ['init', '-input=false', '-backend=false', '-no-color'], { cwd: warm, encoding: 'utf8', env: terraformEnv(tf) });
    if (r.status !== 0) throw new Error(`terraform init of the plugin cache failed:\n${r.stderr}${r.stdout}`);
  }
  process.env[DETECTED_ENV] = JSON.stringify(tf);
  cached = tf;
  return tf;
}

function detect(dir: string): TerraformAvailability {
  const terraform = process.env[TERRAFORM_ENV] || 'terraform';
  const version = spawnSync(terraform, ['version', '-json'], { encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
  if (version.error || version.status !== 0) {
    return { available: false, reason: `terraform not found (looked for "${terraform}"; set ${TERRAFORM_ENV})` };
  }
  const mirror = process.env[MIRROR_ENV] || DEFAULT_MIRROR;
  const awsDir = join(mirror, 'registry.terraform.io', 'hashicorp', 'aws', VERSIONS.providers.aws);
  if (!existsSync(awsDir)) {
    return { available: false, reason: `AWS provider ${VERSIONS.providers.aws} not in the mirror at ${awsDir} (set ${MIRROR_ENV} to the folder above registry.terraform.io)` };
  }
  const cliConfig = join(dir, 'terraform.rc');
  mkdirSync(join(dir, 'plugin-cache'), { recursive: true });
  writeFileSync(
    cliConfig,
    [
      'provider_installation {',
      `  filesystem_mirror {`,
      `    path    = ${JSON.stringify(mirror)}`,
      `    include = ["registry.terraform.io/hashicorp/*"]`,
      '  }',
      '}',
      `plugin_cache_dir = ${JSON.stringify(join(dir, 'plugin-cache'))}`,
      // Without a lock file Terraform distrusts the cache and installs again into it, and concurrent inits collide there.
      // The folders are throwaway; their lock files are never kept.
      'plugin_cache_may_break_dependency_lock_file = true',
      'disable_checkpoint = true',
      '',
    ].join('\n'),
  );
  return { available: true, terraform, mirror, cliConfig };
}

/**
 * `describe` when Terraform and the mirror are present; otherwise a loudly
 * skipped block whose title carries the reason (never a silent pass).
 */
export function describeWithTerraform(title: string, body: () => void): void {
  const tf = terraformAvailability();
  if (tf.available) {
    describe(title, () => {
      // A test awaits work its beforeAll started for several folders at once; a loaded machine stretches that.
      jest.setTimeout(TERRAFORM_TEST_TIMEOUT_MS);
      body();
    });
    return;
  }
  process.stderr.write(`\n*** SKIPPED terraform tests "${title}": ${tf.reason} ***\n\n`);
  describe.skip(`${title} [SKIPPED: ${tf.reason}]`, body);
}

export interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Offline credentials: the provider is configured but never calls AWS. */
const OFFLINE_ENV = {
  AWS_ACCESS_KEY_ID: 'offline-test',
  AWS_SECRET_ACCESS_KEY: 'offline-test',
  AWS_EC2_METADATA_DISABLED: 'true',
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
  CHECKPOINT_DISABLE: '1',
};

function terraformEnv(tf: Extract<TerraformAvailability, { available: true }>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...OFFLINE_ENV, TF_CLI_CONFIG_FILE: tf.cliConfig };
  delete env.TF_PLUGIN_CACHE_DIR;
  return env;
}

/**
 * Terraform processes of this worker running at once. Each holds the
 * provider schema (~600 MB) and spends part of its time waiting on the
 * provider plugin, so one per core keeps the CPU busy without thrashing.
 */
const CONCURRENCY = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export function terraform(dir: string, args: readonly string[]): Promise<TerraformResult> {
  const tf = terraformAvailability();
  if (!tf.available) return Promise.reject(new Error(`terraform unavailable: ${tf.reason}`));
  return slot(
    () =>
      new Promise<TerraformResult>((resolve, reject) => {
        const child = spawn(tf.terraform, [...args, '-no-color'], { cwd: dir, env: terraformEnv(tf), stdio: ['ignore', 'pipe', 'pipe'] });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on('data', (c: Buffer) => stdout.push(c));
        child.stderr.on('data', (c: Buffer) => stderr.push(c));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
      }),
  );
}

/** Runs a command and throws with its output when it fails. */
export async function terraformOk(dir: string, args: readonly string[]): Promise<TerraformResult> {
  const r = await terraform(dir, args);
  if (r.code !== 0) {
    throw new Error(`terraform ${args.join(' ')} failed in ${dir} (exit ${r.code}):\n${r.stderr}\n${r.stdout}`);
  }
  return r;
}

/**
 * Makes a synthesized stack plannable offline: provider credential lookups
 * are skipped through a Terraform override file (the stack itself is unchanged).
 */
export function makeOffline(stackDir: string): void {
  const file = join(stackDir, 'offline_override.tf.json');
  const text = JSON.stringify({
    provider: {
      aws: {
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        allowed_account_ids: null,
      },
    },
  });
  // Never rewritten, and put in place whole: a joint plan may be reading the folder while its own `init` starts.
  if (existsSync(file)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** `terraform init` offline; pass `backend: false` for stacks whose backend is remote. */
export async function init(stackDir: string, options: { backend?: boolean } = {}): Promise<void> {
  makeOffline(stackDir);
  await terraformOk(stackDir, ['init', '-input=false', ...(options.backend === false ? ['-backend=false'] : [])]);
}

/** `terraform plan -refresh=false`, offline, never touching a lock or real state. It validates the configuration first. */
export function plan(stackDir: string): Promise<TerraformResult> {
  return terraform(stackDir, ['plan', '-refresh=false', '-input=false', '-lock=false']);
}

/**
 * Starts `work` now and hands back its promise for a test to await later, so
 * folders prepared in a `beforeAll` run side by side. A failure surfaces in
 * the test that awaits it, never as an unhandled rejection.
 */
export function started<T>(work: () => Promise<T>): Promise<T> {
  const promise = work();
  promise.catch(() => undefined);
  return promise;
}

/** One .tftest.hcl file's outcome in a `terraform test -json` run. */
export interface TestFileOutcome {
  readonly status: 'pass' | 'fail' | 'error' | 'skip' | 'not run';
  /** Each run block's status, by run name. */
  readonly runs: Readonly<Record<string, TestFileOutcome['status']>>;
  /** Each diagnostic of the file as `summary: detail`, whitespace collapsed. */
  readonly diagnostics: readonly string[];
  /** With `-verbose`: the plan (or state) each run printed, by run name, as Terraform's JSON plan without the provider schemas. */
  readonly plans: Readonly<Record<string, TerraformJsonPlan>>;
}

/** The parts of Terraform's JSON plan representation the tests read. */
export interface TerraformJsonPlan {
  readonly resource_changes?: readonly { readonly address: string; readonly type: string; readonly change: { readonly actions: readonly string[]; readonly after?: Record<string, unknown> } }[];
  [key: string]: unknown;
}

interface TestJsonLine {
  readonly '@testfile'?: string;
  readonly '@testrun'?: string;
  readonly test_plan?: TerraformJsonPlan;
  readonly test_state?: TerraformJsonPlan;
  readonly '@message'?: string;
  readonly type?: string;
  readonly test_file?: { readonly progress?: string; readonly status?: TestFileOutcome['status'] };
  readonly test_run?: { readonly run?: string; readonly progress?: string; readonly status?: TestFileOutcome['status'] };
  readonly diagnostic?: { readonly summary?: string; readonly detail?: string };
}

/**
 * The .tftest.hcl files of one folder, run together in ONE `terraform test`
 * the first time a test asks for an outcome. Files are declared where the
 * test that reads them is (their text is built lazily, once the folder
 * exists); each test then reads only its own file's outcome.
 */
export class TerraformTests {
  private readonly files = new Map<string, () => string>();
  private run: Promise<Map<string, TestFileOutcome>> | undefined;

  /** @param dir the initialized folder, read when the run starts. @param args extra `terraform test` arguments (e.g. `-verbose`). */
  constructor(
    private readonly dir: () => string,
    private readonly args: readonly string[] = [],
  ) {}

  /** Declares `<name>.tftest.hcl`; call at describe time, before any outcome is read. */
  add(name: string, hcl: () => string): void {
    if (this.run) throw new Error(`test file ${name} declared after the terraform test run started`);
    if (this.files.has(name)) throw new Error(`test file ${name} declared twice`);
    this.files.set(name, hcl);
  }

  /** Starts the run now (e.g. from a `beforeAll`), so it overlaps other folders' work. */
  start(): void {
    this.run ??= started(() => this.execute());
  }

  async outcome(name: string): Promise<TestFileOutcome> {
    if (!this.files.has(name)) throw new Error(`no test file ${name} declared`);
    this.start();
    return (await this.run!).get(`${name}.tftest.hcl`)!;
  }

  private async execute(): Promise<Map<string, TestFileOutcome>> {
    const dir = this.dir();
    for (const [name, hcl] of this.files) writeFileSync(join(dir, `${name}.tftest.hcl`), hcl());
    const r = await terraform(dir, ['test', '-json', ...this.args]);
    const lines: TestJsonLine[] = [];
    for (const text of r.stdout.split('\n')) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as TestJsonLine;
      // Each printed plan carries the AWS provider's whole schema (~15 MB): never kept.
      delete line.test_plan?.provider_schemas;
      delete line.test_state?.provider_schemas;
      lines.push(line);
    }
    const outcomes = new Map<string, TestFileOutcome>();
    for (const name of this.files.keys()) {
      const file = `${name}.tftest.hcl`;
      const own = lines.filter((l) => l['@testfile'] === file);
      const done = own.find((l) => l.type === 'test_file' && l.test_file?.progress === 'complete');
      const diagnostics = own
        .filter((l) => l.type === 'diagnostic')
        .map((l) => `${l.diagnostic?.summary ?? ''}: ${l.diagnostic?.detail ?? ''}`.replace(/\s+/g, ' '));
      outcomes.set(file, {
        status: done?.test_file?.status ?? 'not run',
        runs: Object.fromEntries(own.filter((l) => l.type === 'test_run' && l.test_run?.progress === 'complete').map((l) => [l.test_run!.run!, l.test_run!.status!])),
        // A configuration Terraform cannot load fails before any file starts: its errors belong to every file.
        diagnostics: done ? diagnostics : [...diagnostics, ...unattributed(lines, r)],
        plans: Object.fromEntries(own.filter((l) => l['@testrun'] && (l.test_plan ?? l.test_state)).map((l) => [l['@testrun']!, (l.test_plan ?? l.test_state)!])),
      });
    }
    return outcomes;
  }
}

function unattributed(lines: readonly TestJsonLine[], r: TerraformResult): string[] {
  const diagnostics = lines.filter((l) => l.type === 'diagnostic' && !l['@testfile']).map((l) => `${l.diagnostic?.summary ?? ''}: ${l.diagnostic?.detail ?? ''}`.replace(/\s+/g, ' '));
  return diagnostics.length > 0 ? diagnostics : [`terraform test exited ${r.code}: ${r.stderr.trim() || r.stdout.trim()}`];
}

/** An HCL string literal (test files may not call functions such as jsonencode inside mock blocks). */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
}

/**
 * An `override_data` block serving the given foundation documents (already
 * complete objects, schemaVersion included) from the foundation reader's data source.
 */
export function foundationOverride(documents: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(documents);
  return [
    '  override_data {',
    '    target = data.aws_ssm_parameters_by_path.foundation_documents',
    '    values = {',
    `      names  = [${names.map((n) => hclString(n)).join(', ')}]`,
    `      values = [${names.map((n) => hclString(JSON.stringify(documents[n]))).join(', ')}]`,
    '    }',
    '  }',
  ].join('\n');
}

/** One stack folder of a joint plan, and the values of its input variables. */
export interface JointStack {
  readonly dir: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** What a joint plan planned for one stack folder: its resource actions, counted. */
export interface StackChanges {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

export interface JointPlan {
  readonly code: number;
  /** Every line Terraform printed (its `-json` UI), for checks that something never appears. */
  readonly output: string;
  /** Each error diagnostic as `summary: detail`, whitespace collapsed. */
  readonly errors: readonly string[];
  /** Planned changes by the stack's key. */
  readonly changes: Readonly<Record<string, StackChanges>>;
  /** `terraform show -json` of the saved plan, when asked for. */
  readonly shown?: TerraformJsonPlan & { readonly text: string };
}

/** Diagnostics every joint plan carries: each stack is a root module used as a child. */
const JOINT_PLAN_WARNINGS = ['Backend configuration ignored', 'Redundant empty provider block'];

interface PlanJsonLine {
  readonly type?: string;
  readonly change?: { readonly resource?: { readonly module?: string }; readonly action?: string };
  readonly diagnostic?: { readonly severity?: string; readonly summary?: string; readonly detail?: string };
}

/**
 * Plans several stack folders in ONE Terraform process: a root module calls
 * each folder as a child module (keeping its own provider configuration and
 * override files; its backend is ignored). The AWS provider's schema, seconds
 * of CPU per process, is then loaded once for all of them, not once per folder.
 * The root re-exports every output of every stack, so the checks Terraform
 * makes only on root outputs (a sensitive value in an output not marked
 * sensitive) still run. `plan -refresh=false`, offline; pass `show` for the
 * saved plan as JSON.
 */
export async function planTogether(stacks: Readonly<Record<string, JointStack>>, options: { readonly show?: boolean } = {}): Promise<JointPlan> {
  const root = mkdtempSync(join(tmpdir(), 'gp-joint-'));
  const modules = Object.fromEntries(
    Object.entries(stacks).map(([key, { dir, variables }]) => {
      makeOffline(dir);
      // A path that does not start with ./ or ../ would be copied into .terraform/modules.
      return [key, { source: relative(root, dir), ...variables }];
    }),
  );
  const outputs: Record<string, { value: string; sensitive?: true }> = {};
  for (const [key, { dir }] of Object.entries(stacks)) {
    const stack = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as { output?: Record<string, { sensitive?: boolean }> };
    for (const [name, output] of Object.entries(stack.output ?? {})) {
      outputs[`${key}__${name}`] = { value: `\${module.${key}.${name}}`, ...(output.sensitive ? { sensitive: true as const } : {}) };
    }
  }
  writeFileSync(join(root, 'main.tf.json'), JSON.stringify({ module: modules, output: outputs }));
  await terraformOk(root, ['init', '-input=false', '-backend=false']);
  const r = await terraform(root, ['plan', '-refresh=false', '-input=false', '-lock=false', '-json', '-out=tfplan']);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as PlanJsonLine);
  const changes: Record<string, { add: number; change: number; destroy: number }> = Object.fromEntries(Object.keys(stacks).map((k) => [k, { add: 0, change: 0, destroy: 0 }]));
  for (const { type, change } of lines) {
    if (type !== 'planned_change') continue;
    const key = change?.resource?.module?.replace(/^module\./, '').split('.')[0] ?? '';
    const counts = changes[key];
    if (!counts) throw new Error(`planned change outside the joint stacks: ${JSON.stringify(change)}`);
    if (change?.action === 'create') counts.add += 1;
    else if (change?.action === 'update') counts.change += 1;
    else if (change?.action === 'delete') counts.destroy += 1;
    else if (change?.action === 'replace') {
      counts.add += 1;
      counts.destroy += 1;
    }
  }
  const diagnostics = lines.filter((l) => l.type === 'diagnostic').map((l) => l.diagnostic ?? {});
  const unexpectedWarnings = diagnostics.filter((d) => d.severity === 'warning' && !JOINT_PLAN_WARNINGS.includes(d.summary ?? ''));
  const errors = [...diagnostics.filter((d) => d.severity === 'error'), ...unexpectedWarnings].map((d) => `${d.summary ?? ''}: ${d.detail ?? ''}`.replace(/\s+/g, ' '));
  if (r.code !== 0 && errors.length === 0) errors.push(`terraform plan exited ${r.code}: ${r.stderr.trim()}`);
  let shown: JointPlan['shown'];
  if (options.show && r.code === 0) {
    const text = (await terraformOk(root, ['show', '-json', 'tfplan'])).stdout;
    shown = { ...(JSON.parse(text) as TerraformJsonPlan), text };
  }
  return { code: r.code, output: r.stdout + r.stderr, errors, changes, shown };
}
