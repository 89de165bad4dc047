import { DISPOSABLE_KINDS, disposableStackName, FOUNDATION_KINDS, foundationStackName } from '../../contract/naming';
import { SELECTION_VARIABLES } from '../../contract/parse-selection';
import { persistent } from '../../contract/selection';
import { ENVIRONMENT_NAMES } from '../../envs';
import { parseCdktf } from './support/invocation-checks';
import { expandVars, invocationsOf } from './support/shell-commands';
import { loadWorkflow } from './support/workflows';

const wf = loadWorkflow('deploy-environment.yml');
const job = wf.workflow.jobs.deploy!;
const steps = job.steps ?? [];

/** In step order: `deploy <stacks>`, `output <stacks>` and `preflight` (what the job does to the env). */
function actions(env: string): string[] {
  const values = { [SELECTION_VARIABLES.env]: env };
  return steps.flatMap((s) => [
    ...invocationsOf(s.run ?? '', 'cdktf')
      .map(parseCdktf)
      .filter((c) => c.stacks.length > 0)
      .map((c) => `${c.command} ${c.stacks.map((x) => expandVars(x, values)).join(' ')}`),
    ...invocationsOf(s.run ?? '', 'goldenpath').map((args) => args[0]!),
  ]);
}

describe('deploy-environment.yml', () => {
  it('is dispatched by hand with a choice of exactly the defined envs', () => {
    const input = (wf.workflow.on.workflow_dispatch as { inputs: { env: { type: string; options: string[] } } }).inputs.env;
    expect(input.type).toBe('choice');
    expect(input.options).toEqual(ENVIRONMENT_NAMES);
  });

  it('runs in the GitHub environment of the chosen env, for its approval rules', () => {
    expect(job.environment).toBe('${{ inputs.env }}');
  });

  it('deploys the persistent selection', () => {
    expect(job.env?.[SELECTION_VARIABLES.env]).toBe('${{ inputs.env }}');
    expect(job.env?.[SELECTION_VARIABLES.lifecycle]).toBe('persistent');
  });

  it.each(ENVIRONMENT_NAMES)('in %s: network, dns, database one by one, then preflight, the cluster, the platform preflight, the platform (each deploy timed into the ledger), the rows the bucket lacks pushed, then every output', (env) => {
    const foundation = FOUNDATION_KINDS.map((k) => foundationStackName(env, k));
    const [cluster, platform] = DISPOSABLE_KINDS.map((k) => disposableStackName(persistent(env), k));
    expect(actions(env)).toEqual([
      ...foundation.map((s) => `deploy ${s}`),
      'preflight',
      `deploy ${cluster}`,
      'ledger',
      'preflight',
      `deploy ${platform}`,
      'ledger',
      'ledger',
      `output ${[...foundation, cluster, platform].join(' ')}`,
    ]);
  });

  it('runs the platform preflight stage right before the platform', () => {
    const calls = steps.flatMap((s) => invocationsOf(s.run ?? '', 'goldenpath')).filter((c) => c[0] === 'preflight');
    expect(calls).toEqual([
      ['preflight', '--env', '$GOLDENPATH_ENV'],
      ['preflight', '--env', '$GOLDENPATH_ENV', '--stage', 'platform'],
    ]);
  });

  it('refuses an env without remote state before anything is deployed', () => {
    const facts = steps.findIndex((s) => s.run?.includes('ops/ci/env-facts.ts'));
    const firstDeploy = steps.findIndex((s) => invocationsOf(s.run ?? '', 'cdktf').some((a) => a[0] === 'deploy'));
    expect(steps[facts]?.run).toContain('--require-remote-state');
    expect(facts).toBeGreaterThanOrEqual(0);
    expect(facts).toBeLessThan(firstDeploy);
  });

  it('uploads the outputs file the output step writes', () => {
    const output = steps.flatMap((s) => invocationsOf(s.run ?? '', 'cdktf')).map(parseCdktf).find((c) => c.command === 'output');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(output?.options['--outputs-file']).toBe('$RUNNER_TEMP/outputs/$GOLDENPATH_ENV.json');
    expect(upload?.with?.path).toBe('${{ runner.temp }}/outputs/');
  });

  it('never runs two deploys of one env at once, and never cancels one', () => {
    expect(wf.workflow).toMatchObject({ concurrency: { group: 'deploy-environment-${{ inputs.env }}', 'cancel-in-progress': false } });
  });
});
