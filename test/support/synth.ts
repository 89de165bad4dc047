import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { persistent, type Selection } from '../../contract/selection';
import { loadEnvironment } from '../../envs';
import type { Environment } from '../../envs/schema';
import { composeStacks, type ComposedStacks } from '../../stacks/compose';
import { planFor } from './plan';

export interface Synthesized {
  readonly outdir: string;
  readonly env: Environment;
  readonly stacks: ComposedStacks;
  /** Folder of one synthesized stack (holds cdk.tf.json). */
  dir(stackName: string): string;
  /** The parsed Terraform JSON of one stack. */
  json(stackName: string): TerraformJson;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

/** Synthesizes the whole selection into a fresh temp folder, exactly as main.ts composes it. */
export function synthSelection(selection: Selection = persistent('dev'), options: { env?: Environment; buildStartedAt?: string } = {}): Synthesized {
  const env = options.env ?? loadEnvironment(selection.env);
  const outdir = mkdtempSync(join(tmpdir(), 'gp-synth-'));
  const app = new App({ outdir, stackTraces: false });
  const stacks = composeStacks(app, { env, plan: planFor(selection, { env, buildStartedAt: options.buildStartedAt }) });
  app.synth();
  const dir = (name: string) => join(outdir, 'stacks', name);
  return {
    outdir,
    env,
    stacks,
    dir,
    json: (name) => JSON.parse(readFileSync(join(dir(name), 'cdk.tf.json'), 'utf8')) as TerraformJson,
  };
}
