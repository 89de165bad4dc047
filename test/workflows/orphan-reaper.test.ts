import { ENVIRONMENT_NAMES } from '../../envs';
import { runStep } from './support/run-step';
import { invocationsOf } from './support/shell-commands';
import { loadWorkflow } from './support/workflows';

const wf = loadWorkflow('orphan-reaper.yml');
const job = wf.workflow.jobs.reap!;
const steps = job.steps ?? [];

describe('orphan-reaper.yml', () => {
  it('runs nightly and on demand', () => {
    expect(wf.workflow.on).toEqual({ schedule: [{ cron: '17 3 * * *' }], workflow_dispatch: null });
  });

  it('sweeps every defined env, one matrix job each, none stopping the others', () => {
    expect(job.strategy).toEqual({ 'fail-fast': false, matrix: { env: ENVIRONMENT_NAMES } });
    expect(job.env?.GOLDENPATH_ENV).toBe('${{ matrix.env }}');
  });

  it('deletes the resources of expired builds without a prompt and reports them as JSON, then pushes the ledger rows the bucket lacks', () => {
    const calls = steps.flatMap((s) => invocationsOf(s.run ?? '', 'goldenpath'));
    expect(calls).toEqual([
      ['orphans', '--env', '$GOLDENPATH_ENV', '--expired', '--delete', '--yes', '--json'],
      ['ledger', 'push', '--env', '$GOLDENPATH_ENV'],
    ]);
    expect(steps.find((s) => s.run?.includes('ledger push'))?.if).toBe('always()');
  });

  it('writes the report into the job summary even when the sweep failed', () => {
    const summary = steps.find((s) => s.run?.includes('$GITHUB_STEP_SUMMARY'));
    expect(summary?.if).toBe('always()');
    expect(summary?.run).toContain('reaper.json');
  });

  describe('job summary', () => {
    const summary = steps.find((s) => s.name === 'Job summary')!.run!;
    const report = (builds: unknown[]) => ({ 'reports/reaper.json': JSON.stringify({ env: 'dev', mode: 'delete', builds }) });

    it('says so when no build had expired', () => {
      expect(runStep(summary, { GOLDENPATH_ENV: 'dev' }, {}, report([])).summary).toContain('no expired builds');
    });

    it('tabulates each reaped build and lists every deletion with its outcome', () => {
      const run = runStep(
        summary,
        { GOLDENPATH_ENV: 'dev' },
        {},
        report([{ buildId: '26-01-20-03', deleted: 1, left: 1, outcomes: [{ kind: 'iam-role', id: 'goldenpath-dev-b-26-01-20-03-loki', status: 'failed', error: 'DeleteConflict' }] }]),
      );
      expect(run.summary).toContain('| `26-01-20-03` | 1 | 1 |');
      expect(run.summary).toContain('- `26-01-20-03` iam-role `goldenpath-dev-b-26-01-20-03-loki`: failed (DeleteConflict)');
    });

    it('says the reaper wrote no report when it failed before one', () => {
      expect(runStep(summary, { GOLDENPATH_ENV: 'dev' }, {}).summary).toContain('the reaper wrote no report');
    });
  });
});
