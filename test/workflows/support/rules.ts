import { invocationsOf } from './shell-commands';
import { needsOf, stepsOf, type Job, type Step, type WorkflowFile } from './workflows';

/** Each rule returns its findings; an empty list means the workflow keeps it. */
export type Rule = (wf: WorkflowFile) => string[];

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const AWS_CREDENTIALS_ACTION = 'aws-actions/configure-aws-credentials@';

function usesAction(step: Step, action: string): boolean {
  return step.uses?.startsWith(action) === true;
}

function hasAlways(condition: string | undefined): boolean {
  return condition !== undefined && /(^|[^\w.])always\(\)/.test(condition);
}

export const everyActionPinnedBySha: Rule = (wf) =>
  stepsOf(wf)
    .filter(({ step }) => step.uses !== undefined && !PINNED.test(step.uses))
    .map(({ where, step }) => `${where}: uses "${step.uses}", not a full 40-hex commit SHA`);

/** A reader sees which release a SHA is: `uses: owner/action@<sha> # vX.Y.Z`. */
export const pinnedActionsNameTheirVersion: Rule = (wf) =>
  wf.text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => /^\s*(-\s+)?uses:/.test(line) && !/@[0-9a-f]{40} # v\d+(\.\d+)*\s*$/.test(line))
    .map(({ line, n }) => `${wf.file}:${n}: "${line.trim()}" lacks "# vX.Y.Z" after its SHA`);

/** Inputs, outputs and event data reach scripts through env, never spliced into the script text (script injection). */
export const scriptsTakeNoExpressions: Rule = (wf) =>
  stepsOf(wf)
    .filter(({ step }) => step.run?.includes('${{') === true)
    .map(({ where }) => `${where}: \${{ }} inside run:; pass the value through the step's env`);

export const topLevelPermissionsAreMinimal: Rule = (wf) => {
  const p = wf.workflow.permissions;
  const ok = p !== undefined && typeof p === 'object' && Object.entries(p).every(([k, v]) => k === 'contents' && v === 'read');
  return ok ? [] : [`${wf.file}: top-level permissions must be {} or { contents: read } (is ${JSON.stringify(p)})`];
};

export const everyJobDeclaresPermissions: Rule = (wf) =>
  Object.entries(wf.workflow.jobs)
    .filter(([, job]) => job.permissions === undefined || typeof job.permissions !== 'object')
    .map(([id]) => `${wf.file} jobs.${id}: no explicit permissions map`);

export const checkoutsDropCredentials: Rule = (wf) =>
  stepsOf(wf)
    .filter(({ step }) => usesAction(step, 'actions/checkout@') && step.with?.['persist-credentials'] !== false)
    .map(({ where }) => `${where}: checkout without persist-credentials: false`);

/** OIDC only: every AWS login assumes a role with a job token, and no job holds a token it does not use. */
export const awsThroughOidcOnly: Rule = (wf) => {
  const problems: string[] = [];
  if (/\bsecrets\./.test(wf.text)) problems.push(`${wf.file}: reads secrets.*; role ARNs come from the env definition or vars.*`);
  for (const [id, job] of Object.entries(wf.workflow.jobs)) {
    const logins = (job.steps ?? []).filter((s) => usesAction(s, AWS_CREDENTIALS_ACTION));
    const token = typeof job.permissions === 'object' && job.permissions['id-token'] === 'write';
    if (logins.length > 0 && !token) problems.push(`${wf.file} jobs.${id}: configures AWS credentials without permissions id-token: write`);
    if (logins.length === 0 && token) problems.push(`${wf.file} jobs.${id}: id-token: write but no AWS login uses it`);
    for (const s of logins) {
      if (s.with?.['role-to-assume'] === undefined) problems.push(`${wf.file} jobs.${id}: AWS login without role-to-assume`);
      for (const key of ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token']) {
        if (s.with?.[key] !== undefined) problems.push(`${wf.file} jobs.${id}: AWS login with long-lived ${key}`);
      }
    }
  }
  return problems;
};

/** Steps that remove a build's resources. */
export function isCleanupStep(step: Step): boolean {
  const run = step.run ?? '';
  return (
    invocationsOf(run, 'goldenpath').some((args) => args[0] === 'teardown' || (args[0] === 'orphans' && args.includes('--delete'))) ||
    invocationsOf(run, 'cdktf').some((args) => args[0] === 'destroy')
  );
}

/** Teardown and cleanup run whatever happened before: their step, and their job when it waits on others, carry always(). */
export const cleanupAlwaysRuns: Rule = (wf) =>
  stepsOf(wf)
    .filter(({ step }) => isCleanupStep(step))
    .flatMap(({ where, jobId, job, step }) => [
      ...(hasAlways(step.if) ? [] : [`${where}: cleanup step without if: always()`]),
      ...(needsOf(job).length === 0 || hasAlways(job.if) ? [] : [`${wf.file} jobs.${jobId}: job with cleanup steps waits on ${needsOf(job).join(', ')} without if: always()`]),
    ]);

function expressionsOf(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(expressionsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(expressionsOf);
  return [];
}

/** `if:` values are expressions even without `${{ }}`. */
function jobExpressions(job: Job): { job: string[]; steps: string[][] } {
  const { steps, ...rest } = job;
  const own = [...expressionsOf(rest), ...(job.if !== undefined ? [job.if] : [])];
  return { job: own, steps: (steps ?? []).map((s) => [...expressionsOf(s), ...(s.if !== undefined ? [s.if] : [])]) };
}

/** `needs.X` only for jobs in needs, `steps.X` only for an earlier step of the same job with that id. */
export const referencesResolve: Rule = (wf) => {
  const problems: string[] = [];
  for (const [id, job] of Object.entries(wf.workflow.jobs)) {
    const needs = new Set(needsOf(job));
    const exprs = jobExpressions(job);
    const checkNeeds = (e: string, where: string) => {
      for (const m of e.matchAll(/\bneeds\.([\w-]+)/g)) if (!needs.has(m[1]!)) problems.push(`${where}: needs.${m[1]} but the job needs only [${[...needs].join(', ')}]`);
    };
    exprs.job.forEach((e) => checkNeeds(e, `${wf.file} jobs.${id}`));
    const seen = new Set<string>();
    const steps = job.steps ?? [];
    exprs.steps.forEach((list, i) => {
      list.forEach((e) => {
        checkNeeds(e, `${wf.file} jobs.${id}.steps[${i}]`);
        for (const m of e.matchAll(/\bsteps\.([\w-]+)/g)) if (!seen.has(m[1]!)) problems.push(`${wf.file} jobs.${id}.steps[${i}]: steps.${m[1]} is not an earlier step of the job`);
      });
      if (steps[i]!.id !== undefined) seen.add(steps[i]!.id!);
    });
    const stepIds = new Set(steps.map((s) => s.id).filter((s) => s !== undefined));
    for (const e of expressionsOf(job.outputs ?? {})) {
      for (const m of e.matchAll(/\bsteps\.([\w-]+)/g)) if (!stepIds.has(m[1]!)) problems.push(`${wf.file} jobs.${id}.outputs: steps.${m[1]} is no step of the job`);
    }
  }
  return problems;
};

export const RULES: Readonly<Record<string, Rule>> = {
  everyActionPinnedBySha,
  pinnedActionsNameTheirVersion,
  scriptsTakeNoExpressions,
  topLevelPermissionsAreMinimal,
  everyJobDeclaresPermissions,
  checkoutsDropCredentials,
  awsThroughOidcOnly,
  cleanupAlwaysRuns,
  referencesResolve,
};
