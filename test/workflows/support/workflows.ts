import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const REPO = resolve(__dirname, '..', '..', '..');
export const WORKFLOWS_DIR = join(REPO, '.github', 'workflows');

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}

export interface Job {
  readonly name?: string;
  readonly if?: string;
  readonly needs?: string | readonly string[];
  readonly permissions?: Record<string, string> | string;
  readonly env?: Record<string, unknown>;
  readonly strategy?: { readonly matrix?: Record<string, unknown> };
  readonly concurrency?: { readonly group: string } | string;
  readonly environment?: unknown;
  readonly outputs?: Record<string, string>;
  readonly steps?: readonly Step[];
}

export interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string> | string;
  readonly env?: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}

export interface WorkflowFile {
  readonly file: string;
  readonly text: string;
  readonly workflow: Workflow;
}

export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

export function loadWorkflow(file: string): WorkflowFile {
  const text = readFileSync(join(WORKFLOWS_DIR, file), 'utf8');
  return { file, text, workflow: parse(text) as Workflow };
}

export function loadWorkflows(): WorkflowFile[] {
  return workflowFiles().map(loadWorkflow);
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : [...job.needs];
}

/** Each step with where it is, for messages. */
export function stepsOf(wf: WorkflowFile): { where: string; jobId: string; job: Job; step: Step }[] {
  return Object.entries(wf.workflow.jobs).flatMap(([jobId, job]) =>
    (job.steps ?? []).map((step, i) => ({ where: `${wf.file} jobs.${jobId}.steps[${i}]${step.name ? ` (${step.name})` : ''}`, jobId, job, step })),
  );
}

/**
 * The value a variable has for a step, when it is a plain string in the
 * step's, job's or workflow's env (expressions are not resolved).
 */
export function literalVar(wf: Workflow, job: Job, step: Step, name: string): string | undefined {
  for (const scope of [step.env, job.env, wf.env]) {
    const v = scope?.[name];
    if (v !== undefined) return typeof v === 'string' && !v.includes('${{') ? v : undefined;
  }
  return undefined;
}
