import { App } from 'cdktf';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingFoundationMessage } from '../../constructs/foundation/foundation-reader';
import { BOOTSTRAP_VALUES_LOCAL } from '../../constructs/gitops/contract-in-cluster';
import { BootstrapValuesSchema, type BootstrapValues } from '../../contract/bootstrap-values';
import { BOOTSTRAP_NAMES } from '../../contract/argocd';
import { DB_PROVISIONER_SERVICE_ACCOUNT, renderDbProvisionJob } from '../../contract/gitops/db-provision-job';
import { renderClusterSecret } from '../../contract/gitops/cluster-secret';
import { disposableStackName } from '../../contract/naming';
import { ephemeral, persistent, type Selection } from '../../contract/selection';
import { TAG_KEYS, tierLabelKey } from '../../contract/tags';
import { CHARTS } from '../../contract/versions';
import { loadEnvironment } from '../../envs';
import { PlatformStack } from '../../stacks/platform-stack';
import { planFor } from '../support/plan';
import type { TerraformJson } from '../support/synth';
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
const SYNTHESIZED = {
  'dev persistent': synthPlatform(persistent('dev')),
  'staging (ceiling 2)': synthPlatform(persistent('staging')),
  'dev build': synthPlatform(build),
  'prod persistent': synthPlatform(persistent('prod')),
};
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
const applicationSets = (json: TerraformJson): Record<string, unknown> => JSON.parse(terraformUnescape(release(json, CHARTS.argocdApps.chart).values[0])).applicationsets;
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
    ]);
  });

  it("provisions the env's database apps with the env's own name", () => {
    const job = only(SYNTHESIZED['staging (ceiling 2)'], 'resource', 'kubernetes_job_v1');
    const env = loadEnvironment('staging');
    expect([job.spec.template.spec.container[0].command.slice(5, 7), job.metadata.name]).toEqual([
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
    expect([Object.keys(secretLabels(json)).filter((k) => k.includes('/tier-')), Object.keys(applicationSets(json)).includes('keycloak')]).toEqual([
      [tierLabelKey(0), tierLabelKey(1), tierLabelKey(1.5)],
      false,
    ]);
  });

  it('removes the tiers above a lowered ceiling from the labels and the ApplicationSets', () => {
    const json = SYNTHESIZED['staging (ceiling 2)'];
    expect([secretLabels(json)[tierLabelKey(3)], Object.keys(applicationSets(json)).filter((a) => ['keycloak', 'oidc-config'].includes(a))]).toEqual([undefined, []]);
  });

  it('generates keycloak on a persistent cluster at tier 3', () => {
    expect(Object.keys(applicationSets(SYNTHESIZED['dev persistent']))).toEqual(expect.arrayContaining(['keycloak', 'oidc-config', 'backstage', 'loki']));
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
