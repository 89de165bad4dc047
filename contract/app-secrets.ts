import type { CatalogApp } from './catalog/types';
import { appDatabaseSecretName } from './naming';

export interface AppSecretsInput {
  readonly env: string;
  /** The env's app databases (`database.apps` of the env definition), each with its secret `goldenpath/{env}/{app}/postgres`. */
  readonly databaseApps: readonly string[];
  /** The whole catalog: which databases belong to a catalog app. */
  readonly catalog: readonly CatalogApp[];
  /** The catalog apps the selection runs, resolved for its ceiling. */
  readonly appsInScope: readonly CatalogApp[];
}

/** Every database a catalog app may own, at any ceiling (Grafana's only from tier 2). */
function catalogDatabases(catalog: readonly CatalogApp[]): Set<string> {
  return new Set(catalog.flatMap((app) => [app.database, app.upgrade?.database].filter((d): d is string => d !== undefined)));
}

/**
 * The Secrets Manager secrets a cluster's workloads read (through
 * external-secrets): the database credentials of the catalog apps in scope,
 * plus those of the env's databases no catalog app owns (the GitOps
 * repository's own apps, which run only where the database does). None
 * without an app that needs the database, so a build at tier 1.5 reads no
 * secret at all; a catalog app out of scope (Keycloak below tier 3) keeps its
 * secret out of reach.
 */
export function appSecretsInScope(input: AppSecretsInput): string[] {
  if (!input.appsInScope.some((app) => app.requires.includes('rds'))) return [];
  const owned = catalogDatabases(input.catalog);
  const inScope = new Set(input.appsInScope.flatMap((app) => (app.database === undefined ? [] : [app.database])));
  return input.databaseApps.filter((db) => !owned.has(db) || inScope.has(db)).map((db) => appDatabaseSecretName(input.env, db));
}
