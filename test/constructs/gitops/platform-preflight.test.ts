import { missingFoundationMessage } from '../../../constructs/foundation/foundation-reader';
import { planFor } from '../../support/plan';
import { missingIrsaRoleMessage, PlatformPreflight, UnprovisionedDatabaseError } from '../../../constructs/gitops/platform-preflight';
import { CATALOG } from '../../../contract/catalog/catalog';
import { ephemeral, persistent, type Selection } from '../../../contract/selection';
import { only, synthConstructs } from '../../support/synth-scope';

const DATABASE_APPS = ['keycloak', 'backstage', 'grafana'];
function synth(selection: Selection, databaseApps = DATABASE_APPS) {
  const plan = planFor(selection);
  let preflight: PlatformPreflight | undefined;
  const json = synthConstructs((scope) => {
    preflight = new PlatformPreflight(scope, 'preflight', {
      envName: 'dev',
      clusterName: plan.names.cluster,
      roleNames: plan.names.roles,
      objectStorageBucket: plan.names.objectStorageBucket,
      apps: plan.apps,
      databaseApps,
      foundation: { dns: plan.stacks.dns, database: plan.stacks.database },
      clusterStack: plan.stacks.cluster,
      hostSuffix: plan.names.hostSuffix,
    });
  });
  return { json, preflight: preflight as PlatformPreflight };
}
const postconditionMessages = (data: Record<string, unknown>) => (data.lifecycle as { postcondition: { error_message: string }[] }).postcondition.map((p) => p.error_message);

describe('PlatformPreflight', () => {
  const build = ephemeral('dev', '26-01-23-01');

  it('fails the plan of a persistent cluster without the database foundation document, naming the stack', () => {
    expect(postconditionMessages(only(synth(persistent('dev')).json, 'data', 'aws_ssm_parameters_by_path'))).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.database));
  });

  it('does not need the database foundation for a build', () => {
    expect(postconditionMessages(only(synth(build).json, 'data', 'aws_ssm_parameters_by_path'))).not.toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.database));
  });

  it('always needs the dns foundation for the zone ExternalDNS writes to', () => {
    expect(postconditionMessages(only(synth(build).json, 'data', 'aws_ssm_parameters_by_path'))).toContain(missingFoundationMessage('dev', planFor(persistent('dev')).stacks.dns));
  });

  it('fails the plan for each missing IRSA role with a message naming the apps and the cluster stack', () => {
    const loki = CATALOG.filter((a) => a.name === 'loki');
    const dev = planFor(persistent('dev'));
    const message = missingIrsaRoleMessage(dev.names.roles.loki, loki, dev.stacks.cluster);
    expect([postconditionMessages(only(synth(persistent('dev')).json, 'data', 'aws_iam_roles')), message]).toEqual([
      expect.arrayContaining([message]),
      'IRSA role goldenpath-dev-loki is missing: app "loki" (tier 2, platform experience) assumes it. Deploy the dev-cluster stack first (GOLDENPATH_ENV=dev GOLDENPATH_LIFECYCLE=persistent npx cdktf deploy dev-cluster).',
    ]);
  });

  it('verifies only the IRSA roles of the apps in scope', () => {
    const names = Object.values(synth(build).json.data.aws_iam_role as Record<string, { name: string }>).map((r) => r.name).sort();
    expect(names).toEqual(['cluster-autoscaler', 'external-dns', 'external-secrets', 'lb-controller'].map((r) => `goldenpath-dev-b-26-01-23-01-${r}`));
  });

  it('verifies the object storage bucket when loki is in scope', () => {
    expect(only(synth(persistent('dev')).json, 'data', 'aws_s3_bucket').bucket).toBe('goldenpath-dev-loki-111111111111');
  });

  it('sets the flags of what it verified, and only those', () => {
    const flags = (p: PlatformPreflight) => [p.irsaConfigured, p.rdsAvailable, p.objectStorageAvailable];
    expect([flags(synth(persistent('dev')).preflight), flags(synth(build).preflight)]).toEqual([
      [true, true, true],
      [true, false, false],
    ]);
  });

  it('refuses at synth an app whose database the env does not provision', () => {
    expect(() => synth(persistent('dev'), ['keycloak', 'backstage'])).toThrow(UnprovisionedDatabaseError);
  });

  it('names the app, the database and the fix when a database is not provisioned', () => {
    expect(() => synth(persistent('dev'), ['keycloak', 'backstage'])).toThrow(/app "grafana" \(tier 2, platform experience\) uses database "grafana", which envs\/dev\.ts does not provision: add \{ name: 'grafana' \}/);
  });

  it('looks up the issued, Amazon-issued *.{hostSuffix} certificate, so nothing that serves a hostname starts before it exists (preflight check 6)', () => {
    const { json } = synth(build);
    expect(only(json, 'data', 'aws_acm_certificate')).toMatchObject({ domain: `*.${planFor(build).names.hostSuffix}`, statuses: ['ISSUED'], types: ['AMAZON_ISSUED'], most_recent: true });
  });
});

