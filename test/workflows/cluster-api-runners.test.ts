import { loadWorkflow, type Job } from './support/workflows';

type RunsOnJob = Job & { readonly 'runs-on'?: unknown };

/** Every job that talks to a cluster API (helm/kubernetes providers, verify, drain), and where its runs-on must come from. */
const API_JOBS: readonly { file: string; job: string; runsOn: string; from: { job: string; output: string; fact: string } }[] = [
  { file: 'ephemeral-build.yml', job: 'deploy', runsOn: '${{ fromJSON(needs.prepare.outputs.runner) }}', from: { job: 'prepare', output: 'runner', fact: 'runner_builds' } },
  { file: 'ephemeral-build.yml', job: 'verify', runsOn: '${{ fromJSON(needs.prepare.outputs.runner) }}', from: { job: 'prepare', output: 'runner', fact: 'runner_builds' } },
  { file: 'ephemeral-build.yml', job: 'teardown', runsOn: '${{ fromJSON(needs.prepare.outputs.runner) }}', from: { job: 'prepare', output: 'runner', fact: 'runner_builds' } },
  { file: 'deploy-environment.yml', job: 'deploy', runsOn: '${{ fromJSON(needs.runner.outputs.runner) }}', from: { job: 'runner', output: 'runner', fact: 'runner_persistent' } },
  { file: 'tier-validation.yml', job: 'validate', runsOn: '${{ fromJSON(needs.runners.outputs.by_env)[matrix.env] }}', from: { job: 'runners', output: 'by_env', fact: 'persistent_runners' } },
];

describe("the jobs that talk to a cluster API run on the env's cluster.apiAccess runner", () => {
  it.each(API_JOBS)('$file $job takes runs-on from $from.job, which reads $from.fact from env-facts', ({ file, job, runsOn, from }) => {
    const wf = loadWorkflow(file).workflow;
    const jobs = wf.jobs as Record<string, RunsOnJob>;
    expect(jobs[job]?.['runs-on']).toBe(runsOn);
    expect([jobs[job]?.needs].flat()).toContain(from.job);
    const source = jobs[from.job]!;
    const output = source.outputs?.[from.output];
    const step = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output ?? '');
    expect(step?.[2]).toBe(from.fact);
    const producer = source.steps?.find((s) => s.id === step?.[1]);
    expect(producer?.run).toMatch(/node --import tsx ops\/ci\/env-facts\.ts .*>> "\$GITHUB_OUTPUT"/);
  });

  it("runs the build's runner preflight in the deploy job before the cluster is deployed", () => {
    const steps = loadWorkflow('ephemeral-build.yml').workflow.jobs.deploy!.steps ?? [];
    const preflight = steps.findIndex((s) => /goldenpath preflight .*--stage runner/.test(s.run ?? ''));
    const cluster = steps.findIndex((s) => /cdktf deploy "\$GOLDENPATH_ENV-b-\$GOLDENPATH_BUILD_ID-cluster"/.test(s.run ?? ''));
    expect(preflight).toBeGreaterThanOrEqual(0);
    expect(preflight).toBeLessThan(cluster);
  });

  it('keeps the jobs that only read env definitions on a GitHub-hosted runner without AWS credentials', () => {
    for (const [file, job] of [['deploy-environment.yml', 'runner'], ['tier-validation.yml', 'runners']] as const) {
      const j = loadWorkflow(file).workflow.jobs[job] as RunsOnJob;
      expect(j['runs-on']).toBe('ubuntu-24.04');
      expect(j.permissions).toEqual({ contents: 'read' });
    }
  });
});
