import { App, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FOUNDATION_DATA_ADDRESS, FoundationReader, missingFoundationMessage, staleFoundationMessage } from '../../../constructs/foundation/foundation-reader';
import { foundationParameterName } from '../../../contract/naming';
import { persistent } from '../../../contract/selection';
import { loadEnvironment } from '../../../envs';
import { GoldenpathStack } from '../../../stacks/goldenpath-stack';
import { planFor } from '../../support/plan';
import { describeWithTerraform, foundationOverride, init, TerraformTests } from '../../support/terraform';

const plan = planFor(persistent('dev'));

/** A disposable stack (dev-cluster) that reads the network and dns documents and nothing else. */
class ConsumerStack extends GoldenpathStack {
  constructor(scope: Construct) {
    super(scope, 'cluster', { env: loadEnvironment('dev'), plan });
    const reader = new FoundationReader(this, 'foundation', { env: 'dev', required: [plan.stacks.network, plan.stacks.dns] });
    new TerraformOutput(this, 'vpc_id', { value: reader.field('network', 'vpcId') });
    new TerraformOutput(this, 'private_subnet_ids', { value: reader.listField('network', 'privateSubnetIds') });
    new TerraformOutput(this, 'zone_id', { value: reader.field('dns', 'zoneId') });
  }
}

const NETWORK = foundationParameterName('dev', 'network');
const DNS = foundationParameterName('dev', 'dns');
const networkDoc = { schemaVersion: 1, vpcId: 'vpc-0abc', privateSubnetIds: ['subnet-a', 'subnet-b'] };
const dnsDoc = { schemaVersion: 1, zoneId: 'Z0123456789' };

function synthConsumer(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-reader-'));
  const app = new App({ outdir });
  new ConsumerStack(app);
  app.synth();
  return join(outdir, 'stacks', plan.stacks.cluster.name);
}

function testFile(documents: Record<string, unknown>, run: string): string {
  return `mock_provider "aws" {\n${foundationOverride(documents)}\n}\n\n${run}\n`;
}

describe('FoundationReader (synthesized)', () => {
  it('lists the env foundation folder under the stable address tests override', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'gp-reader-'));
    const app = new App({ outdir });
    new ConsumerStack(app);
    app.synth();
    const tf = JSON.parse(readFileSync(join(outdir, 'stacks', plan.stacks.cluster.name, 'cdk.tf.json'), 'utf8'));
    const [, type, name] = FOUNDATION_DATA_ADDRESS.split('.');
    expect(tf.data[type!][name!].path).toBe('/goldenpath/dev/foundation');
    expect(tf.data[type!][name!].lifecycle.postcondition).toHaveLength(4);
  });

  it('names the stack to deploy first in its missing-document message', () => {
    expect(missingFoundationMessage('dev', plan.stacks.network)).toContain('deploy the dev-network stack first');
    expect(missingFoundationMessage('dev', plan.stacks.database)).toContain('/goldenpath/dev/foundation/database');
  });
});

describeWithTerraform('FoundationReader (terraform test, mock provider)', () => {
  let dir: string;
  const tests = new TerraformTests(() => dir);
  beforeAll(async () => {
    dir = synthConsumer();
    await init(dir);
  });

  tests.add('present', () =>
    testFile(
      { [NETWORK]: networkDoc, [DNS]: dnsDoc },
      `run "present" {
  command = plan
  assert {
    condition     = output.vpc_id == "vpc-0abc" && output.zone_id == "Z0123456789" && length(output.private_subnet_ids) == 2
    error_message = "foundation fields did not resolve"
  }
}`,
    ),
  );
  it('exposes document fields when every required document is present', async () => {
    expect(await tests.outcome('present')).toMatchObject({ status: 'pass', diagnostics: [] });
  });

  tests.add('absent', () => testFile({ [DNS]: dnsDoc }, 'run "absent" {\n  command = plan\n}'));
  it('fails the plan naming the stack to deploy first when a document is absent', async () => {
    const outcome = await tests.outcome('absent');
    expect(outcome.status).toBe('error');
    expect(outcome.diagnostics.join('\n')).toContain(missingFoundationMessage('dev', plan.stacks.network));
  });

  tests.add('stale', () => testFile({ [NETWORK]: { ...networkDoc, schemaVersion: 2 }, [DNS]: dnsDoc }, 'run "stale" {\n  command = plan\n}'));
  it('fails the plan when a document has another schema version', async () => {
    const outcome = await tests.outcome('stale');
    expect(outcome.status).toBe('error');
    expect(outcome.diagnostics.join('\n')).toContain(staleFoundationMessage('dev', plan.stacks.network));
  });
});
