import { App, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FOUNDATION_DATA_ADDRESS, FoundationReader, missingFoundationMessage, staleFoundationMessage } from '../../../constructs/foundation/foundation-reader';
import { planFor } from '../../support/plan';
import { foundationParameterName } from '../../../contract/naming';
import { persistent } from '../../../contract/selection';
import { loadEnvironment } from '../../../envs';
import { GoldenpathStack } from '../../../stacks/goldenpath-stack';
import { describeWithTerraform, foundationOverride, init, terraform } from '../../support/terraform';

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

function consumerDir(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-reader-'));
  const app = new App({ outdir });
  new ConsumerStack(app);
  app.synth();
  const dir = join(outdir, 'stacks', plan.stacks.cluster.name);
  init(dir);
  return dir;
}

function testFile(dir: string, name: string, documents: Record<string, unknown>, run: string): void {
  writeFileSync(join(dir, `${name}.tftest.hcl`), `mock_provider "aws" {\n${foundationOverride(documents)}\n}\n\n${run}\n`);
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
  beforeAll(() => {
    dir = consumerDir();
  });

  it('exposes document fields when every required document is present', () => {
    testFile(
      dir,
      'present',
      { [NETWORK]: networkDoc, [DNS]: dnsDoc },
      `run "present" {
  command = plan
  assert {
    condition     = output.vpc_id == "vpc-0abc" && output.zone_id == "Z0123456789" && length(output.private_subnet_ids) == 2
    error_message = "foundation fields did not resolve"
  }
}`,
    );
    const r = terraform(dir, ['test', '-filter=present.tftest.hcl']);
    expect(`${r.stdout}${r.stderr}`).toContain('1 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('fails the plan naming the stack to deploy first when a document is absent', () => {
    testFile(dir, 'absent', { [DNS]: dnsDoc }, 'run "absent" {\n  command = plan\n}');
    const r = terraform(dir, ['test', '-filter=absent.tftest.hcl']);
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`.replace(/\s+/g, ' ')).toContain(missingFoundationMessage('dev', plan.stacks.network));
  });

  it('fails the plan when a document has another schema version', () => {
    testFile(dir, 'stale', { [NETWORK]: { ...networkDoc, schemaVersion: 2 }, [DNS]: dnsDoc }, 'run "stale" {\n  command = plan\n}');
    const r = terraform(dir, ['test', '-filter=stale.tftest.hcl']);
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`.replace(/\s+/g, ' ')).toContain(staleFoundationMessage('dev', plan.stacks.network));
  });
});
