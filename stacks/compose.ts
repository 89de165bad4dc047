import type { App } from 'cdktf';
import { buildExpiresAt } from '../contract/expiry';
import { bootstrapStackName, disposableStackName, foundationStackName } from '../contract/naming';
import { persistent, type Selection } from '../contract/selection';
import type { Environment } from '../envs/schema';
import { BootstrapStack } from './bootstrap-stack';
import { ClusterStack } from './cluster-stack';
import { DatabaseStack } from './database-stack';
import { DnsStack } from './dns-stack';
import { NetworkStack } from './network-stack';
import { PlatformStack } from './platform-stack';

export interface CompositionInput {
  readonly env: Environment;
  readonly selection: Selection;
  /** ISO-8601 start of a CI build; when absent, a default-form buildId's date is used. */
  readonly buildStartedAt?: string;
}

export interface ComposedStacks {
  readonly bootstrap: BootstrapStack;
  readonly network: NetworkStack;
  readonly dns: DnsStack;
  readonly database: DatabaseStack;
  readonly cluster: ClusterStack;
  readonly platform: PlatformStack;
}

/**
 * When the disposable stacks of a build may be reaped (undefined for persistent
 * selections). Throws a SelectionError when it cannot be derived, so callers
 * can reject a selection before anything is written.
 */
export function disposableExpiresAt(input: CompositionInput): string | undefined {
  const { env, selection } = input;
  return selection.lifecycle === 'ephemeral' ? buildExpiresAt(selection.buildId, env.ephemeral.ttlHours, input.buildStartedAt) : undefined;
}

/** The env's account plane and foundational stacks plus the two disposable stacks of the selection. */
export function composeStacks(app: App, input: CompositionInput): ComposedStacks {
  const { env, selection } = input;
  const foundation = { env, selection: persistent(env.name) };
  const disposable = { env, selection, expiresAt: disposableExpiresAt(input) };
  return {
    bootstrap: new BootstrapStack(app, bootstrapStackName(env.name), foundation),
    network: new NetworkStack(app, foundationStackName(env.name, 'network'), foundation),
    dns: new DnsStack(app, foundationStackName(env.name, 'dns'), foundation),
    database: new DatabaseStack(app, foundationStackName(env.name, 'database'), foundation),
    cluster: new ClusterStack(app, disposableStackName(selection, 'cluster'), disposable),
    platform: new PlatformStack(app, disposableStackName(selection, 'platform'), disposable),
  };
}
