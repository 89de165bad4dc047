import type { App } from 'cdktf';
import type { Plan } from '../contract/plan';
import type { Environment } from '../envs/schema';
import { BootstrapStack } from './bootstrap-stack';
import { ClusterStack } from './cluster-stack';
import { DatabaseStack } from './database-stack';
import { DnsStack } from './dns-stack';
import { NetworkStack } from './network-stack';
import { PlatformStack } from './platform-stack';

export interface CompositionInput {
  readonly env: Environment;
  /** The selection's plan (contract/plan.ts): every stack takes its name, tags and facts from it. */
  readonly plan: Plan;
}

export interface ComposedStacks {
  readonly bootstrap: BootstrapStack;
  readonly network: NetworkStack;
  readonly dns: DnsStack;
  readonly database: DatabaseStack;
  readonly cluster: ClusterStack;
  readonly platform: PlatformStack;
}

/** The env's account plane and foundational stacks plus the two disposable stacks of the selection. */
export function composeStacks(app: App, input: CompositionInput): ComposedStacks {
  return {
    bootstrap: new BootstrapStack(app, input),
    network: new NetworkStack(app, input),
    dns: new DnsStack(app, input),
    database: new DatabaseStack(app, input),
    cluster: new ClusterStack(app, input),
    platform: new PlatformStack(app, input),
  };
}
