import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { stateKey, type StackKind } from '../contract/naming';
import type { Plan, PlannedStack } from '../contract/plan';
import type { Selection } from '../contract/selection';
import { VERSIONS } from '../contract/versions';
import type { Environment } from '../envs/schema';

export interface GoldenpathStackProps {
  /** The env definition: the settings of its network, database, clusters. */
  readonly env: Environment;
  /** What the selection implies (names, tags, apps in scope, deploy commands), derived once. */
  readonly plan: Plan;
}

/**
 * What every stack shares: the AWS provider pinned to the env's account and
 * region with the design's tags as default_tags, and the state backend
 * (local unless the env names a state bucket).
 */
export abstract class GoldenpathStack extends TerraformStack {
  readonly env: Environment;
  readonly plan: Plan;
  /** This stack as the plan describes it: name, plane, selection, deploy command. */
  readonly planned: PlannedStack;
  /** The selection the stack belongs to; foundational stacks always use the env's persistent selection. */
  readonly selection: Selection;
  readonly tags: Readonly<Record<string, string>>;
  readonly awsProvider: AwsProvider;

  protected constructor(scope: Construct, kind: StackKind, props: GoldenpathStackProps) {
    const planned = props.plan.stacks[kind];
    super(scope, planned.name);
    this.env = props.env;
    this.plan = props.plan;
    this.planned = planned;
    this.selection = planned.selection;
    this.tags = props.plan.tags(kind);

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
        key: stateKey(backend.keyPrefix, planned.selection, planned.name),
        encrypt: true,
      });
      // cdktf 0.21 predates S3 native locking (Terraform >= 1.10).
      this.addOverride('terraform.backend.s3.use_lockfile', true);
    }
  }
}
