import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUILD_ID_PATTERN, isValidBuildId } from '../../contract/build-id';
import { LIFECYCLES } from '../../contract/lifecycle';
import { VERSIONS } from '../../contract/versions';
import { ENVIRONMENT_NAMES, loadEnvironment } from '../../envs';
import { MIRROR_ENV } from '../support/terraform';
import { runStep } from './support/run-step';
import { satisfiesAtLeast } from './support/versions';
import { loadWorkflow, loadWorkflows, stepsOf } from './support/workflows';
import packageJson from '../../package.json';

const ci = loadWorkflow('ci.yml');
const check = ci.workflow.jobs.check!;
const synth = ci.workflow.jobs.synth!;

describe('ci.yml', () => {
  it('runs on pull requests and pushes to main', () => {
    expect(ci.workflow.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
  });

  it('runs npm ci, typecheck, lint and the tests through the package scripts that exist', () => {
    const runs = (check.steps ?? []).map((s) => s.run).filter((r) => r !== undefined);
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm run typecheck', 'npm run lint', 'npm test']));
    expect(Object.keys(packageJson.scripts)).toEqual(expect.arrayContaining(['typecheck', 'lint', 'test']));
  });

  it('installs the Terraform of the version manifest everywhere, and it satisfies the stacks constraint', () => {
    const installs = loadWorkflows().flatMap((wf) => stepsOf(wf).filter(({ step }) => step.uses?.startsWith('hashicorp/setup-terraform@')));
    expect(installs.length).toBeGreaterThan(0);
    for (const { step } of installs) {
      expect(step.with?.terraform_version).toBe(VERSIONS.terraformCi);
      // The wrapper rewrites stdout and breaks `terraform ... -json`.
      expect(step.with?.terraform_wrapper).toBe(false);
    }
    expect(satisfiesAtLeast(VERSIONS.terraformCi, VERSIONS.terraform)).toBe(true);
  });

  describe('the AWS provider mirror', () => {
    const script = (check.steps ?? []).find((s) => s.name === 'Mirror the AWS provider for the offline Terraform tests')!.run!;
    // Stands in for `terraform -chdir=<pin> providers mirror -platform=linux_amd64 <dir>`: writes the packed layout it would.
    const terraform = [
      'pin=${1#-chdir=}',
      'dir="${@: -1}"',
      'echo "$@" > "$RUNNER_TEMP/terraform-args"',
      'cp "$pin/versions.tf" "$RUNNER_TEMP/versions.tf"',
      'version=$(sed -n \'s/.*version = "\\(.*\\)"/\\1/p\' "$pin/versions.tf")',
      'mkdir -p "$dir/registry.terraform.io/hashicorp/aws"',
      'work=$(mktemp -d) && touch "$work/terraform-provider-aws_v${version}_x5"',
      '(cd "$work" && zip -q "$dir/registry.terraform.io/hashicorp/aws/terraform-provider-aws_${version}_linux_amd64.zip" terraform-provider-aws_v${version}_x5)',
    ].join('\n');
    const vars = (mirror: string) => ({ MIRROR: mirror, AWS_PROVIDER_VERSION: String(check.env?.AWS_PROVIDER_VERSION) });

    it('pins exactly the AWS provider of the version manifest', () => {
      expect(check.env?.AWS_PROVIDER_VERSION).toBe(VERSIONS.providers.aws);
      const run = runStep(script, vars(mkdtempSync(join(tmpdir(), 'gp-mirror-'))), { terraform });
      const pinned = readFileSync(join(run.dir, 'versions.tf'), 'utf8');
      expect(pinned).toContain('source  = "hashicorp/aws"');
      expect(pinned).toContain(`version = "${VERSIONS.providers.aws}"`);
      expect(readFileSync(join(run.dir, 'terraform-args'), 'utf8')).toMatch(/^-chdir=\S+ providers mirror -platform=linux_amd64 \S+\n$/);
    });

    it('unpacks it where the offline Terraform tests look for it', () => {
      const mirror = mkdtempSync(join(tmpdir(), 'gp-mirror-'));
      expect(runStep(script, vars(mirror), { terraform }).status).toBe(0);
      expect(existsSync(join(mirror, 'registry.terraform.io', 'hashicorp', 'aws', VERSIONS.providers.aws, 'linux_amd64', `terraform-provider-aws_v${VERSIONS.providers.aws}_x5`))).toBe(true);
    });

    it('uses a restored mirror without calling terraform', () => {
      const mirror = mkdtempSync(join(tmpdir(), 'gp-mirror-'));
      runStep(script, vars(mirror), { terraform });
      const again = runStep(script, vars(mirror), { terraform: 'echo "terraform must not run" >&2; exit 9' });
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('restored from the cache');
    });

    it('fails rather than letting the Terraform tests skip when the provider is missing', () => {
      const mirror = mkdtempSync(join(tmpdir(), 'gp-mirror-'));
      mkdirSync(join(mirror, 'registry.terraform.io', 'hashicorp', 'aws', VERSIONS.providers.aws, 'linux_amd64'), { recursive: true });
      expect(runStep(script, vars(mirror), { terraform }).status).not.toBe(0);
    });
  });

  it('caches the mirror under a key of the provider version and hands the same folder to the tests', () => {
    const cache = (check.steps ?? []).find((s) => s.uses?.startsWith('actions/cache@'));
    const tests = (check.steps ?? []).find((s) => s.run === 'npm test');
    expect(cache?.with?.key).toContain('${{ env.AWS_PROVIDER_VERSION }}');
    expect(tests?.env?.[MIRROR_ENV]).toBe(cache?.with?.path);
  });

  it('synthesizes every env for both lifecycles', () => {
    expect(synth.strategy?.matrix).toEqual({ env: ENVIRONMENT_NAMES, lifecycle: [...LIFECYCLES] });
  });

  it('gives ephemeral synths a fixed buildId in the default form, valid in every env', () => {
    const expr = String(synth.env?.GOLDENPATH_BUILD_ID);
    const buildId = expr.match(/^\$\{\{ matrix\.lifecycle == 'ephemeral' && '([^']+)' \|\| '' \}\}$/)?.[1];
    expect(buildId).toMatch(DEFAULT_BUILD_ID_PATTERN);
    for (const name of ENVIRONMENT_NAMES) {
      const env = loadEnvironment(name);
      expect(isValidBuildId(buildId!, { name, baseDomain: env.dns.baseDomain })).toBe(true);
    }
  });
});
