import { DbProvisionJob, missingDbProvisionerRoleMessage } from '../../../constructs/gitops/db-provision-job';
import { renderDbProvisionJob } from '../../../contract/gitops/db-provision-job';
import { ephemeral, persistent } from '../../../contract/selection';
import { IRSA_ROLE_ARN_ANNOTATION } from '../../../contract/service-accounts';
import { kubernetesSchemaErrors } from '../../contract/gitops/support/kubernetes-schema';
import { planFor } from '../../support/plan';
import { only, synthConstructs } from '../../support/synth-scope';

const APPS = [
  { name: 'backstage', createDb: true },
  { name: 'keycloak', createDb: false },
];
const plan = planFor(persistent('dev'));
const json = synthConstructs(
  (scope) =>
    new DbProvisionJob(scope, 'db_provision', { envName: 'dev', databaseApps: APPS, roleName: plan.names.roles['db-provisioner'], clusterStack: plan.stacks.cluster }),
);
const rendered = renderDbProvisionJob({ env: 'dev', roleArn: 'looked up by the construct', databaseApps: APPS });
const resource = (type: string) => only(json, 'resource', type);
const namespaceRef = (type: string) => `\${${type}.${Object.keys(json.resource[type])[0]}.metadata[0].name}`;

/** Terraform's block form back to the Kubernetes API's: camelCase keys, plural lists, numeric ids. */
function toKubernetes(value: unknown): unknown {
  const plural: Record<string, string> = { container: 'containers', volume: 'volumes', volumeMount: 'volumeMounts' };
  const numeric = new Set(['runAsUser', 'runAsGroup']);
  if (Array.isArray(value)) return value.map(toKubernetes);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      return [plural[camel] ?? camel, numeric.has(camel) ? Number(v) : toKubernetes(v)];
    }),
  );
}

describe('DbProvisionJob', () => {
  it('creates the rendered Job spec field for field', () => {
    expect(toKubernetes(resource('kubernetes_job_v1').spec)).toEqual(rendered.job.spec);
  });

  it('creates a Job that, read back from Terraform, passes the batch/v1 schema', () => {
    const job = resource('kubernetes_job_v1');
    const manifest = { apiVersion: 'batch/v1', kind: 'Job', metadata: { ...job.metadata, namespace: rendered.job.metadata?.namespace }, spec: toKubernetes(job.spec) };
    expect(kubernetesSchemaErrors('batch/v1/Job', manifest)).toEqual([]);
  });

  it('creates the rendered Namespace, ServiceAccount and Job metadata', () => {
    const { namespace: _ns, ...saMeta } = rendered.serviceAccount.metadata!;
    const { namespace: _jobNs, ...jobMeta } = rendered.job.metadata!;
    expect([resource('kubernetes_namespace_v1').metadata, resource('kubernetes_service_account_v1').metadata, resource('kubernetes_job_v1').metadata]).toEqual([
      rendered.namespace.metadata,
      { ...saMeta, annotations: { [IRSA_ROLE_ARN_ANNOTATION]: expect.stringContaining('data.aws_iam_roles.') }, namespace: expect.any(String) },
      { ...jobMeta, namespace: expect.any(String) },
    ]);
  });

  it('creates the Namespace first: the ServiceAccount and the Job name it by reference', () => {
    const ref = namespaceRef('kubernetes_namespace_v1');
    expect([resource('kubernetes_service_account_v1').metadata.namespace, resource('kubernetes_job_v1').metadata.namespace]).toEqual([ref, ref]);
  });

  it('creates the Job after its ServiceAccount', () => {
    expect(resource('kubernetes_job_v1').depends_on).toEqual([`kubernetes_service_account_v1.${Object.keys(json.resource.kubernetes_service_account_v1)[0]}`]);
  });

  it('does not make the apply wait for the Job to finish', () => {
    expect(resource('kubernetes_job_v1').wait_for_completion).toBe(false);
  });

  it('annotates the ServiceAccount with the role it looked up by its exact name', () => {
    const roles = only(json, 'data', 'aws_iam_roles');
    const address = `data.aws_iam_roles.${Object.keys(json.data.aws_iam_roles)[0]}`;
    expect([roles.name_regex, resource('kubernetes_service_account_v1').metadata.annotations[IRSA_ROLE_ARN_ANNOTATION]]).toEqual([
      '^goldenpath-dev-db-provisioner$',
      `\${one(tolist(${address}.arns))}`,
    ]);
  });

  it('fails the plan when the role is missing, naming the cluster stack to deploy', () => {
    expect(only(json, 'data', 'aws_iam_roles').lifecycle.postcondition).toEqual([
      { condition: '${length(self.names) == 1}', error_message: missingDbProvisionerRoleMessage(plan.names.roles['db-provisioner'], plan.stacks.cluster) },
    ]);
    const build = planFor(ephemeral('dev', '26-01-23-01'));
    expect(missingDbProvisionerRoleMessage(build.names.roles['db-provisioner'], build.stacks.cluster)).toBe(
      'IRSA role goldenpath-dev-b-26-01-23-01-db-provisioner is missing: the database provisioning Job (goldenpath-db/db-provisioner) assumes it. Deploy the dev-b-26-01-23-01-cluster stack first (GOLDENPATH_ENV=dev GOLDENPATH_LIFECYCLE=ephemeral GOLDENPATH_BUILD_ID=26-01-23-01 npx cdktf deploy dev-b-26-01-23-01-cluster).',
    );
  });
});
