import { createHash } from 'node:crypto';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { IRSA_ROLE_ARN_ANNOTATION, type ServiceAccountRef } from '../service-accounts';
import { TAG_KEYS } from '../tags';
import { VERSIONS } from '../versions';

/**
 * A dedicated service account, not external-secrets': provisioning needs the
 * RDS master secret, which the cluster-wide secret sync controller must never
 * be able to read. Its IRSA role grants only what `db provision` reads.
 */
export const DB_PROVISIONER_SERVICE_ACCOUNT: ServiceAccountRef = { namespace: 'goldenpath-db', serviceAccount: 'db-provisioner' };

export const DB_PROVISION_JOB_PREFIX = 'goldenpath-db-provision';
const APP_LABEL = 'app.kubernetes.io/name';
const CA_MOUNT_DIR = '/etc/goldenpath/rds-ca';
/** The `node` user of the Node.js base image the CLI image builds on. */
const RUN_AS_USER = 1000;

export interface CaBundleRef {
  /** ConfigMap holding the RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem). */
  readonly configMap: string;
  readonly key: string;
}

export interface DbProvisionJobProps {
  /** Environment whose app databases the Job provisions. */
  readonly env: string;
  /** IRSA role the service account assumes; it may read the database foundation parameter, the master secret and the env's app secrets. */
  readonly roleArn: string;
  /** @default `{VERSIONS.goldenpathCliImage.repository}:{VERSIONS.goldenpathCliImage.tag}` */
  readonly image?: string;
  /** @default { configMap: 'rds-ca-bundle', key: 'global-bundle.pem' } */
  readonly caBundle?: CaBundleRef;
  /** Seconds the Job may run in total before Kubernetes stops it. @default 900 */
  readonly activeDeadlineSeconds?: number;
}

export interface DbProvisionManifests {
  readonly serviceAccount: IServiceAccount;
  readonly job: IJob;
}

/**
 * The ServiceAccount and Job that run `goldenpath db provision --env E` in
 * the cluster. Jobs are immutable, so the name carries a hash of what the Job
 * runs: a new image or command is a new Job, the same one is the same Job.
 */
export function renderDbProvisionJob(props: DbProvisionJobProps): DbProvisionManifests {
  const image = props.image ?? `${VERSIONS.goldenpathCliImage.repository}:${VERSIONS.goldenpathCliImage.tag}`;
  const caBundle = props.caBundle ?? { configMap: 'rds-ca-bundle', key: 'global-bundle.pem' };
  const { namespace, serviceAccount } = DB_PROVISIONER_SERVICE_ACCOUNT;
  // --no-install: the CLI comes with the image; never fetch code from a registry at run time.
  const command = ['npx', '--no-install', 'goldenpath', 'db', 'provision', '--env', props.env, '--ca-bundle', `${CA_MOUNT_DIR}/${caBundle.key}`];
  const hash = createHash('sha256').update(JSON.stringify({ image, command, caBundle })).digest('hex').slice(0, 10);
  const labels = { [APP_LABEL]: DB_PROVISION_JOB_PREFIX, [TAG_KEYS.env]: props.env };

  return {
    serviceAccount: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: serviceAccount, namespace, labels, annotations: { [IRSA_ROLE_ARN_ANNOTATION]: props.roleArn } },
    },
    job: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: `${DB_PROVISION_JOB_PREFIX}-${hash}`, namespace, labels },
      spec: {
        backoffLimit: 4,
        activeDeadlineSeconds: props.activeDeadlineSeconds ?? 900,
        ttlSecondsAfterFinished: 86400,
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: serviceAccount,
            // IRSA injects its own projected token; the Job needs no Kubernetes API access.
            automountServiceAccountToken: false,
            restartPolicy: 'Never',
            securityContext: { runAsNonRoot: true, runAsUser: RUN_AS_USER, runAsGroup: RUN_AS_USER, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'db-provision',
                image,
                command,
                env: [
                  { name: 'HOME', value: '/tmp' },
                  { name: 'NPM_CONFIG_CACHE', value: '/tmp/.npm' },
                ],
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                volumeMounts: [
                  { name: 'rds-ca', mountPath: CA_MOUNT_DIR, readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volumes: [
              { name: 'rds-ca', configMap: { name: caBundle.configMap, items: [{ key: caBundle.key, path: caBundle.key }] } },
              { name: 'tmp', emptyDir: {} },
            ],
          },
        },
      },
    },
  };
}
