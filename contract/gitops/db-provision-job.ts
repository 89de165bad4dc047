import { createHash } from 'node:crypto';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { IRSA_ROLE_ARN_ANNOTATION, SERVICE_ACCOUNTS, type ServiceAccountRef } from '../service-accounts';
import { TAG_KEYS } from '../tags';
import { VERSIONS } from '../versions';

/**
 * A dedicated service account, not external-secrets': provisioning needs the
 * RDS master secret, which the cluster-wide secret sync controller must never
 * be able to read. Its IRSA role grants only what `db provision` reads.
 */
export const DB_PROVISIONER_SERVICE_ACCOUNT: ServiceAccountRef = SERVICE_ACCOUNTS['db-provisioner'];

export const DB_PROVISION_JOB_PREFIX = 'goldenpath-db-provision';
const APP_LABEL = 'app.kubernetes.io/name';
/** The `node` user of the Node.js base image the CLI image builds on (the Dockerfile's USER). */
export const CLI_IMAGE_USER_ID = 1000;

/**
 * How the image starts the CLI (its Dockerfile ENTRYPOINT, and the Job's
 * command): node on the entry file. `npx` would chmod the package bin, which
 * uid 1000 cannot do over root-owned files (EPERM).
 */
export const CLI_IMAGE_ENTRYPOINT = ['node', '/app/ops/bin/goldenpath.cjs'] as const;
/**
 * Where the CLI image carries the RDS CA bundle (global-bundle.pem), fetched
 * from AWS when the image is built: the Job verifies the server certificate
 * without reaching the internet, and a bundle change is a new image.
 */
export const CLI_IMAGE_RDS_CA_BUNDLE_PATH = '/opt/goldenpath/rds-ca/global-bundle.pem';

/** An app of the env's `database.apps`, as provisioning sees it. */
export interface ProvisionedApp {
  readonly name: string;
  readonly createDb: boolean;
}

export interface DbProvisionJobProps {
  /** Environment whose app databases the Job provisions. */
  readonly env: string;
  /** IRSA role the service account assumes; it may read the database foundation parameter, the master secret and the env's app secrets. */
  readonly roleArn: string;
  /** The env's `database.apps`: part of the Job's identity, so adding an app or changing `createDb` starts a new Job. */
  readonly databaseApps: readonly ProvisionedApp[];
  /** @default `{VERSIONS.goldenpathCliImage.repository}:{VERSIONS.goldenpathCliImage.tag}` */
  readonly image?: string;
  /** Seconds the Job may run in total before Kubernetes stops it. @default 900 */
  readonly activeDeadlineSeconds?: number;
}

export interface DbProvisionManifests {
  readonly namespace: INamespace;
  readonly serviceAccount: IServiceAccount;
  readonly job: IJob;
}

/**
 * The Namespace, ServiceAccount and Job that run `goldenpath db provision --env E` in
 * the cluster. Jobs are immutable, so the name carries a hash of what the Job
 * runs: a new image, command or app list is a new Job, the same one is the
 * same Job. No `ttlSecondsAfterFinished`: whoever applies the Job (Terraform,
 * Argo CD) would see a TTL-deleted Job as missing and run it again.
 */
export function renderDbProvisionJob(props: DbProvisionJobProps): DbProvisionManifests {
  const image = props.image ?? `${VERSIONS.goldenpathCliImage.repository}:${VERSIONS.goldenpathCliImage.tag}`;
  const { namespace, serviceAccount } = DB_PROVISIONER_SERVICE_ACCOUNT;
  // --no-install: the CLI comes with the image; never fetch code from a registry at run time.
  const command = [...CLI_IMAGE_ENTRYPOINT, 'db', 'provision', '--env', props.env, '--ca-bundle', CLI_IMAGE_RDS_CA_BUNDLE_PATH];
  const apps = props.databaseApps.map(({ name, createDb }) => ({ name, createDb })).sort((x, y) => x.name.localeCompare(y.name));
  const hash = createHash('sha256').update(JSON.stringify({ image, command, apps })).digest('hex').slice(0, 10);
  const labels = { [APP_LABEL]: DB_PROVISION_JOB_PREFIX, [TAG_KEYS.env]: props.env };

  return {
    namespace: {
      apiVersion: 'v1',
      kind: 'Namespace',
      // The pod meets the restricted Pod Security Standard; the namespace admits nothing less.
      metadata: { name: namespace, labels: { ...labels, 'pod-security.kubernetes.io/enforce': 'restricted' } },
    },
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
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: serviceAccount,
            // IRSA injects its own projected token; the Job needs no Kubernetes API access.
            automountServiceAccountToken: false,
            restartPolicy: 'Never',
            securityContext: { runAsNonRoot: true, runAsUser: CLI_IMAGE_USER_ID, runAsGroup: CLI_IMAGE_USER_ID, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'db-provision',
                image,
                command,
                env: [{ name: 'HOME', value: '/tmp' }],
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                // The only writable path: tsx's compile cache (os.tmpdir()) and HOME.
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
  };
}
