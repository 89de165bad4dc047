import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foundationStackName } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import type { Environment } from '../../envs/schema';
import { DnsStack } from '../../stacks/dns-stack';
import { planFor } from './plan';
import type { TerraformJson } from './synth';

export interface SynthesizedDnsStack {
  readonly stack: DnsStack;
  /** Folder holding cdk.tf.json. */
  readonly dir: string;
  readonly json: TerraformJson;
}

/** Synthesizes `{env}-dns` alone (as composeStacks builds it) into a fresh temp folder. */
export function synthDnsStack(env: Environment): SynthesizedDnsStack {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-dns-'));
  const app = new App({ outdir, stackTraces: false });
  const name = foundationStackName(env.name, 'dns');
  const stack = new DnsStack(app, { env, plan: planFor(persistent(env.name), { env }) });
  app.synth();
  const dir = join(outdir, 'stacks', name);
  return { stack, dir, json: JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as TerraformJson };
}

/** The address of the stack's only hosted zone, e.g. `aws_route53_zone.zone_6E295601`. */
export function zoneAddress(json: TerraformJson): string {
  const names = Object.keys(json.resource?.aws_route53_zone ?? {});
  if (names.length !== 1) throw new Error(`expected one aws_route53_zone, found ${names.length}`);
  return `aws_route53_zone.${names[0]}`;
}

/**
 * An IAM policy of the synthesized stack, by name, as AWS would receive it:
 * the zone ARN reference replaced by `zoneArn`, then Terraform's template
 * escapes (`$${`, `%%{`) undone. Any other interpolation fails loudly.
 */
export function synthesizedPolicy(json: TerraformJson, policyName: string, zoneArn: string): { Statement: Record<string, unknown>[] } {
  const match = Object.values<TerraformJson>(json.resource?.aws_iam_policy ?? {}).filter((p) => p.name === policyName);
  if (match.length !== 1) throw new Error(`expected one aws_iam_policy named ${policyName}, found ${match.length}`);
  const withZone = (match[0].policy as string).split(`\${${zoneAddress(json)}.arn}`).join(zoneArn);
  const live = withZone.match(/(?<!\$)\$\{[^}]*\}/g);
  if (live !== null) throw new Error(`policy ${policyName} has Terraform interpolations besides the zone ARN: ${live.join(', ')}`);
  return JSON.parse(withZone.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
}
