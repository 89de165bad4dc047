import { CI_ROLE_KEYS, type CiRoleKey } from '../../contract/ci/names';
import { CI_LONGEST_JOB_MINUTES } from '../../contract/ci/sessions';
import { CI_ROLE_WORKFLOWS } from '../../contract/ci/workflows';
import { loadWorkflows, type Job, type Step } from './support/workflows';

/** Every job that logs in to AWS, with the role it assumes (the `<key>_role_arn` fact of ops/ci/env-facts.ts). */
const logins = loadWorkflows().flatMap((wf) =>
  Object.entries(wf.workflow.jobs).flatMap(([jobId, job]) =>
    (job.steps ?? [])
      .filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))
      .map((step) => ({ file: wf.file, on: wf.workflow.on, jobId, job, step, role: /\b(\w+)_role_arn\b/.exec(String(step.with?.['role-to-assume']))?.[1] as CiRoleKey | undefined })),
  ),
);
const where = (l: { file: string; jobId: string }) => `${l.file} ${l.jobId}`;
const timeoutOf = (job: Job) => (job as Job & { 'timeout-minutes'?: number })['timeout-minutes'];
const duration = (step: Step) => String(step.with?.['role-duration-seconds']);

/** The triggers each role's trust admits (contract/ci/ci-roles.ts trustedCallers). */
const TRIGGERS: Record<CiRoleKey, readonly string[]> = {
  deploy: ['workflow_dispatch'],
  build: ['pull_request', 'workflow_dispatch'],
  reaper: ['schedule', 'workflow_dispatch'],
  validation: ['schedule', 'workflow_dispatch'],
};

describe('the CI role each job assumes', () => {
  it('finds the AWS logins (a sanity check of the scan)', () => {
    expect(new Set(logins.map((l) => l.role))).toEqual(new Set(CI_ROLE_KEYS));
  });

  it.each(logins.map((l) => [where(l), l] as const))('%s takes its role from an env-facts step that refuses example values', (_w, l) => {
    const wf = loadWorkflows().find((w) => w.file === l.file)!;
    // `needs.prepare.outputs.x` is the prepare job's `steps.env.outputs.x`.
    const [, jobOfFacts] = /^\$\{\{ (?:steps\.env|needs\.(\w+))\.outputs\.\w+ \}\}$/.exec(String(l.step.with?.['role-to-assume'])) ?? [];
    const factsJob = jobOfFacts === undefined ? l.job : wf.workflow.jobs[jobOfFacts]!;
    if (jobOfFacts !== undefined) expect(factsJob.outputs?.[`${l.role}_role_arn`]).toBe(`\${{ steps.env.outputs.${l.role}_role_arn }}`);
    const facts = (factsJob.steps ?? []).find((s) => s.id === 'env');
    expect(facts?.run).toMatch(/^node --import tsx ops\/ci\/env-facts\.ts --env "\$GOLDENPATH_ENV" .*--refuse-example-values.* >> "\$GITHUB_OUTPUT"$/);
  });

  it.each(logins.map((l) => [where(l), l] as const))('%s assumes a CI role of the env, read from its definition', (_w, l) => {
    expect(CI_ROLE_KEYS).toContain(l.role);
    expect(String(l.step.with?.['role-to-assume'])).toMatch(/^\$\{\{ (steps\.env|needs\.prepare)\.outputs\.\w+_role_arn \}\}$/);
  });

  it.each(logins.map((l) => [where(l), l] as const))('%s assumes only the role pinned to its workflow file', (_w, l) => {
    expect(CI_ROLE_WORKFLOWS[l.role!]).toBe(l.file);
  });

  it.each(logins.map((l) => [where(l), l] as const))("%s runs on exactly the triggers its role's trust admits", (_w, l) => {
    expect(Object.keys(l.on).sort()).toEqual([...TRIGGERS[l.role!]].sort());
  });

  it.each(logins.map((l) => [where(l), l] as const))('%s declares the GitHub environment exactly when it assumes the deploy role', (_w, l) => {
    if (l.role === 'deploy') expect(l.job.environment).toBe('${{ inputs.env }}');
    else expect(l.job.environment).toBeUndefined();
  });

  it.each(logins.map((l) => [where(l), l] as const))("%s asks for its role's session length and never outlives it", (_w, l) => {
    expect(duration(l.step)).toMatch(new RegExp(`\\.outputs\\.${l.role}_role_duration_seconds \\}\\}$`));
    expect(timeoutOf(l.job)).toBeDefined();
    expect(timeoutOf(l.job)!).toBeLessThanOrEqual(CI_LONGEST_JOB_MINUTES[l.role!]);
  });

  it('lets pull requests reach only the build role', () => {
    expect([...new Set(logins.filter((l) => 'pull_request' in l.on).map((l) => l.role))]).toEqual(['build']);
  });
});
