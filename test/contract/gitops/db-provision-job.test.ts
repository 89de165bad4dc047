import { DB_PROVISIONER_SERVICE_ACCOUNT, renderDbProvisionJob } from '../../../contract/gitops/db-provision-job';
import { IRSA_ROLE_ARN_ANNOTATION } from '../../../contract/service-accounts';
import { VERSIONS } from '../../../contract/versions';
import { kubernetesSchemaErrors } from './support/kubernetes-schema';

const ROLE_ARN = 'arn:aws:iam::111111111111:role/goldenpath-dev-db-provisioner';

describe('renderDbProvisionJob', () => {
  const { job, serviceAccount } = renderDbProvisionJob({ env: 'dev', roleArn: ROLE_ARN });
  const pod = job.spec?.template.spec;
  const container = pod?.containers[0];

  it('renders a Job that passes the batch/v1 schema', () => {
    expect(kubernetesSchemaErrors('batch/v1/Job', job)).toEqual([]);
  });

  it('renders a ServiceAccount that passes the v1 schema', () => {
    expect(kubernetesSchemaErrors('v1/ServiceAccount', serviceAccount)).toEqual([]);
  });

  it('has a schema check that rejects a malformed Job', () => {
    const broken = { ...job, spec: { ...job.spec, backoffLimit: 'four' } };
    expect(kubernetesSchemaErrors('batch/v1/Job', broken)).not.toEqual([]);
  });

  it('runs goldenpath db provision for the env with the pinned CLI image', () => {
    expect(container?.image).toBe(`${VERSIONS.goldenpathCliImage.repository}:${VERSIONS.goldenpathCliImage.tag}`);
    expect(container?.command?.slice(0, 7)).toEqual(['npx', '--no-install', 'goldenpath', 'db', 'provision', '--env', 'dev']);
  });

  it('passes the mounted CA bundle file to --ca-bundle', () => {
    const command = container?.command ?? [];
    const caPath = command[command.indexOf('--ca-bundle') + 1];
    const mount = container?.volumeMounts?.find((m) => m.name === 'rds-ca');
    const volume = pod?.volumes?.find((v) => v.name === 'rds-ca');
    expect(caPath).toBe(`${mount?.mountPath}/${volume?.configMap?.items?.[0]?.path}`);
    expect(volume?.configMap).toEqual({ name: 'rds-ca-bundle', items: [{ key: 'global-bundle.pem', path: 'global-bundle.pem' }] });
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

  it('runs non-root with a read-only root filesystem, no privilege escalation and no API token', () => {
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(pod?.securityContext?.runAsNonRoot).toBe(true);
    expect(container?.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });

  it('keeps the same Job name for the same inputs', () => {
    expect(renderDbProvisionJob({ env: 'dev', roleArn: ROLE_ARN }).job.metadata?.name).toBe(job.metadata?.name);
  });

  it('gives the Job a new name when the image changes, since Jobs are immutable', () => {
    const other = renderDbProvisionJob({ env: 'dev', roleArn: ROLE_ARN, image: 'ghcr.io/goldenpath-idp/goldenpath-infra:0.2.0' });
    expect(other.job.metadata?.name).not.toBe(job.metadata?.name);
    expect(other.job.metadata?.name).toMatch(/^goldenpath-db-provision-[0-9a-f]{10}$/);
  });
});
