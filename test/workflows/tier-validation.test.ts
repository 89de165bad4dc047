import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStep } from './support/run-step';
import { invocationsOf } from './support/shell-commands';
import { loadWorkflow } from './support/workflows';

const wf = loadWorkflow('tier-validation.yml');
const job = wf.workflow.jobs.validate!;
const steps = job.steps ?? [];
const validate = steps.find((s) => s.id === 'validate')!;

describe('tier-validation.yml', () => {
  it('runs nightly and on demand for a chosen env', () => {
    expect([Object.keys(wf.workflow.on).sort(), (wf.workflow.on.schedule as { cron: string }[]).length]).toEqual([['schedule', 'workflow_dispatch'], 1]);
  });

  it('validates dev and staging on the schedule and the chosen env (prod included) by hand, one job each, none stopping the others', () => {
    expect(job.strategy).toEqual({
      'fail-fast': false,
      matrix: { env: `\${{ github.event_name == 'workflow_dispatch' && fromJSON(format('["{0}"]', inputs.env)) || fromJSON('["dev","staging"]') }}` },
    });
  });

  it('checks tiers 2 and 3 of the persistent cluster, bounded inside the job timeout', () => {
    const calls = steps.flatMap((s) => invocationsOf(s.run ?? '', 'goldenpath'));
    expect(calls).toEqual([['verify', '--env', '$GOLDENPATH_ENV', '--min-tier', '2', '--timeout', '$VALIDATION_TIMEOUT_S', '--json']]);
    expect(Number(job.env?.VALIDATION_TIMEOUT_S) / 60).toBeLessThan((job as { 'timeout-minutes': number })['timeout-minutes']);
  });

  it('assumes the read-only validation role from the env facts, never the deploy role or a repository variable', () => {
    const login = steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
    expect([login.with?.['role-to-assume'], /deploy_role|vars\./.test(JSON.stringify(steps))]).toEqual(['${{ steps.env.outputs.validation_role_arn }}', false]);
  });

  describe('report', () => {
    const goldenpath = (checks: object[], exit: number) => [`echo "$@" >> "$RUNNER_TEMP/goldenpath.log"`, `echo '${JSON.stringify({ checks })}'`, `exit ${exit}`].join('\n');
    const checks = [
      { check: 'app backstage (tier 2, wave 100)', ok: true, detail: 'sync Synced, health Healthy' },
      { check: 'app grafana (tier 2, wave 102)', ok: false, detail: 'sync Synced, health Degraded: Deployment grafana | exceeded its progress deadline' },
      { check: 'https://backstage.dev.goldenpathidp.io', ok: true, detail: 'https: HTTP 200; http: HTTP 301' },
    ];

    it('writes one row per app and hostname into the job summary and fails with verify\'s exit code, naming each failure', () => {
      const run = runStep(validate.run!, { GOLDENPATH_ENV: 'dev', VALIDATION_TIMEOUT_S: '900' }, { goldenpath: goldenpath(checks, 1) });
      expect([run.status, run.summary, run.stdout]).toEqual([
        1,
        expect.stringMatching(/\| app backstage \(tier 2, wave 100\) \| ok \|[\s\S]*\| app grafana \(tier 2, wave 102\) \| \*\*FAIL\*\* \| sync Synced, health Degraded: Deployment grafana \/ exceeded/),
        expect.stringContaining('::error::app grafana (tier 2, wave 102): sync Synced, health Degraded'),
      ]);
    });

    it('passes when every check passes', () => {
      const run = runStep(validate.run!, { GOLDENPATH_ENV: 'dev', VALIDATION_TIMEOUT_S: '900' }, { goldenpath: goldenpath([checks[0], checks[2]], 0) });
      expect([run.status, readFileSync(join(run.dir, 'goldenpath.log'), 'utf8').trim()]).toEqual([0, 'verify --env dev --min-tier 2 --timeout 900 --json']);
    });

    it('fails, saying so, when verify wrote no report', () => {
      const run = runStep(validate.run!, { GOLDENPATH_ENV: 'dev', VALIDATION_TIMEOUT_S: '900' }, { goldenpath: 'echo "cluster missing" >&2; exit 2' });
      expect([run.status, run.stdout]).toEqual([2, expect.stringContaining('::error::goldenpath verify wrote no report (exit 2)')]);
    });
  });
});
