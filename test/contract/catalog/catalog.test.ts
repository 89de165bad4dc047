import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG } from '../../../contract/catalog/catalog';
import { resolveApp } from '../../../contract/catalog/select';
import { appHelmValues } from '../../../contract/gitops/app-values';
import { TIERS } from '../../../contract/lifecycle';
import { persistent } from '../../../contract/selection';
import { HTTPS_ONLY_INGRESS_ANNOTATIONS } from '../../../contract/tls';
import { contractFor, stringsIn } from '../../support/bootstrap-contract';
import { LIFECYCLES } from '../../../contract/lifecycle';
import { SERVICE_ACCOUNTS } from '../../../contract/service-accounts';
import { CHARTS } from '../../../contract/versions';
import { ENVIRONMENT_DEFINITIONS, loadEnvironment } from '../../../envs';

const CATALOG_DIR = join(__dirname, '../../../contract/catalog');
/** Where the charts keep their Ingress: top-level `ingress`, or `server.ingress` (prometheus, argo-cd). */
type IngressValues = { ingress?: { annotations?: unknown }; server?: { ingress?: { annotations?: unknown } } };
const byName = (name: string) => CATALOG.find((a) => a.name === name);

/** The design's tier table: app, tier, sync wave (the load balancer controller and cert-manager waves are this project's choice). */
const TIER_TABLE = [
  ['aws-load-balancer-controller', 1, 5],
  ['external-secrets', 1, 10],
  ['cert-manager', 1, 15],
  ['external-dns', 1, 20],
  ['kong', 1, 30],
  ['cluster-autoscaler', 1, 40],
  ['prometheus', 1.5, 50],
  ['alertmanager', 1.5, 51],
  ['grafana', 1.5, 52],
  ['backstage', 2, 100],
  ['loki', 2, 101],
  ['keycloak', 3, 200],
  ['oidc-config', 3, 201],
] as const;

function catalogSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? catalogSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('CATALOG', () => {
  it('holds exactly the apps of the tier table', () => {
    expect(CATALOG.map((a) => a.name).sort()).toEqual(TIER_TABLE.map(([name]) => name).sort());
  });

  it.each(TIER_TABLE)('places %s at tier %s, sync wave %s', (name, tier, wave) => {
    expect([byName(name)?.tier, byName(name)?.syncWave]).toEqual([tier, wave]);
  });

  it('orders sync waves by tier: no app of a higher tier syncs before one of a lower tier', () => {
    const sorted = [...CATALOG].sort((a, b) => a.syncWave - b.syncWave);
    expect(sorted.map((a) => a.tier)).toEqual([...sorted.map((a) => a.tier)].sort((a, b) => a - b));
  });

  it('gives every app its own sync wave', () => {
    expect(new Set(CATALOG.map((a) => a.syncWave)).size).toBe(CATALOG.length);
  });

  it('restricts only keycloak and oidc-config to persistent clusters', () => {
    const restricted = CATALOG.filter((a) => LIFECYCLES.some((l) => !a.lifecycles.includes(l)));
    expect(restricted.map((a) => [a.name, a.lifecycles])).toEqual([
      ['keycloak', ['persistent']],
      ['oidc-config', ['persistent']],
    ]);
  });

  it('takes every chart from the version manifest', () => {
    const pinned: readonly unknown[] = Object.values(CHARTS);
    expect(CATALOG.filter((a) => !pinned.includes(a.chart)).map((a) => a.name)).toEqual([]);
  });

  it('pins every chart to one exact version, never a range', () => {
    const floating = Object.entries(CHARTS).filter(([, c]) => !/^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(c.version));
    expect(floating).toEqual([]);
  });

  it('requires irsa exactly for the apps that name an IRSA role', () => {
    expect(CATALOG.filter((a) => a.requires.includes('irsa') !== (a.irsaRole !== undefined)).map((a) => a.name)).toEqual([]);
  });

  it('installs every IRSA app into the namespace its role trusts', () => {
    const mismatched = CATALOG.filter((a) => a.irsaRole !== undefined && SERVICE_ACCOUNTS[a.irsaRole].namespace !== a.namespace);
    expect(mismatched.map((a) => a.name)).toEqual([]);
  });

  it.each(Object.keys(ENVIRONMENT_DEFINITIONS))('finds every app database provisioned in envs/%s.ts', (envName) => {
    const provisioned = loadEnvironment(envName).database.apps.map((a) => a.name);
    expect(CATALOG.flatMap((a) => (a.database === undefined ? [] : [a.database])).filter((d) => !provisioned.includes(d))).toEqual([]);
  });

  it('leaves Argo CD out: Terraform installs it', () => {
    expect(CATALOG.some((a) => a.chart === CHARTS.argoCd || a.name.startsWith('argo'))).toBe(false);
  });

  it('contains no literal domain in its source files', () => {
    const chartHosts = new Set(Object.values(CHARTS).map((c) => new URL(c.repoURL).host));
    const found = catalogSources(CATALOG_DIR).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // A `prefix.io/name` not preceded by `://` is a Kubernetes label or annotation key, not a host.
      const hosts = [...text.matchAll(/(:\/\/)?\b((?:[a-z0-9-]+\.)+(?:io|com))\b(\/)?/gi)].filter((m) => m[1] !== undefined || m[3] === undefined).map((m) => m[2]);
      return hosts.filter((h) => /goldenpathidp\.io/i.test(h) || !chartHosts.has(h)).map((h) => `${file}: ${h}`);
    });
    expect(found).toEqual([]);
  });

  it('orders sync waves by tier at every ceiling, with each app resolved for it (grafana on PostgreSQL at 102)', () => {
    for (const maxTier of TIERS) {
      const sorted = CATALOG.map((a) => resolveApp(a, maxTier)).sort((a, b) => a.syncWave - b.syncWave);
      expect(sorted.map((a) => a.tier)).toEqual([...sorted.map((a) => a.tier)].sort((a, b) => a - b));
    }
  });

  it('declares every hostname an app serves through an Ingress as a host label, so CI checks each over HTTPS', () => {
    const contract = contractFor(persistent('prod'));
    const suffix = `.${contract.hostSuffix}`;
    for (const app of CATALOG) {
      const values = appHelmValues(app, contract) as IngressValues;
      const hosts = new Set(stringsIn(values.ingress ?? values.server?.ingress ?? {}).filter((s) => s.endsWith(suffix)));
      expect([app.name, [...hosts].sort()]).toEqual([app.name, (app.hostLabels ?? []).map((l) => `${l}${suffix}`).sort()]);
    }
  });

  it('serves every app Ingress over HTTPS only, plain HTTP redirected', () => {
    const contract = contractFor(persistent('prod'));
    const withIngress = CATALOG.filter((a) => (a.hostLabels ?? []).length > 0);
    const annotationsOf = (values: IngressValues): unknown => values.ingress?.annotations ?? values.server?.ingress?.annotations;
    expect(withIngress.map((a) => [a.name, annotationsOf(a.values(contract) as IngressValues)])).toEqual(withIngress.map((a) => [a.name, HTTPS_ONLY_INGRESS_ANNOTATIONS]));
  });
});
