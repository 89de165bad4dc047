import { CATALOG } from '../../contract/catalog/catalog';
import type { CatalogApp } from '../../contract/catalog/types';
import { LIFECYCLES, TIERS, type Tier } from '../../contract/lifecycle';
import { SelectionError } from '../../contract/parse-selection';
import { derivePlan, type PlanEnv } from '../../contract/plan';
import { ephemeral, persistent } from '../../contract/selection';
import { TAG_KEYS } from '../../contract/tags';
import { loadEnvironment } from '../../envs';

const dev = loadEnvironment('dev');
const staging = loadEnvironment('staging');
const build = ephemeral('dev', '26-01-23-01');
const CEILINGS: readonly (Tier | undefined)[] = [undefined, ...TIERS];
const withCeiling = (tierCeiling: Tier | undefined): PlanEnv => ({ ...dev, tierCeiling });

describe('derivePlan: identity', () => {
  it('names the env, its zone, the cluster, the host suffix and the DNS owner of a persistent selection', () => {
    const plan = derivePlan({ env: dev, selection: persistent('dev') });
    expect([plan.env.name, plan.names.envZone, plan.names.cluster, plan.names.hostSuffix, plan.names.dnsOwnerId]).toEqual([
      'dev',
      `dev.${dev.dns.baseDomain}`,
      'goldenpath-dev',
      `dev.${dev.dns.baseDomain}`,
      'goldenpath-dev',
    ]);
  });

  it('puts a build under b-{buildId} of the env zone and keys its names by the build', () => {
    const plan = derivePlan({ env: dev, selection: build });
    expect([plan.buildId, plan.names.cluster, plan.names.hostSuffix, plan.names.dnsOwnerId]).toEqual([
      '26-01-23-01',
      'goldenpath-dev-b-26-01-23-01',
      `b-26-01-23-01.dev.${dev.dns.baseDomain}`,
      'goldenpath-dev-26-01-23-01',
    ]);
  });

  it('names every cluster and service-account role after the cluster', () => {
    const roles = derivePlan({ env: dev, selection: build }).names.roles;
    expect(Object.values(roles).every((name) => name.startsWith('goldenpath-dev-b-26-01-23-01-'))).toBe(true);
    expect([roles['external-dns'], roles.node]).toEqual(['goldenpath-dev-b-26-01-23-01-external-dns', 'goldenpath-dev-b-26-01-23-01-node']);
  });
});

describe('derivePlan: stacks', () => {
  it("names the env's account plane and foundational stacks and the selection's disposable ones", () => {
    const stacks = derivePlan({ env: dev, selection: build }).stacks;
    expect(Object.values(stacks).map((s) => s.name)).toEqual(['dev-bootstrap', 'dev-network', 'dev-dns', 'dev-database', 'dev-b-26-01-23-01-cluster', 'dev-b-26-01-23-01-platform']);
  });

  it("gives a build's foundational stacks the env's persistent selection", () => {
    const stacks = derivePlan({ env: dev, selection: build }).stacks;
    expect([stacks.network.selection, stacks.cluster.selection]).toEqual([persistent('dev'), build]);
  });

  it('deploys a foundational stack with the env it belongs to', () => {
    expect(derivePlan({ env: staging, selection: persistent('staging') }).stacks.database.deployCommand).toBe('GOLDENPATH_ENV=staging npx cdktf deploy staging-database');
  });

  it('deploys a persistent cluster stack with its env and lifecycle', () => {
    expect(derivePlan({ env: staging, selection: persistent('staging') }).stacks.cluster.deployCommand).toBe(
      'GOLDENPATH_ENV=staging GOLDENPATH_LIFECYCLE=persistent npx cdktf deploy staging-cluster',
    );
  });

  it('deploys a build stack with every selection variable of the build, its start time included when given', () => {
    const plan = derivePlan({ env: dev, selection: build, buildStartedAt: '2026-01-23T10:00:00Z' });
    expect(plan.stacks.platform.deployCommand).toBe(
      'GOLDENPATH_ENV=dev GOLDENPATH_LIFECYCLE=ephemeral GOLDENPATH_BUILD_ID=26-01-23-01 GOLDENPATH_BUILD_STARTED_AT=2026-01-23T10:00:00Z npx cdktf deploy dev-b-26-01-23-01-platform',
    );
  });

  it('gives cdktf destroy the same variables the deploy command names', () => {
    expect(derivePlan({ env: dev, selection: build }).stacks.cluster.variables).toEqual({
      GOLDENPATH_ENV: 'dev',
      GOLDENPATH_LIFECYCLE: 'ephemeral',
      GOLDENPATH_BUILD_ID: '26-01-23-01',
    });
  });
});

describe('derivePlan: expiry and tags', () => {
  it('has no expiry for a persistent selection', () => {
    expect(derivePlan({ env: dev, selection: persistent('dev') }).expiresAt).toBeUndefined();
  });

  it("adds the env's TTL to the end of the build day", () => {
    expect(derivePlan({ env: dev, selection: build }).expiresAt).toBe('2026-01-24T08:00:00Z');
  });

  it("adds the env's TTL to an explicit start, whitespace trimmed", () => {
    expect(derivePlan({ env: dev, selection: build, buildStartedAt: ' 2026-01-23T10:15:00Z ' }).expiresAt).toBe('2026-01-23T18:15:00Z');
  });

  it('throws a SelectionError for an impossible build date when the expiry is read', () => {
    const plan = derivePlan({ env: dev, selection: ephemeral('dev', '26-02-30-01') });
    expect(() => plan.expiresAt).toThrow(SelectionError);
  });

  it('tags a build stack with the build and its expiry, and its foundational stacks with neither', () => {
    const plan = derivePlan({ env: dev, selection: build });
    expect([plan.tags('cluster')[TAG_KEYS.buildId], plan.tags('cluster')[TAG_KEYS.expiresAt]]).toEqual(['26-01-23-01', '2026-01-24T08:00:00Z']);
    expect(plan.tags('network')).not.toHaveProperty([TAG_KEYS.buildId]);
    expect(plan.tags('network')[TAG_KEYS.lifecycle]).toBe('persistent');
  });
});

describe('derivePlan: apps and capabilities (the shipped catalog)', () => {
  it('needs nothing beyond tier 0', () => {
    expect([...derivePlan({ env: withCeiling(0), selection: persistent('dev') }).capabilities]).toEqual([]);
  });

  it.each(LIFECYCLES.flatMap((lifecycle) => CEILINGS.map((ceiling) => [lifecycle, ceiling] as const)))(
    '%s with ceiling %s needs the database and object storage exactly from tier 2',
    (lifecycle, ceiling) => {
      const selection = lifecycle === 'persistent' ? persistent('dev') : build;
      const needs = derivePlan({ env: withCeiling(ceiling), selection }).capabilities;
      const reachesTier2 = lifecycle === 'persistent' && (ceiling === undefined || ceiling >= 2);
      expect([needs.has('rds'), needs.has('object-storage')]).toEqual([reachesTier2, reachesTier2]);
    },
  );

  it('never needs the database on a build, whatever the env', () => {
    expect(CEILINGS.some((c) => derivePlan({ env: withCeiling(c), selection: build }).capabilities.has('rds'))).toBe(false);
  });

  it('lowers maxTier to the env ceiling and never raises it above the lifecycle', () => {
    expect([derivePlan({ env: withCeiling(1), selection: persistent('dev') }).maxTier, derivePlan({ env: withCeiling(3), selection: build }).maxTier]).toEqual([1, 1.5]);
  });

  it('runs the catalog apps within maxTier that the lifecycle allows, in catalog order', () => {
    const plan = derivePlan({ env: withCeiling(undefined), selection: build });
    expect(plan.apps.map((a) => a.name)).toEqual(CATALOG.filter((a) => a.tier <= 1.5 && a.lifecycles.includes('ephemeral')).map((a) => a.name));
  });
});

describe('derivePlan: apps and capabilities (a given catalog)', () => {
  const app = (name: string, tier: Tier, requires: CatalogApp['requires'], lifecycles: CatalogApp['lifecycles'] = LIFECYCLES): CatalogApp => ({
    name,
    tier,
    syncWave: 0,
    namespace: name,
    chart: { repoURL: 'https://charts.invalid', chart: name, version: '1.0.0' },
    requires,
    lifecycles,
    clusterResources: [],
    values: () => ({}),
  });
  const catalog = [app('a', 1, ['irsa']), app('b', 2, ['rds']), app('c', 1, ['object-storage'], ['persistent'])];

  it('follows the requirements of the apps in scope, not tier numbers', () => {
    expect([...derivePlan({ env: withCeiling(1), selection: persistent('dev'), catalog }).capabilities].sort()).toEqual(['irsa', 'object-storage']);
    expect([...derivePlan({ env: withCeiling(undefined), selection: build, catalog }).capabilities]).toEqual(['irsa']);
  });
});
