import type { BootstrapValues } from '../bootstrap-values';
import type { Capability } from '../capabilities';
import type { Lifecycle, Tier } from '../lifecycle';
import type { IrsaRoleKey } from '../naming';
import type { ClusterResourceKind } from '../cluster-resources';

/** A pinned Helm chart source. */
export interface ChartSource {
  readonly repoURL: string;
  readonly chart: string;
  readonly version: string;
}

/**
 * How an app runs once maxTier reaches `fromMaxTier` (Grafana: PostgreSQL
 * from tier 2). The app keeps one catalog entry, so a cluster never runs two
 * of it; its tier, wave, requirements and database follow the ceiling.
 */
export interface CatalogUpgrade {
  readonly fromMaxTier: Tier;
  readonly tier: Tier;
  readonly syncWave: number;
  readonly requires: readonly Capability[];
  readonly database?: string;
}

/** One bootstrap app of the platform, as typed data. */
export interface CatalogApp {
  readonly name: string;
  readonly tier: Tier;
  /** Argo CD sync wave: lower installs first. */
  readonly syncWave: number;
  readonly namespace: string;
  readonly chart: ChartSource;
  /** Capabilities the app cannot run without. */
  readonly requires: readonly Capability[];
  /** Lifecycles the app may run in (e.g. Keycloak: persistent only). */
  readonly lifecycles: readonly Lifecycle[];
  /** The IRSA role the app's service account assumes, verified before the app is generated. */
  readonly irsaRole?: IrsaRoleKey;
  /** The app database on the env's PostgreSQL (an entry of `database.apps` in the env definition). */
  readonly database?: string;
  /**
   * The cluster-scoped kinds the app's chart installs with the values it is
   * given (CRDs from `crds/` included): its tier's AppProject admits these and
   * no other. Re-derive from the chart's templates when its version moves.
   */
  readonly clusterResources: readonly ClusterResourceKind[];
  /** Hostname labels the app serves as `{label}.{hostSuffix}` over HTTPS through Kong; CI checks each one. */
  readonly hostLabels?: readonly string[];
  /** What changes from a higher maxTier on; `resolveApp` applies it. */
  readonly upgrade?: CatalogUpgrade;
  /** Helm values, derived only from the contract. */
  readonly values: (contract: BootstrapValues) => Record<string, unknown>;
}
