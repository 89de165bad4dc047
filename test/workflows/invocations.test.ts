import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DISPOSABLE_KINDS, disposableStackName, FOUNDATION_KINDS, foundationStackName } from '../../contract/naming';
import { SELECTION_VARIABLES } from '../../contract/parse-selection';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { ENVIRONMENT_NAMES } from '../../envs';
import { goldenpathProblem, parseCdktf } from './support/invocation-checks';
import { expandVars, invocationsOf } from './support/shell-commands';
import { literalVar, loadWorkflows, REPO, stepsOf } from './support/workflows';

const SAMPLE_BUILD_ID = '26-01-23-07';

const steps = loadWorkflows().flatMap((wf) => stepsOf(wf).map((s) => ({ ...s, wf })));
const goldenpathCalls = steps.flatMap((s) => invocationsOf(s.step.run ?? '', 'goldenpath').map((args) => ({ ...s, args })));
const cdktfCalls = steps.flatMap((s) => invocationsOf(s.step.run ?? '', 'cdktf').map((args) => ({ ...s, args })));

/** Every stack the program composes for a selection: the env's foundation and the selection's cluster and platform. */
function composedStacks(selection: Selection): string[] {
  return [...FOUNDATION_KINDS.map((k) => foundationStackName(selection.env, k)), ...DISPOSABLE_KINDS.map((k) => disposableStackName(selection, k))];
}

describe('goldenpath invocations', () => {
  it('are found in the workflows (preflight, builds, teardown, orphans, ledger, verify)', () => {
    expect(new Set(goldenpathCalls.map((c) => c.args[0]))).toEqual(new Set(['preflight', 'builds', 'teardown', 'orphans', 'ledger', 'verify']));
  });

  it.each(goldenpathCalls.map((c) => [`${c.where}: goldenpath ${c.args.join(' ')}`, c.args] as const))('%s parses with the ops/ program', async (_title, args) => {
    expect(await goldenpathProblem(args)).toBeUndefined();
  });

  it('the check reports an unknown option', async () => {
    expect(await goldenpathProblem(['orphans', '--env', 'dev', '--expired', '--force'])).toMatch(/unknown option '--force'/);
  });

  it('the check reports a missing required option', async () => {
    expect(await goldenpathProblem(['teardown', '--env', 'dev', '--yes'])).toMatch(/--build-id/);
  });

  it('the check reports an unknown command', async () => {
    expect(await goldenpathProblem(['deploy', '--env', 'dev'])).toMatch(/unknown command 'deploy'/);
  });
});

describe('cdktf invocations', () => {
  it('are found in the workflows (deploy, output): synth is npm run synth, not the cdktf CLI', () => {
    expect(new Set(cdktfCalls.map((c) => c.args[0]))).toEqual(new Set(['deploy', 'output']));
  });

  it.each(cdktfCalls.map((c) => [`${c.where}: cdktf ${c.args.join(' ')}`, c] as const))('%s reuses the job synth (--skip-synth after npm run synth)', (_title, call) => {
    expect(call.args).toContain('--skip-synth');
    const jobSteps = steps.filter((s) => s.wf === call.wf && s.job === call.job);
    const synthAt = jobSteps.findIndex((s) => invocationsOf(s.step.run ?? '', 'npm').some((args) => args[0] === 'run' && args[1] === 'synth'));
    expect(synthAt).toBeGreaterThanOrEqual(0);
    expect(synthAt).toBeLessThanOrEqual(jobSteps.findIndex((s) => s.step === call.step));
  });

  it.each(cdktfCalls.map((c) => [`${c.where}: cdktf ${c.args.join(' ')}`, c.args] as const))('%s is a known command with known options', (_title, args) => {
    expect(() => parseCdktf(args)).not.toThrow();
  });

  it.each(cdktfCalls.filter((c) => parseCdktf(c.args).stacks.length > 0).map((c) => [`${c.where}: cdktf ${c.args.join(' ')}`, c] as const))(
    '%s names only stacks the program composes for the job selection, in every env',
    (_title, call) => {
      const lifecycle = literalVar(call.wf.workflow, call.job, call.step, SELECTION_VARIABLES.lifecycle);
      expect(['persistent', 'ephemeral']).toContain(lifecycle);
      for (const env of ENVIRONMENT_NAMES) {
        const selection = lifecycle === 'ephemeral' ? ephemeral(env, SAMPLE_BUILD_ID) : persistent(env);
        const values = { [SELECTION_VARIABLES.env]: env, [SELECTION_VARIABLES.buildId]: SAMPLE_BUILD_ID };
        for (const stack of parseCdktf(call.args).stacks) expect(composedStacks(selection)).toContain(expandVars(stack, values));
      }
    },
  );

  it('the check rejects an unknown option', () => {
    expect(() => parseCdktf(['deploy', 'dev-network', '--auto-approve', '--yes'])).toThrow(/unknown option --yes/);
  });

  it('the check rejects a deploy or destroy that would wait for a prompt', () => {
    expect(() => parseCdktf(['destroy', 'dev-cluster'])).toThrow(/--auto-approve/);
  });

  it('the check rejects an option missing its value', () => {
    expect(() => parseCdktf(['output', 'dev-cluster', '--outputs-file'])).toThrow(/--outputs-file needs a value/);
  });

  it('a stack name the program does not compose is caught', () => {
    const name = expandVars('$GOLDENPATH_ENV-b-$GOLDENPATH_BUILD_ID-clusters', { GOLDENPATH_ENV: 'dev', GOLDENPATH_BUILD_ID: SAMPLE_BUILD_ID });
    expect(composedStacks(ephemeral('dev', SAMPLE_BUILD_ID))).not.toContain(name);
  });
});

describe('node scripts', () => {
  const scripts = steps.flatMap((s) => invocationsOf(s.step.run ?? '', 'node').map((args) => ({ ...s, args })));

  it.each(scripts.map((c) => [`${c.where}: node ${c.args.join(' ')}`, c.args] as const))('%s runs a file of the repository through tsx', (_title, args) => {
    expect(args.slice(0, 2)).toEqual(['--import', 'tsx']);
    expect(existsSync(join(REPO, args[2]!))).toBe(true);
  });
});
