import {
  CLI_IMAGE_RDS_CA_BUNDLE_PATH,
  CLI_IMAGE_USER_ID,
  DB_PROVISIONER_SERVICE_ACCOUNT,
  renderDbProvisionJob,
  type DbProvisionJobProps,
} from '../../../contract/gitops/db-provision-job';
import { IRSA_ROLE_ARN_ANNOTATION, SERVICE_ACCOUNTS } from '../../../contract/service-accounts';
import { VERSIONS } from '../../../contract/versions';
import { kubernetesSchemaErrors } from './support/kubernetes-schema';

const ROLE_ARN = 'arn:aws:iam::111111111111:role/goldenpath-dev-db-provisioner';
const PROPS: DbProvisionJobProps = {
  env: 'dev',
  roleArn: ROLE_ARN,
  databaseApps: [
    { name: 'backstage', createDb: true },
    { name: 'grafana', createDb: false },
  ],
};

describe('renderDbProvisionJob', () => {
  const { namespace, job, serviceAccount } = renderDbProvisionJob(PROPS);
  const pod = job.spec?.template.spec;
  const container = pod?.containers[0];
  const jobName = (props: Partial<DbProvisionJobProps>) => renderDbProvisionJob({ ...PROPS, ...props }).job.metadata?.name;

  it('renders a Job that passes the batch/v1 schema', () => {
    expect(kubernetesSchemaErrors('batch/v1/Job', job)).toEqual([]);
  });

  it('renders a ServiceAccount that passes the v1 schema', () => {
    expect(kubernetesSchemaErrors('v1/ServiceAccount', serviceAccount)).toEqual([]);
  });

  it('renders a Namespace that passes the v1 schema', () => {
    expect(kubernetesSchemaErrors('v1/Namespace', namespace)).toEqual([]);
  });

  it('has a schema check that rejects a malformed Job', () => {
    const broken = { ...job, spec: { ...job.spec, backoffLimit: 'four' } };
    expect(kubernetesSchemaErrors('batch/v1/Job', broken)).not.toEqual([]);
  });

  it('runs goldenpath db provision for the env with the pinned CLI image', () => {
    expect(container?.image).toBe(`${VERSIONS.goldenpathCliImage.repository}:${VERSIONS.goldenpathCliImage.tag}`);
    expect(container?.command?.slice(0, 6)).toEqual(['node', '/app/ops/bin/goldenpath.cjs', 'db', 'provision', '--env', 'dev']);
  });

  it('passes the CA bundle the image carries to --ca-bundle and mounts nothing over it', () => {
    const command = container?.command ?? [];
    expect(command[command.indexOf('--ca-bundle') + 1]).toBe(CLI_IMAGE_RDS_CA_BUNDLE_PATH);
    expect(container?.volumeMounts?.map((m) => m.mountPath)).toEqual(['/tmp']);
  });

  it('runs as the dedicated service account annotated with its IRSA role', () => {
    expect(pod?.serviceAccountName).toBe(serviceAccount.metadata?.name);
    expect(serviceAccount.metadata).toMatchObject({
      name: DB_PROVISIONER_SERVICE_ACCOUNT.serviceAccount,
      namespace: DB_PROVISIONER_SERVICE_ACCOUNT.namespace,
      annotations: { [IRSA_ROLE_ARN_ANNOTATION]: ROLE_ARN },
    });
    expect(job.metadata?.namespace).toBe(DB_PROVISIONER_SERVICE_ACCOUNT.namespace);
  });

  it('uses the service account the IRSA role keys define, so the role trusts exactly it', () => {
    expect(DB_PROVISIONER_SERVICE_ACCOUNT).toBe(SERVICE_ACCOUNTS['db-provisioner']);
  });

  it('puts the Job in a namespace of its own that enforces the restricted Pod Security Standard', () => {
    expect(namespace.metadata?.name).toBe(DB_PROVISIONER_SERVICE_ACCOUNT.namespace);
    expect(namespace.metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('runs non-root as the image user with a read-only root filesystem, no privilege escalation and no API token', () => {
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: CLI_IMAGE_USER_ID, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container?.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });

  it('sets no TTL, so the applier never sees a finished Job vanish and runs it again', () => {
    expect(job.spec?.ttlSecondsAfterFinished).toBeUndefined();
  });

  it('keeps the same Job name for the same inputs, whatever the order of the apps', () => {
    expect(jobName({ databaseApps: [...PROPS.databaseApps].reverse() })).toBe(job.metadata?.name);
  });

  it('gives the Job a new name when the image changes, since Jobs are immutable', () => {
    const other = jobName({ image: 'ghcr.io/goldenpath-idp/goldenpath-infra:0.2.0' });
    expect(other).not.toBe(job.metadata?.name);
    expect(other).toMatch(/^goldenpath-db-provision-[0-9a-f]{10}$/);
  });

  it('gives the Job a new name when an app is added, so the new app gets provisioned', () => {
    expect(jobName({ databaseApps: [...PROPS.databaseApps, { name: 'keycloak', createDb: false }] })).not.toBe(job.metadata?.name);
  });

  it('gives the Job a new name when an app starts creating databases', () => {
    expect(jobName({ databaseApps: [{ name: 'backstage', createDb: true }, { name: 'grafana', createDb: true }] })).not.toBe(job.metadata?.name);
  });
});
