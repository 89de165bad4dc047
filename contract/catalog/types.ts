import type { BootstrapValues } from '../bootstrap-values';
import type { Capability } from '../capabilities';
import type { Lifecycle, Tier } from '../lifecycle';
import type { IrsaRoleKey } from '../naming';

/** A pinned Helm chart source. */
export interface ChartSource {
  readonly repoURL: string;
  readonly chart: string;
  readonly version: string;
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
  /** Helm values, derived only from the contract. */
  readonly values: (contract: BootstrapValues) => Record<string, unknown>;
}
