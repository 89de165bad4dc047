import { DEFAULT_BUILD_ID_PATTERN, isValidBuildId } from '../../contract/build-id';
import { LIFECYCLES } from '../../contract/lifecycle';
import { VERSIONS } from '../../contract/versions';
import { ENVIRONMENT_NAMES, loadEnvironment } from '../../envs';
import { MIRROR_ENV } from '../support/terraform';
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

  it('mirrors exactly the AWS provider of the version manifest', () => {
    expect(check.env?.AWS_PROVIDER_VERSION).toBe(VERSIONS.providers.aws);
    const mirror = (check.steps ?? []).find((s) => s.run?.includes('providers mirror'));
    expect(mirror?.run).toContain('source  = "hashicorp/aws"');
    expect(mirror?.run).toContain('version = "%s"');
    expect(mirror?.run).toContain('"$AWS_PROVIDER_VERSION"');
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
