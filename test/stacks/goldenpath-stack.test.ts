import { resourceTags } from '../../contract/tags';
import { VERSIONS } from '../../contract/versions';
import { ephemeral, persistent } from '../../contract/selection';
import { dev } from '../../envs/dev';
import { defineEnvironment } from '../../envs/schema';
import { synthSelection, type Synthesized } from '../support/synth';

const build = ephemeral('dev', '26-01-23-01');
const withState = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-central-1', keyPrefix: 'goldenpath' } });

let local: Synthesized;
let remote: Synthesized;
let remoteBuild: Synthesized;

beforeAll(() => {
  local = synthSelection(persistent('dev'));
  remote = synthSelection(persistent('dev'), { env: withState });
  remoteBuild = synthSelection(build, { env: withState });
});

describe('state backend without a state bucket', () => {
  it.each(['dev-network', 'dev-cluster'])('%s has only the local backend cdktf embeds by default', (stack) => {
    expect(Object.keys(local.json(stack).terraform.backend)).toEqual(['local']);
  });
});

describe('state backend with a state bucket', () => {
  it('is the only backend of the stack', () => {
    expect(Object.keys(remote.json('dev-network').terraform.backend)).toEqual(['s3']);
  });

  it('uses the bucket and region of the env, encrypted, with S3 native locking', () => {
    expect(remote.json('dev-network').terraform.backend.s3).toMatchObject({
      bucket: 'goldenpath-state-111111111111',
      region: 'eu-central-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('keys a foundational stack {prefix}/{env}/{stack}.tfstate', () => {
    expect(remote.json('dev-network').terraform.backend.s3.key).toBe('goldenpath/dev/dev-network.tfstate');
  });

  it('keys a persistent disposable stack {prefix}/{env}/{stack}.tfstate', () => {
    expect(remote.json('dev-cluster').terraform.backend.s3.key).toBe('goldenpath/dev/dev-cluster.tfstate');
  });

  it('keys a build stack under {prefix}/{env}/builds/{buildId}/', () => {
    expect(remoteBuild.json('dev-b-26-01-23-01-cluster').terraform.backend.s3.key).toBe(
      'goldenpath/dev/builds/26-01-23-01/dev-b-26-01-23-01-cluster.tfstate',
    );
  });

  it('keeps the foundational keys of a build selection outside the build folder', () => {
    expect(remoteBuild.json('dev-dns').terraform.backend.s3.key).toBe('goldenpath/dev/dev-dns.tfstate');
  });
});

describe('AWS provider', () => {
  it("allows only the env's account, in its region", () => {
    const [provider] = local.json('dev-network').provider.aws;
    expect([provider.allowed_account_ids, provider.region]).toEqual([['111111111111'], 'eu-west-2']);
  });

  it('carries the foundational tags as default_tags', () => {
    const [provider] = remoteBuild.json('dev-network').provider.aws;
    expect(provider.default_tags).toEqual([{ tags: resourceTags({ selection: persistent('dev'), plane: 'foundational', stack: 'dev-network' }) }]);
  });

  it('carries the build tags, expires-at included, as default_tags of a build stack', () => {
    const [provider] = remoteBuild.json('dev-b-26-01-23-01-platform').provider.aws;
    expect(provider.default_tags).toEqual([
      { tags: resourceTags({ selection: build, plane: 'disposable', stack: 'dev-b-26-01-23-01-platform', expiresAt: '2026-01-24T08:00:00Z' }) },
    ]);
  });

  it('is pinned to the manifest version', () => {
    expect(local.json('dev-network').terraform.required_providers.aws.version).toBe(VERSIONS.providers.aws);
  });
});

describe('Terraform version', () => {
  it('is required as the manifest says', () => {
    expect(local.json('dev-cluster').terraform.required_version).toBe(VERSIONS.terraform);
  });
});
