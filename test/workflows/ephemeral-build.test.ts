import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BUILD_ID_PATTERN, isValidBuildId } from '../../contract/build-id';
import { buildExpiresAt } from '../../contract/expiry';
import { disposableStackName } from '../../contract/naming';
import { SELECTION_VARIABLES } from '../../contract/parse-selection';
import { ephemeral } from '../../contract/selection';
import { ENVIRONMENT_NAMES, loadEnvironment } from '../../envs';
import { parseCdktf } from './support/invocation-checks';
import { runStep } from './support/run-step';
import { expandVars, invocationsOf } from './support/shell-commands';
import { loadWorkflow, needsOf, type Step } from './support/workflows';

const wf = loadWorkflow('ephemeral-build.yml');
const { prepare, deploy, verify, teardown } = wf.workflow.jobs;

function step(steps: readonly Step[] | undefined, id: string): Step {
  const found = (steps ?? []).find((s) => s.id === id);
  if (found?.run === undefined) throw new Error(`no run step with id ${id}`);
  return found;
}

describe('ephemeral-build.yml triggers and selection', () => {
  it('starts on the ephemeral-build label or by hand with a choice of the defined envs', () => {
    expect(wf.workflow.on.pull_request).toEqual({ types: ['labeled'] });
    const input = (wf.workflow.on.workflow_dispatch as { inputs: { env: { options: string[]; default: string } } }).inputs.env;
    expect(input.options).toEqual(ENVIRONMENT_NAMES);
    expect(prepare?.if).toBe("github.event_name == 'workflow_dispatch' || github.event.label.name == 'ephemeral-build'");
  });

  it('selects the ephemeral lifecycle of the chosen env (dev for a label)', () => {
    expect(wf.workflow.env).toMatchObject({ [SELECTION_VARIABLES.env]: "${{ inputs.env || 'dev' }}", [SELECTION_VARIABLES.lifecycle]: 'ephemeral' });
  });

  it('gives every job that synthesizes the buildId and its start time', () => {
    for (const job of [deploy, teardown]) {
      expect(job?.env).toMatchObject({
        [SELECTION_VARIABLES.buildId]: '${{ needs.prepare.outputs.build_id }}',
        [SELECTION_VARIABLES.buildStartedAt]: '${{ needs.prepare.outputs.started_at }}',
      });
    }
  });

  it("deploys only the build's cluster then platform, never a foundational stack", () => {
    for (const env of ENVIRONMENT_NAMES) {
      const sel = ephemeral(env, '26-01-23-07');
      const deployed = (deploy?.steps ?? [])
        .flatMap((s) => invocationsOf(s.run ?? '', 'cdktf'))
        .map(parseCdktf)
        .filter((c) => c.command === 'deploy')
        .flatMap((c) => c.stacks.map((x) => expandVars(x, { GOLDENPATH_ENV: env, GOLDENPATH_BUILD_ID: '26-01-23-07' })));
      expect(deployed).toEqual([disposableStackName(sel, 'cluster'), disposableStackName(sel, 'platform')]);
    }
  });

  it('serializes the deploy and the teardown of one build, keyed by env and buildId, never cancelling', () => {
    const group = "ephemeral-build-${{ inputs.env || 'dev' }}-${{ needs.prepare.outputs.build_id }}";
    expect(deploy?.concurrency).toEqual({ group, 'cancel-in-progress': false });
    expect(teardown?.concurrency).toEqual({ group, 'cancel-in-progress': false });
  });
});

describe('ephemeral-build.yml build id', () => {
  const script = step(prepare?.steps, 'build-id').run!;
  const builds = (ids: string[], exit = 0) => `echo '${JSON.stringify({ builds: ids.map((buildId) => ({ buildId })) })}'; exit ${exit}`;
  const today = () => {
    const d = new Date();
    return `${String(d.getUTCFullYear() % 100).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  };

  it('is YY-MM-DD-NN with NN the run number mod 100, valid in every env, with the start time', () => {
    const run = runStep(script, { GITHUB_RUN_NUMBER: '342', GOLDENPATH_ENV: 'dev' }, { goldenpath: builds([]) });
    expect(run.status).toBe(0);
    expect(run.outputs.build_id).toMatch(DEFAULT_BUILD_ID_PATTERN);
    expect(run.outputs.build_id!.endsWith('-42')).toBe(true);
    expect(run.outputs.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    for (const name of ENVIRONMENT_NAMES) expect(isValidBuildId(run.outputs.build_id!, { name, baseDomain: loadEnvironment(name).dns.baseDomain })).toBe(true);
  });

  it('records a start time the contract turns into expires-at (start + the env TTL)', () => {
    const run = runStep(script, { GITHUB_RUN_NUMBER: '7', GOLDENPATH_ENV: 'dev' }, { goldenpath: builds([]) });
    const ttl = loadEnvironment('dev').ephemeral.ttlHours;
    const expected = new Date(Date.parse(run.outputs.started_at!) + ttl * 3_600_000).toISOString().replace('.000Z', 'Z');
    expect(buildExpiresAt(run.outputs.build_id!, ttl, run.outputs.started_at)).toBe(expected);
  });

  it('moves on to the next NN while an id is live, wrapping past 99', () => {
    const day = today();
    const run = runStep(script, { GITHUB_RUN_NUMBER: '198', GOLDENPATH_ENV: 'dev' }, { goldenpath: builds([`${day}-98`, `${day}-99`, `${day}-00`]) });
    expect(run.outputs.build_id).toBe(`${day}-01`);
  });

  it('asks the CLI for the live builds of the env it deploys to', () => {
    const run = runStep(script, { GITHUB_RUN_NUMBER: '1', GOLDENPATH_ENV: 'staging' }, { goldenpath: `echo "$@" > "$RUNNER_TEMP/args"; ${builds([])}` });
    expect(readFileSync(join(run.dir, 'args'), 'utf8').trim()).toBe('builds --env staging --json');
  });

  it('tolerates the exit code for expired builds (1) but fails on any other', () => {
    expect(runStep(script, { GITHUB_RUN_NUMBER: '5', GOLDENPATH_ENV: 'dev' }, { goldenpath: builds([], 1) }).status).toBe(0);
    const failed = runStep(script, { GITHUB_RUN_NUMBER: '5', GOLDENPATH_ENV: 'dev' }, { goldenpath: builds([], 3) });
    expect(failed.status).toBe(3);
    expect(failed.outputs.build_id).toBeUndefined();
  });

  it('fails, naming the fix, when all 100 ids of the day are live', () => {
    const day = today();
    const all = Array.from({ length: 100 }, (_, n) => `${day}-${String(n).padStart(2, '0')}`);
    const run = runStep(script, { GITHUB_RUN_NUMBER: '5', GOLDENPATH_ENV: 'dev' }, { goldenpath: builds(all) });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/every build id of .* is live in env dev; run the orphan reaper/);
  });

  it('is checked by preflight (not live, capacity, foundation) before any deploy', () => {
    const preflight = (prepare?.steps ?? []).flatMap((s) => invocationsOf(s.run ?? '', 'goldenpath')).find((a) => a[0] === 'preflight');
    expect(preflight).toEqual(['preflight', '--env', '$GOLDENPATH_ENV', '--build-id', '$GOLDENPATH_BUILD_ID']);
    expect(needsOf(deploy!)).toEqual(['prepare']);
  });
});

describe('ephemeral-build.yml verify', () => {
  const health = step(verify?.steps, 'health');
  const vars = { ...(verify?.env as Record<string, string>), GOLDENPATH_ENV: 'dev', GOLDENPATH_BUILD_ID: '26-01-23-07', HEALTH_DEADLINE_S: '1800' };
  /** A goldenpath that logs its arguments and reports the given checks with the given exit code. */
  const goldenpath = (checks: { check: string; ok: boolean; detail: string }[], exit: number) =>
    [`echo "$@" >> "$RUNNER_TEMP/goldenpath.log"`, `echo '${JSON.stringify({ ok: exit === 0, checks })}'`, `exit ${exit}`].join('\n');
  const passed = [
    { check: 'nodes Ready', ok: true, detail: '2/2' },
    { check: 'app grafana (tier 1.5, wave 52)', ok: true, detail: 'sync Synced, health Healthy' },
    { check: 'https://argocd.b-26-01-23-07.dev.goldenpathidp.io', ok: true, detail: 'https: HTTP 200; http: HTTP 301' },
    { check: 'https://grafana.b-26-01-23-07.dev.goldenpathidp.io', ok: true, detail: 'https: HTTP 200; http: HTTP 301' },
  ];

  it("checks every app the build selects, tier 1.5 included, and HTTPS, with goldenpath verify bounded by the job's deadline", () => {
    const run = runStep(health.run!, vars, { goldenpath: goldenpath(passed, 0) });
    expect(readFileSync(join(run.dir, 'goldenpath.log'), 'utf8').trim()).toBe('verify --env dev --build-id 26-01-23-07 --timeout 1800 --json');
  });

  it('passes on a healthy build and hands on the hostnames it checked and the timings', () => {
    const run = runStep(health.run!, vars, { goldenpath: goldenpath(passed, 0) });
    expect([run.status, run.outputs.hostnames, run.outputs.seconds, run.outputs.started_at, run.outputs.ended_at]).toEqual([
      0,
      'argocd.b-26-01-23-07.dev.goldenpathidp.io grafana.b-26-01-23-07.dev.goldenpathidp.io',
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/Z$/),
      expect.stringMatching(/Z$/),
    ]);
  });

  it('fails with the exit code of verify, printing each failed check (an app, a hostname)', () => {
    const checks = [...passed.slice(0, 1), { check: 'app kong (tier 1, wave 30)', ok: false, detail: 'sync Synced, health Degraded' }, { check: 'https://grafana.b-26-01-23-07.dev.goldenpathidp.io', ok: false, detail: 'https: ERR_TLS_CERT_ALTNAME_INVALID' }];
    const run = runStep(health.run!, vars, { goldenpath: goldenpath(checks, 1) });
    expect([run.status, run.stdout]).toEqual([1, expect.stringMatching(/FAIL app kong \(tier 1, wave 30\): sync Synced, health Degraded[\s\S]*FAIL https:\/\/grafana.*ERR_TLS_CERT_ALTNAME_INVALID/)]);
    expect(run.outputs.ended_at).toMatch(/Z$/);
  });

  it("still fails, with verify's exit code, when verify wrote no report", () => {
    expect(runStep(health.run!, vars, { goldenpath: 'exit 7' }).status).toBe(7);
  });

  it('is bounded twice: the verify timeout inside the job timeout', () => {
    expect(Number((verify?.env as Record<string, string>).HEALTH_DEADLINE_S) / 60).toBeLessThan((verify as { 'timeout-minutes': number })['timeout-minutes']);
  });

  it("runs the platform preflight between the build's cluster and its platform", () => {
    const names = (deploy?.steps ?? []).map((s) => s.name ?? '');
    const at = (name: string) => names.indexOf(name);
    expect([at("Deploy the build's cluster") < at('Platform preflight'), at('Platform preflight') < at("Deploy the build's platform")]).toEqual([true, true]);
  });
});

describe('ephemeral-build.yml ledger phases', () => {
  const deploySteps = wf.workflow.jobs.deploy?.steps ?? [];
  it.each(['deploy-cluster', 'deploy-platform'])('times %s into the ledger whether the deploy fails or not, and keeps its exit code', (phase) => {
    const step = deploySteps.find((s) => (s.run ?? '').includes(`--phase ${phase}`))!;
    const run = step.run ?? '';
    expect(run).toMatch(/npx cdktf deploy .* \|\| status=\$\?/);
    expect(run.trim().split('\n').pop()).toBe('exit "$status"');
  });

  it('puts the CLI on PATH in the deploy job before the deploys', () => {
    const names = deploySteps.map((s) => s.name);
    expect(names.indexOf('Put the goldenpath CLI on PATH')).toBeLessThan(names.indexOf("Deploy the build's cluster"));
    expect(names.indexOf('Put the goldenpath CLI on PATH')).toBeGreaterThan(-1);
  });

  it('hands the health check start and end to the teardown job', () => {
    expect(wf.workflow.jobs.verify?.outputs).toMatchObject({ health_started_at: '${{ steps.health.outputs.started_at }}', health_ended_at: '${{ steps.health.outputs.ended_at }}' });
  });
});

describe('ephemeral-build.yml teardown', () => {
  it('waits for every other job and runs whatever they did, once preflight passed the build id', () => {
    expect(needsOf(teardown!)).toEqual(['prepare', 'deploy', 'verify']);
    expect(teardown?.if).toBe("always() && needs.prepare.result == 'success'");
  });

  it('runs every step under always(), so a failed or cancelled step before it cannot skip cleanup', () => {
    for (const s of teardown?.steps ?? []) expect(s.if).toMatch(/^always\(\)( && |$)/);
  });

  it('records the health check, tears down, then sweeps orphans, pushes the rows the bucket lacks, then reads the shared ledger, all for this build', () => {
    const calls = (teardown?.steps ?? []).flatMap((s) => invocationsOf(s.run ?? '', 'goldenpath'));
    expect(calls).toEqual([
      ['ledger', 'record', '--env', '$GOLDENPATH_ENV', '--build-id', '$GOLDENPATH_BUILD_ID', '--phase', 'health', '--start', '$HEALTH_STARTED_AT', '--end', '$HEALTH_ENDED_AT', '--exit-code', '$status'],
      ['teardown', '--env', '$GOLDENPATH_ENV', '--build-id', '$GOLDENPATH_BUILD_ID', '--yes', '--json'],
      ['orphans', '--env', '$GOLDENPATH_ENV', '--build-id', '$GOLDENPATH_BUILD_ID', '--delete', '--yes', '--json'],
      ['ledger', 'push', '--env', '$GOLDENPATH_ENV'],
      ['ledger', '--env', '$GOLDENPATH_ENV', '--since', '30d', '--last', '100', '--json'],
    ]);
  });

  it("pushes the deploy job's ledger rows the bucket lacks before its runner goes, whatever the deploy's outcome", () => {
    const push = (deploy?.steps ?? []).find((s) => invocationsOf(s.run ?? '', 'goldenpath').some((c) => c[0] === 'ledger' && c[1] === 'push'));
    expect(push?.if).toBe('always()');
  });

  it('keeps the ledger and the JSON reports as an artifact', () => {
    const upload = (teardown?.steps ?? []).find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path)).toContain('.goldenpath/');
    expect(String(upload?.with?.path)).toContain('${{ runner.temp }}/reports/');
  });

  describe('job summary', () => {
    const summaryStep = (teardown?.steps ?? []).find((s) => s.name === 'Job summary')!;
    const vars = {
      GOLDENPATH_ENV: 'dev',
      GOLDENPATH_BUILD_ID: '26-01-23-07',
      BUILD_STARTED_AT: '2026-01-23T10:00:00Z',
      HOST_SUFFIX: 'b-26-01-23-07.dev.goldenpathidp.io',
      HOSTNAMES: 'argocd.b-26-01-23-07.dev.goldenpathidp.io grafana.b-26-01-23-07.dev.goldenpathidp.io',
      DEPLOY_RESULT: 'success',
      DEPLOY_SECONDS: '1312',
      VERIFY_RESULT: 'success',
      HEALTHY_SECONDS: '418',
    };
    const reports = {
      'reports/teardown.json': JSON.stringify({ env: 'dev', buildId: '26-01-23-07', completed: ['drain', 'destroy-platform', 'destroy-cluster', 'orphans'], remaining: [], resourcesDeleted: 3, resourcesLeft: 0 }),
      'reports/orphans.json': JSON.stringify({
        env: 'dev',
        mode: 'delete',
        builds: [{ buildId: '26-01-23-07', deleted: 1, left: 0, outcomes: [{ kind: 'ebs-volume', id: 'vol-0abc', status: 'deleted', attempts: 1 }] }],
      }),
      'reports/ledger.csv': [
        'start_utc,end_utc,phase,env,build_id,duration_s,exit_code,resources_deleted,resources_left,run_url',
        '2026-01-23T11:00:00Z,2026-01-23T11:20:00Z,teardown,dev,26-01-23-07,1200.000,0,3,0,',
        '2026-01-23T11:20:00Z,2026-01-23T11:21:00Z,orphans,dev,26-01-23-07,60.000,0,1,0,',
        '2026-01-22T11:20:00Z,2026-01-22T11:21:00Z,orphans,dev,26-01-22-01,60.000,0,1,0,',
        '',
      ].join('\n'),
    };

    it("lists the build's hostnames", () => {
      const run = runStep(summaryStep.run!, vars, {}, reports);
      expect(run.status).toBe(0);
      expect(run.summary).toContain('- `argocd.b-26-01-23-07.dev.goldenpathidp.io`');
      expect(run.summary).toContain('- `grafana.b-26-01-23-07.dev.goldenpathidp.io`');
    });

    it("takes this build's rows from the env's shared ledger, which holds the deploy job's rows too", () => {
      const shared = JSON.stringify({
        builds: [
          { buildId: '26-01-23-07', phases: [{ phase: 'deploy-cluster', durationS: 900, exitCode: 0 }, { phase: 'teardown', durationS: 1200, exitCode: 0 }] },
          { buildId: '26-01-22-01', phases: [{ phase: 'orphans', durationS: 60, exitCode: 0 }] },
        ],
      });
      const { summary } = runStep(summaryStep.run!, vars, {}, { ...reports, 'reports/ledger-summary.json': shared });
      expect(summary).toContain('| deploy-cluster | exit 0 | 900 |');
      expect(summary).toContain('| teardown | exit 0 | 1200 |');
      expect(summary).not.toContain('| orphans | exit 0 | 60');
    });

    it("gives the timings of deploy, health and this build's ledger rows only (from this runner's cache when the shared ledger could not be read)", () => {
      const { summary } = runStep(summaryStep.run!, vars, {}, reports);
      expect(summary).toContain('| deploy | success | 1312 |');
      expect(summary).toContain('| tier 0-1.5 health and HTTPS | success | 418 |');
      expect(summary).toContain('| teardown | exit 0 | 1200.000 |');
      expect(summary).toContain('| orphans | exit 0 | 60.000 |');
      expect(summary).not.toContain('26-01-22-01');
    });

    it('says what teardown and orphan cleanup removed', () => {
      const { summary } = runStep(summaryStep.run!, vars, {}, reports);
      expect(summary).toContain('teardown: completed drain, destroy-platform, destroy-cluster, orphans; remaining none; deleted 3, left 0');
      expect(summary).toContain('orphan cleanup: deleted 1, left 0');
      expect(summary).toContain('- ebs-volume `vol-0abc`: deleted');
    });

    it('still writes a summary, saying what is missing, when the build failed before any report', () => {
      const run = runStep(summaryStep.run!, { ...vars, HOSTNAMES: '', DEPLOY_RESULT: 'failure', DEPLOY_SECONDS: '', VERIFY_RESULT: 'skipped', HEALTHY_SECONDS: '' }, {});
      expect(run.status).toBe(0);
      expect(run.summary).toContain('none recorded');
      expect(run.summary).toContain('| deploy | failure | - |');
      expect(run.summary).toContain('teardown wrote no report');
    });
  });
});
