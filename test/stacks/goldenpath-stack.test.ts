import { App } from 'cdktf';
import type { Construct } from 'constructs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disposableStackName, foundationStackName, type StackKind } from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';
import { resourceTags } from '../../contract/tags';
import { VERSIONS } from '../../contract/versions';
import { dev } from '../../envs/dev';
import { defineEnvironment, type Environment } from '../../envs/schema';
import { GoldenpathStack, type GoldenpathStackProps } from '../../stacks/goldenpath-stack';
import { planFor } from '../support/plan';
import type { TerraformJson } from '../support/synth';

/** The base class alone, so these tests see only what every stack shares. */
class BareStack extends GoldenpathStack {
  constructor(scope: Construct, kind: StackKind, props: GoldenpathStackProps) {
    super(scope, kind, props);
  }
}

const build = ephemeral('dev', '26-01-23-01');
const expiresAt = '2026-01-24T08:00:00Z';
const NETWORK = foundationStackName('dev', 'network');
const CLUSTER = disposableStackName(persistent('dev'), 'cluster');
const BUILD_CLUSTER = disposableStackName(build, 'cluster');

/** Synthesizes a foundational, a persistent disposable and a build stack of the env; returns each stack's Terraform JSON. */
function synthBareStacks(env: Environment): (stack: string) => TerraformJson {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-stack-'));
  const app = new App({ outdir });
  const persistentPlan = planFor(persistent('dev'), { env });
  new BareStack(app, 'network', { env, plan: persistentPlan });
  new BareStack(app, 'cluster', { env, plan: persistentPlan });
  new BareStack(app, 'cluster', { env, plan: planFor(build, { env }) });
  app.synth();
  return (stack) => JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as TerraformJson;
}

const withState = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-central-1', keyPrefix: 'goldenpath' } });

let local: (stack: string) => TerraformJson;
let remote: (stack: string) => TerraformJson;

beforeAll(() => {
  local = synthBareStacks(defineEnvironment(dev));
  remote = synthBareStacks(withState);
});

describe('state backend without a state bucket', () => {
  it.each([NETWORK, CLUSTER, BUILD_CLUSTER])('%s has only the local backend cdktf embeds by default', (stack) => {
    expect(Object.keys(local(stack).terraform.backend)).toEqual(['local']);
  });
});

describe('state backend with a state bucket', () => {
  it.each([NETWORK, CLUSTER, BUILD_CLUSTER])('%s has only the S3 backend', (stack) => {
    expect(Object.keys(remote(stack).terraform.backend)).toEqual(['s3']);
  });

  it('uses the bucket and region of the env, encrypted, with S3 native locking', () => {
    expect(remote(NETWORK).terraform.backend.s3).toMatchObject({
      bucket: 'goldenpath-state-111111111111',
      region: 'eu-central-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('keys a foundational stack {prefix}/{env}/{stack}.tfstate', () => {
    expect(remote(NETWORK).terraform.backend.s3.key).toBe('goldenpath/dev/dev-network.tfstate');
  });

  it('keys a persistent disposable stack {prefix}/{env}/{stack}.tfstate', () => {
    expect(remote(CLUSTER).terraform.backend.s3.key).toBe('goldenpath/dev/dev-cluster.tfstate');
  });

  it('keys a build stack under {prefix}/{env}/builds/{buildId}/', () => {
    expect(remote(BUILD_CLUSTER).terraform.backend.s3.key).toBe('goldenpath/dev/builds/26-01-23-01/dev-b-26-01-23-01-cluster.tfstate');
  });
});

describe('AWS provider', () => {
  it("allows only the env's account, in its region", () => {
    const [provider] = local(NETWORK).provider.aws;
    expect([provider.allowed_account_ids, provider.region]).toEqual([['111111111111'], 'eu-west-2']);
  });

  it('carries the foundational tags as default_tags of a foundational stack', () => {
    const [provider] = local(NETWORK).provider.aws;
    expect(provider.default_tags).toEqual([{ tags: resourceTags({ selection: persistent('dev'), plane: 'foundational', stack: NETWORK }) }]);
  });

  it('carries the build tags, expires-at included, as default_tags of a build stack', () => {
    const [provider] = local(BUILD_CLUSTER).provider.aws;
    expect(provider.default_tags).toEqual([{ tags: resourceTags({ selection: build, plane: 'disposable', stack: BUILD_CLUSTER, expiresAt }) }]);
  });

  it('is pinned to the manifest version', () => {
    expect(local(NETWORK).terraform.required_providers.aws.version).toBe(VERSIONS.providers.aws);
  });
});

describe('Terraform version', () => {
  it('is required as the manifest says', () => {
    expect(local(CLUSTER).terraform.required_version).toBe(VERSIONS.terraform);
  });
});
