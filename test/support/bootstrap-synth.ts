import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundaryPolicyName } from '../../contract/ci/names';
import { bootstrapStackName } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import type { Environment } from '../../envs/schema';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { planFor } from './plan';
import type { TerraformJson } from './synth';

export interface SynthesizedBootstrapStack {
  readonly stack: BootstrapStack;
  /** Folder holding cdk.tf.json. */
  readonly dir: string;
  readonly json: TerraformJson;
}

/** Synthesizes `{env}-bootstrap` alone (as composeStacks builds it) into a fresh temp folder. */
export function synthBootstrapStack(env: Environment): SynthesizedBootstrapStack {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-bootstrap-'));
  const app = new App({ outdir, stackTraces: false });
  const name = bootstrapStackName(env.name);
  const stack = new BootstrapStack(app, { env, plan: planFor(persistent(env.name), { env }) });
  app.synth();
  const dir = join(outdir, 'stacks', name);
  return { stack, dir, json: JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as TerraformJson };
}

/** A policy attribute as AWS receives it: Terraform's template escapes undone; any live interpolation fails loudly. */
export function policyAsAws(value: string): Record<string, unknown> {
  const live = value.match(/(?<!\$)\$\{[^}]*\}/g);
  if (live !== null) throw new Error(`policy has Terraform interpolations: ${live.join(', ')}`);
  return JSON.parse(value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')) as Record<string, unknown>;
}

/** The build roles' permissions boundary as the env's bootstrap stack creates it. */
export function synthesizedBuildBoundary(env: Environment): { Statement: Record<string, unknown>[] } {
  const { json } = synthBootstrapStack(env);
  const match = Object.values<TerraformJson>(json.resource?.aws_iam_policy ?? {}).filter((p) => p.name === boundaryPolicyName(env.name, 'build-boundary'));
  if (match.length !== 1) throw new Error(`expected one build boundary, found ${match.length}`);
  return policyAsAws(match[0].policy as string) as { Statement: Record<string, unknown>[] };
}
