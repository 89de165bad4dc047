import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERSIONS } from '../../contract/versions';

/**
 * Offline Terraform: its own CLI config pointing at the local provider mirror,
 * never the TF_CLI_CONFIG_FILE the machine happens to set.
 */
export const MIRROR_ENV = 'GOLDENPATH_TF_PROVIDER_MIRROR';
export const DEFAULT_MIRROR = '/opt/tf-plugins';
export const TERRAFORM_ENV = 'GOLDENPATH_TERRAFORM';

export type TerraformAvailability =
  | { readonly available: true; readonly terraform: string; readonly mirror: string; readonly cliConfig: string }
  | { readonly available: false; readonly reason: string };

let cached: TerraformAvailability | undefined;

export function terraformAvailability(): TerraformAvailability {
  cached ??= detect();
  return cached;
}

function detect(): TerraformAvailability {
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
  const dir = mkdtempSync(join(tmpdir(), 'gp-tfcli-'));
  const cliConfig = join(dir, 'terraform.rc');
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
      'disable_checkpoint = true',
      '',
    ].join('\n'),
  );
  execFileSync('mkdir', ['-p', join(dir, 'plugin-cache')]);
  return { available: true, terraform, mirror, cliConfig };
}

/**
 * `describe` when Terraform and the mirror are present; otherwise a loudly
 * skipped block whose title carries the reason (never a silent pass).
 */
export function describeWithTerraform(title: string, body: () => void): void {
  const tf = terraformAvailability();
  if (tf.available) {
    describe(title, body);
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

export function terraform(dir: string, args: readonly string[]): TerraformResult {
  const tf = terraformAvailability();
  if (!tf.available) throw new Error(`terraform unavailable: ${tf.reason}`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...OFFLINE_ENV, TF_CLI_CONFIG_FILE: tf.cliConfig };
  delete env.TF_PLUGIN_CACHE_DIR;
  const r = spawnSync(tf.terraform, [...args, '-no-color'], { cwd: dir, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command and throws with its output when it fails. */
export function terraformOk(dir: string, args: readonly string[]): TerraformResult {
  const r = terraform(dir, args);
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
  writeFileSync(
    join(stackDir, 'offline_override.tf.json'),
    JSON.stringify({
      provider: {
        aws: {
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
          skip_region_validation: true,
          allowed_account_ids: null,
        },
      },
    }),
  );
}

/** `terraform init` offline; pass `backend: false` for stacks whose backend is remote (validate only). */
export function init(stackDir: string, options: { backend?: boolean } = {}): void {
  makeOffline(stackDir);
  terraformOk(stackDir, ['init', '-input=false', ...(options.backend === false ? ['-backend=false'] : [])]);
}

/** `terraform plan -refresh=false`, offline, never touching a lock or real state. */
export function plan(stackDir: string): TerraformResult {
  return terraform(stackDir, ['plan', '-refresh=false', '-input=false', '-lock=false']);
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
