import type { App } from 'cdktf';
import type { Plan } from '../contract/plan';
import type { Environment } from '../envs/schema';
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
  readonly network: NetworkStack;
  readonly dns: DnsStack;
  readonly database: DatabaseStack;
  readonly cluster: ClusterStack;
  readonly platform: PlatformStack;
}

/** The foundational stacks of the env plus the two disposable stacks of the selection. */
export function composeStacks(app: App, input: CompositionInput): ComposedStacks {
  return {
    network: new NetworkStack(app, input),
    dns: new DnsStack(app, input),
    database: new DatabaseStack(app, input),
    cluster: new ClusterStack(app, input),
    platform: new PlatformStack(app, input),
  };
}
