import { appSecretsInScope } from './app-secrets';
import { CATALOG } from './catalog/catalog';
import { appsInScope } from './catalog/select';
import type { CatalogApp } from './catalog/types';
import type { Capability } from './capabilities';
import { deployCommand, selectionVariables } from './deploy-command';
import { buildExpiresAt } from './expiry';
import { deriveMaxTier, type Lifecycle, type Tier } from './lifecycle';
import {
  CLUSTER_ROLE_KEYS,
  clusterLogGroupName,
  clusterName,
  disposableStackName,
  DISPOSABLE_KINDS,
  dnsOwnerId,
  envIdentity,
  envZoneName,
  FOUNDATION_KINDS,
  bootstrapStackName,
  foundationStackName,
  hostSuffix,
  IRSA_ROLE_KEYS,
  irsaRoleName,
  objectStorageBucketName,
  type ClusterRoleKey,
  type DisposableKind,
  type EnvIdentity,
  type FoundationKind,
  type IrsaRoleKey,
  type StackKind,
} from './naming';
import { buildIdOf, persistent, type Selection } from './selection';
import { resourceTags, type Plane } from './tags';

/** What the plan reads from an env definition; envs/schema's Environment satisfies it. */
export interface PlanEnv {
  readonly name: string;
  readonly account: { readonly id: string; readonly region: string };
  readonly dns: { readonly baseDomain: string };
  /** The env's own tier ceiling; it can only lower the lifecycle's. */
  readonly tierCeiling?: Tier;
  readonly ephemeral: { readonly ttlHours: number };
  /** The env's app databases; absent means none. */
  readonly database?: { readonly apps: readonly { readonly name: string }[] };
}

export interface PlanInput {
  readonly env: PlanEnv;
  readonly selection: Selection;
  /** ISO-8601 start of a CI build (GOLDENPATH_BUILD_STARTED_AT); without it a YY-MM-DD-NN buildId's date is used. */
  readonly buildStartedAt?: string;
  /** The catalog the apps in scope come from; tests pass their own. */
  readonly catalog?: readonly CatalogApp[];
}

/** The env as names and the contract see it. */
export interface PlanEnvIdentity extends EnvIdentity {
  readonly accountId: string;
  readonly region: string;
  readonly tierCeiling?: Tier;
}

export interface PlannedStack<K extends StackKind = StackKind> {
  readonly kind: K;
  /** The stack name: `{env}-{kind}`, or `{env}-b-{buildId}-{kind}` for a build's disposable stacks. */
  readonly name: string;
  readonly plane: Plane;
  /** The selection the stack's names, tags and state key derive from: the env's persistent one for foundational stacks. */
  readonly selection: Selection;
  /** The process variables under which the program synthesizes this stack (cdktf deploy/destroy need them). */
  readonly variables: Readonly<Record<string, string>>;
  /** The command that deploys this stack, with those variables. */
  readonly deployCommand: string;
}

/** The names a selection's clusters and records are known by. */
export interface PlanNames {
  readonly cluster: string;
  /** Every hostname is `{app}.{hostSuffix}`. */
  readonly hostSuffix: string;
  /** ExternalDNS txtOwnerId and what teardown matches records by. */
  readonly dnsOwnerId: string;
  /** The env's hosted zone. */
  readonly envZone: string;
  /** The IAM roles of the cluster and its service accounts, by key. */
  readonly roles: Readonly<Record<IrsaRoleKey | ClusterRoleKey, string>>;
  /** Where EKS writes the control plane logs. */
  readonly clusterLogGroup: string;
  /** Object storage (Loki) bucket, when an app in scope needs it; globally unique through the account id. */
  readonly objectStorageBucket: string;
}

/**
 * Everything a selection implies, derived once: main.ts, the stacks and the
 * ops commands read these facts here and never derive them again.
 */
export interface Plan {
  readonly env: PlanEnvIdentity;
  readonly selection: Selection;
  readonly lifecycle: Lifecycle;
  readonly buildId?: string;
  readonly buildStartedAt?: string;
  readonly maxTier: Tier;
  /** The catalog apps this selection runs, resolved for maxTier (grafana on PostgreSQL from tier 2): tier within maxTier and lifecycle allowed, in catalog order. */
  readonly apps: readonly CatalogApp[];
  /** What those apps need from the platform. */
  readonly capabilities: ReadonlySet<Capability>;
  /** The Secrets Manager secrets this selection's workloads may read (`contract/app-secrets.ts`); none in a build at tier 1.5. */
  readonly appSecretNames: readonly string[];
  readonly names: PlanNames;
  readonly stacks: { readonly [K in StackKind]: PlannedStack<K> };
  /**
   * When a build's resources may be reaped; undefined for a persistent selection.
   * Derived on first read (ops commands about a build need its names, not its
   * expiry); throws a SelectionError naming the variable when it cannot be derived,
   * so main.ts reads it before anything is written.
   */
  readonly expiresAt: string | undefined;
  /** The tags every resource of a stack carries (through provider default_tags). */
  tags(kind: StackKind): Readonly<Record<string, string>>;
}

const PLANES: Readonly<Record<StackKind, Plane>> = {
  bootstrap: 'account',
  network: 'foundational',
  dns: 'foundational',
  database: 'foundational',
  cluster: 'disposable',
  platform: 'disposable',
};

export function derivePlan(input: PlanInput): Plan {
  const { env, selection } = input;
  const buildStartedAt = input.buildStartedAt?.trim() || undefined;
  const identity: PlanEnvIdentity = { ...envIdentity(env), accountId: env.account.id, region: env.account.region, tierCeiling: env.tierCeiling };
  const maxTier = deriveMaxTier(selection.lifecycle, env.tierCeiling);
  const catalog = input.catalog ?? CATALOG;
  const apps = appsInScope(catalog, { maxTier, lifecycle: selection.lifecycle });
  const foundation = persistent(env.name);

  const planned = (kind: StackKind, name: string, stackSelection: Selection): PlannedStack => {
    const plane = PLANES[kind];
    const target = { name, plane, selection: stackSelection, buildStartedAt };
    return { kind, name, plane, selection: stackSelection, variables: selectionVariables(target), deployCommand: deployCommand(target) };
  };
  const stacks = Object.fromEntries([
    ['bootstrap', planned('bootstrap', bootstrapStackName(env.name), foundation)],
    ...FOUNDATION_KINDS.map((kind: FoundationKind) => [kind, planned(kind, foundationStackName(env.name, kind), foundation)]),
    ...DISPOSABLE_KINDS.map((kind: DisposableKind) => [kind, planned(kind, disposableStackName(selection, kind), selection)]),
  ]) as Plan['stacks'];

  let expiry: { value: string | undefined } | undefined;
  return {
    env: identity,
    selection,
    lifecycle: selection.lifecycle,
    buildId: buildIdOf(selection),
    buildStartedAt,
    maxTier,
    apps,
    capabilities: new Set(apps.flatMap((app) => app.requires)),
    appSecretNames: appSecretsInScope({ env: env.name, databaseApps: (env.database?.apps ?? []).map((a) => a.name), catalog, appsInScope: apps }),
    names: {
      cluster: clusterName(selection),
      hostSuffix: hostSuffix(selection, identity),
      dnsOwnerId: dnsOwnerId(selection),
      envZone: envZoneName(identity),
      roles: Object.fromEntries([...IRSA_ROLE_KEYS, ...CLUSTER_ROLE_KEYS].map((key) => [key, irsaRoleName(selection, key)])) as PlanNames['roles'],
      clusterLogGroup: clusterLogGroupName(selection),
      objectStorageBucket: objectStorageBucketName(selection, env.account.id),
    },
    stacks,
    get expiresAt() {
      expiry ??= { value: selection.lifecycle === 'ephemeral' ? buildExpiresAt(selection.buildId, env.ephemeral.ttlHours, buildStartedAt) : undefined };
      return expiry.value;
    },
    tags(kind) {
      const stack = stacks[kind];
      return resourceTags({ selection: stack.selection, plane: stack.plane, stack: stack.name, expiresAt: stack.plane === 'disposable' ? this.expiresAt : undefined });
    },
  };
}
