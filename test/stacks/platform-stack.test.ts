import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingFoundationMessage } from '../../constructs/foundation/foundation-reader';
import { BOOTSTRAP_VALUES_LOCAL } from '../../constructs/gitops/contract-in-cluster';
import { BootstrapValuesSchema, type BootstrapValues } from '../../contract/bootstrap-values';
import { CATALOG } from '../../contract/catalog/catalog';
import { appsInScope } from '../../contract/catalog/select';
import { tierProjectName } from '../../contract/gitops/app-project';
import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA, BOOTSTRAP_NAMES, SYNC_WAVE_ANNOTATION } from '../../contract/argocd';
import { DB_PROVISIONER_SERVICE_ACCOUNT, renderDbProvisionJob } from '../../contract/gitops/db-provision-job';
import { renderClusterSecret } from '../../contract/gitops/cluster-secret';
import { disposableStackName } from '../../contract/naming';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { APP_TIER_LABEL, TAG_KEYS, tierLabelKey } from '../../contract/tags';
import { CHARTS } from '../../contract/versions';
import { loadEnvironment } from '../../envs';
import { PlatformStack } from '../../stacks/platform-stack';
import { planFor } from '../support/plan';
import type { TerraformJson } from '../support/synth';
import { schemaErrors } from '../support/kubernetes-validation';
import { only, terraformUnescape } from '../support/synth-scope';

/** Synthesizes the platform stack alone, as compose.ts builds it. */
function synthPlatform(selection: Selection): TerraformJson {
  const env = loadEnvironment(selection.env);
  const outdir = mkdtempSync(join(tmpdir(), 'gp-platform-'));
  const app = new App({ outdir });
  const name = disposableStackName(selection, 'platform');
  new PlatformStack(app, { env, plan: planFor(selection, { env }) });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as TerraformJson;
}

const build = ephemeral('dev', '26-01-23-01');
/** Every env × lifecycle. */
const SELECTIONS = {
  'dev persistent': persistent('dev'),
  'staging (ceiling 2)': persistent('staging'),
  'dev build': build,
  'prod persistent': persistent('prod'),
  'staging build': ephemeral('staging', '26-01-23-02'),
  'prod build': ephemeral('prod', '26-01-23-03'),
} as const;
const SYNTHESIZED = Object.fromEntries(Object.entries(SELECTIONS).map(([name, selection]) => [name, synthPlatform(selection)])) as Record<keyof typeof SELECTIONS, TerraformJson>;
type Case = keyof typeof SYNTHESIZED;
const CASES = Object.keys(SYNTHESIZED) as Case[];

/** The contract as Terraform will hold it: the local, unescaped (references stay `${...}` strings). */
const contractOf = (json: TerraformJson): BootstrapValues => BootstrapValuesSchema.parse(terraformUnescape(json.locals[BOOTSTRAP_VALUES_LOCAL]));
const releases = (json: TerraformJson) => Object.values(json.resource.helm_release as Record<string, { chart: string; version: string; values: string[]; lifecycle?: { precondition: { error_message: string }[] } }>);
const release = (json: TerraformJson, chart: string) => {
  const found = releases(json).find((r) => r.chart === chart);
  if (found === undefined) throw new Error(`no helm_release of chart ${chart}`);
  return found;
};
const releaseValues = (json: TerraformJson, chart: string) => JSON.parse(terraformUnescape(release(json, chart).values[0]));
/** The children of the app-of-apps, as the argocd-apps release hands them to Argo CD. */
type Child = { additionalLabels: Record<string, string>; additionalAnnotations: Record<string, string>; project: string; source: { helm: { valuesObject: TerraformJson } } };
const children = (json: TerraformJson): Record<string, Child> =>
  releaseValues(json, CHARTS.argocdApps.chart).applications[BOOTSTRAP_NAMES.appOfApps].source.helm.valuesObject.applications;
const secretLabels = (json: TerraformJson): Record<string, string> => only(json, 'resource', 'kubernetes_secret_v1').metadata.labels;

describe('PlatformStack', () => {
  it.each(CASES)('synthesizes the %s platform stack with Argo CD, the contract objects and the bootstrap apps', (name) => {
    const json = SYNTHESIZED[name];
    const dbProvisioning = contractOf(json).platform.rdsAvailable ? ['kubernetes_job_v1', 'kubernetes_service_account_v1'] : [];
    expect([releases(json).map((r) => r.chart).sort(), Object.keys(json.resource).sort()]).toEqual([
      [CHARTS.argoCd.chart, CHARTS.argocdApps.chart].sort(),
      ['helm_release', 'kubernetes_config_map_v1', 'kubernetes_namespace_v1', 'kubernetes_secret_v1', 'kubernetes_storage_class_v1', ...dbProvisioning].sort(),
    ]);
  });

  it('deploys the database provisioning Job, in its own namespace, exactly where the contract says RDS is available', () => {
    const provisioning = (json: TerraformJson) => ({
      rdsAvailable: contractOf(json).platform.rdsAvailable,
      namespaces: Object.values<TerraformJson>(json.resource.kubernetes_namespace_v1).map((n) => n.metadata.name).sort(),
      jobs: Object.values<TerraformJson>(json.resource.kubernetes_job_v1 ?? {}).map((j) => j.metadata.namespace),
    });
    const namespaceRef = (json: TerraformJson) => {
      const [address] = Object.entries<TerraformJson>(json.resource.kubernetes_namespace_v1).find(([, n]) => n.metadata.name === DB_PROVISIONER_SERVICE_ACCOUNT.namespace)!;
      return `\${kubernetes_namespace_v1.${address}.metadata[0].name}`;
    };
    const withDatabase = { rdsAvailable: true, namespaces: ['argocd', DB_PROVISIONER_SERVICE_ACCOUNT.namespace] };
    expect(CASES.map((name) => [name, provisioning(SYNTHESIZED[name])])).toEqual([
      ['dev persistent', { ...withDatabase, jobs: [namespaceRef(SYNTHESIZED['dev persistent'])] }],
      ['staging (ceiling 2)', { ...withDatabase, jobs: [namespaceRef(SYNTHESIZED['staging (ceiling 2)'])] }],
      ['dev build', { rdsAvailable: false, namespaces: ['argocd'], jobs: [] }],
      ['prod persistent', { ...withDatabase, jobs: [namespaceRef(SYNTHESIZED['prod persistent'])] }],
      ['staging build', { rdsAvailable: false, namespaces: ['argocd'], jobs: [] }],
      ['prod build', { rdsAvailable: false, namespaces: ['argocd'], jobs: [] }],
    ]);
  });

  it("provisions the env's database apps with the env's own name", () => {
    const job = only(SYNTHESIZED['staging (ceiling 2)'], 'resource', 'kubernetes_job_v1');
    const env = loadEnvironment('staging');
    const command: string[] = job.spec.template.spec.container[0].command;
    expect([command.slice(command.indexOf('--env'), command.indexOf('--env') + 2), job.metadata.name]).toEqual([
      ['--env', 'staging'],
      renderDbProvisionJob({ env: 'staging', roleArn: 'any', databaseApps: env.database.apps }).job.metadata?.name,
    ]);
  });

  it.each(CASES)('gives the output, the ConfigMap and the cluster Secret the same contract (%s)', (name) => {
    const json = SYNTHESIZED[name];
    const encoded = `\${jsonencode(local.${BOOTSTRAP_VALUES_LOCAL})}`;
    const secret = only(json, 'resource', 'kubernetes_secret_v1');
    const fromLocal = renderClusterSecret(contractOf(json));
    expect([
      json.output.bootstrap_values.value,
      only(json, 'resource', 'kubernetes_config_map_v1').data[BOOTSTRAP_NAMES.configMapKey],
      terraformUnescape(secret.metadata.labels),
      terraformUnescape(secret.metadata.annotations),
    ]).toEqual([encoded, encoded, fromLocal.metadata.labels, fromLocal.metadata.annotations]);
  });

  it('derives the contract of the selection: host suffix, ceiling and build id', () => {
    const contracts = [contractOf(SYNTHESIZED['dev build']), contractOf(SYNTHESIZED['staging (ceiling 2)'])];
    expect(contracts.map((c) => [c.hostSuffix, c.maxTier, c.buildId])).toEqual([
      ['b-26-01-23-01.dev.goldenpathidp.io', 1.5, '26-01-23-01'],
      ['staging.goldenpathidp.io', 2, null],
    ]);
  });

  it('sets platform flags only for what it creates or verifies', () => {
    expect([contractOf(SYNTHESIZED['dev build']).platform, contractOf(SYNTHESIZED['dev persistent']).platform]).toEqual([
      { irsaConfigured: true, storageClassReady: true, rdsAvailable: false, objectStorageAvailable: false },
      { irsaConfigured: true, storageClassReady: true, rdsAvailable: true, objectStorageAvailable: true },
    ]);
  });

  it('wires role ARNs, zone id and database endpoint as references to what it verified', () => {
    const c = contractOf(SYNTHESIZED['dev persistent']);
    expect([c.roleArns['external-dns'], c.dns.zoneId, c.database?.endpoint]).toEqual([
      expect.stringMatching(/^\$\{data\.aws_iam_role\.\S+\.arn\}$/),
      '${local.foundation_dns.zoneId}',
      '${local.foundation_database.address}',
    ]);
  });

  it('fails the plan of a persistent cluster without the database foundation document, naming the stack to deploy', () => {
    const documents = only(SYNTHESIZED['dev persistent'], 'data', 'aws_ssm_parameters_by_path');
    expect(documents.lifecycle.postcondition.map((p: { error_message: string }) => p.error_message)).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.database));
  });

  it('runs tiers 0 to 1.5 on a build and never keycloak', () => {
    const json = SYNTHESIZED['dev build'];
    expect([Object.keys(secretLabels(json)).filter((k) => k.includes('/tier-')), Object.keys(children(json)).includes('keycloak')]).toEqual([
      [tierLabelKey(0), tierLabelKey(1), tierLabelKey(1.5)],
      false,
    ]);
  });

  it('removes the tiers above a lowered ceiling from the labels and the children', () => {
    const json = SYNTHESIZED['staging (ceiling 2)'];
    expect([secretLabels(json)[tierLabelKey(3)], Object.keys(children(json)).filter((a) => ['keycloak', 'oidc-config'].includes(a))]).toEqual([undefined, []]);
  });

  it('runs keycloak and its OIDC config on the persistent prod cluster alone (tier 3 is prod-only by default)', () => {
    const withKeycloak = CASES.filter((name) => Object.keys(children(SYNTHESIZED[name])).includes('keycloak'));
    expect([withKeycloak, Object.keys(children(SYNTHESIZED['prod persistent']))]).toEqual([['prod persistent'], expect.arrayContaining(['keycloak', 'oidc-config', 'backstage', 'loki'])]);
  });

  it.each(CASES)('annotates every child with the sync wave of its catalog app as resolved for the ceiling, lists them in wave order, and names its tier project (%s)', (name) => {
    const json = SYNTHESIZED[name];
    const contract = contractOf(json);
    const expected = appsInScope(CATALOG, contract).filter((a) => Object.keys(children(json)).includes(a.name)).sort((a, b) => a.syncWave - b.syncWave);
    const rendered = Object.entries(children(json)).map(([app, child]) => [app, child.additionalAnnotations[SYNC_WAVE_ANNOTATION], child.additionalLabels[APP_TIER_LABEL], child.project]);
    expect(rendered).toEqual(expected.map((a) => [a.name, String(a.syncWave), String(a.tier), tierProjectName(a.tier)]));
  });

  it('moves grafana to PostgreSQL, tier 2 and wave 102 where maxTier reaches 2, and keeps it on SQLite at 1.5 on builds', () => {
    const grafana = (name: Case) => {
      const child = children(SYNTHESIZED[name]).grafana;
      return [child.additionalLabels[APP_TIER_LABEL], child.additionalAnnotations[SYNC_WAVE_ANNOTATION], child.source.helm.valuesObject['grafana.ini'].database.type];
    };
    expect([grafana('dev persistent'), grafana('dev build')]).toEqual([
      ['2', '102', 'postgres'],
      ['1.5', '52', 'sqlite3'],
    ]);
  });

  it.each(CASES)('validates the app-of-apps, every child and every project against the Argo CD CRD models (%s)', (name) => {
    const values = releaseValues(SYNTHESIZED[name], CHARTS.argocdApps.chart);
    const asManifest = (kind: 'Application' | 'AppProject', key: string, entry: TerraformJson) => {
      const { namespace, additionalLabels, additionalAnnotations, finalizers, ...spec } = entry;
      return { apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name: key, namespace, labels: additionalLabels, annotations: additionalAnnotations, finalizers }, spec };
    };
    const parent = values.applications[BOOTSTRAP_NAMES.appOfApps];
    const errors = schemaErrors([
      ...Object.entries<TerraformJson>(values.projects).map(([key, p]) => ({ model: 'AppProject' as const, manifest: asManifest('AppProject', key, p) })),
      { model: 'Application' as const, manifest: asManifest('Application', BOOTSTRAP_NAMES.appOfApps, parent) },
      ...Object.entries<TerraformJson>(children(SYNTHESIZED[name])).map(([key, c]) => ({ model: 'Application' as const, manifest: asManifest('Application', key, c) })),
    ]);
    expect(errors.flat()).toEqual([]);
  });

  it.each(CASES)('gives Argo CD the health check of Applications, so the app-of-apps waits for each wave (%s)', (name) => {
    expect(releaseValues(SYNTHESIZED[name], CHARTS.argoCd.chart).configs.cm[APPLICATION_HEALTH_KEY]).toBe(APPLICATION_HEALTH_LUA);
  });

  it.each(CASES)("serves Kong's TLS listener with the issued *.{hostSuffix} certificate it looks up (%s)", (name) => {
    const json = SYNTHESIZED[name];
    const [address, certificate] = Object.entries<TerraformJson>(json.data.aws_acm_certificate)[0];
    const annotations = children(json).kong.source.helm.valuesObject.proxy.annotations;
    expect([certificate.domain, certificate.statuses, annotations['service.beta.kubernetes.io/aws-load-balancer-ssl-cert'], annotations['service.beta.kubernetes.io/aws-load-balancer-ssl-ports']]).toEqual([
      `*.${contractOf(json).hostSuffix}`,
      ['ISSUED'],
      `\${data.aws_acm_certificate.${address}.arn}`,
      '443',
    ]);
  });

  it.each(CASES)('installs the bootstrap apps only after the certificate lookup (%s)', (name) => {
    const address = Object.keys(SYNTHESIZED[name].data.aws_acm_certificate)[0];
    expect((release(SYNTHESIZED[name], CHARTS.argocdApps.chart) as unknown as { depends_on: string[] }).depends_on).toContain(`data.aws_acm_certificate.${address}`);
  });

  it.each(CASES)('outputs every selected app and hostname for CI (%s)', (name) => {
    const json = SYNTHESIZED[name];
    const summary = json.output.selected_apps.value;
    expect([summary.apps.map((a: { name: string }) => a.name), summary.hostnames[0]]).toEqual([Object.keys(children(json)), `argocd.${contractOf(json).hostSuffix}`]);
  });

  it('declares the StorageClass need of tier 1.5 before the bootstrap apps install, naming the apps and the fix', () => {
    const messages = release(SYNTHESIZED['dev build'], CHARTS.argocdApps.chart).lifecycle?.precondition.map((p) => p.error_message);
    expect(messages).toEqual([expect.stringMatching(/app "prometheus" \(tier 1\.5, core observability\).*StorageClass gp3.*deploy the dev-b-26-01-23-01-cluster stack/)]);
  });

  it('runs Argo CD highly available only where the env asks for it', () => {
    const redisHa = (name: Case) => JSON.parse(terraformUnescape(release(SYNTHESIZED[name], CHARTS.argoCd.chart).values[0]))['redis-ha'].enabled;
    expect(CASES.map((name) => [name, redisHa(name)])).toEqual([
      ['dev persistent', false],
      ['staging (ceiling 2)', false],
      ['dev build', false],
      ['prod persistent', true],
      ['staging build', false],
      ['prod build', false],
    ]);
  });

  it('pins both charts to the version manifest', () => {
    expect(releases(SYNTHESIZED['dev persistent']).map((r) => [r.chart, r.version]).sort()).toEqual(
      [
        [CHARTS.argoCd.chart, CHARTS.argoCd.version],
        [CHARTS.argocdApps.chart, CHARTS.argocdApps.version],
      ].sort(),
    );
  });

  it('tags what in-cluster controllers create on a build with the build identity only', () => {
    const json = SYNTHESIZED['dev build'];
    const volumeTags = Object.entries(only(json, 'resource', 'kubernetes_storage_class_v1').parameters as Record<string, string>)
      .filter(([k]) => k.startsWith('tagSpecification_'))
      .map(([, v]) => v);
    const expected = { [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: '26-01-23-01', [TAG_KEYS.expiresAt]: expect.any(String) };
    expect([Object.fromEntries(volumeTags.map((t) => t.split('='))), contractOf(json).controllerTags]).toEqual([expected, expected]);
  });
});
