import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { stateKey } from '../contract/naming';
import type { Selection } from '../contract/selection';
import { resourceTags, type Plane } from '../contract/tags';
import { VERSIONS } from '../contract/versions';
import type { Environment } from '../envs/schema';

export interface GoldenpathStackProps {
  readonly env: Environment;
  /** The selection the stack belongs to; foundational stacks always use the env's persistent selection. */
  readonly selection: Selection;
  readonly plane: Plane;
  /** Reaping time of a build's resources; only for ephemeral disposable stacks. */
  readonly expiresAt?: string;
}

/**
 * What every stack shares: the AWS provider pinned to the env's account and
 * region with the design's tags as default_tags, and the state backend
 * (local unless the env names a state bucket).
 */
export abstract class GoldenpathStack extends TerraformStack {
  readonly env: Environment;
  readonly selection: Selection;
  readonly tags: Readonly<Record<string, string>>;
  readonly awsProvider: AwsProvider;

  protected constructor(scope: Construct, name: string, props: GoldenpathStackProps) {
    super(scope, name);
    this.env = props.env;
    this.selection = props.selection;
    this.tags = resourceTags({ selection: props.selection, plane: props.plane, stack: name, expiresAt: props.expiresAt });

    this.addOverride('terraform.required_version', VERSIONS.terraform);
    this.awsProvider = new AwsProvider(this, 'aws', {
      region: props.env.account.region,
      allowedAccountIds: [props.env.account.id],
      defaultTags: [{ tags: { ...this.tags } }],
    });

    const backend = props.env.stateBackend;
    if (backend !== undefined) {
      new S3Backend(this, {
        bucket: backend.bucket,
        region: backend.region,
        key: stateKey(backend.keyPrefix, props.selection, name),
        encrypt: true,
      });
      // cdktf 0.21 predates S3 native locking (Terraform >= 1.10).
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    }
  }
}
