import { DataAwsIamRoles } from '@cdktf/provider-aws/lib/data-aws-iam-roles';
import { JobV1, type JobV1Spec } from '@cdktf/provider-kubernetes/lib/job-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { DB_PROVISIONER_SERVICE_ACCOUNT, renderDbProvisionJob, type ProvisionedApp } from '../../contract/gitops/db-provision-job';
import type { PlannedStack } from '../../contract/plan';

export interface DbProvisionJobProps {
  readonly envName: string;
  /** The env's `database.apps`. */
  readonly databaseApps: readonly ProvisionedApp[];
  /** The IRSA role the Job's service account assumes (created by the cluster stack). */
  readonly roleName: string;
  /** The stack that creates the role, named when it is missing. */
  readonly clusterStack: Pick<PlannedStack, 'name' | 'deployCommand'>;
}

/** The plan fails with this when the cluster stack has not created the Job's IRSA role. */
export function missingDbProvisionerRoleMessage(roleName: string, clusterStack: DbProvisionJobProps['clusterStack']): string {
  const { namespace, serviceAccount } = DB_PROVISIONER_SERVICE_ACCOUNT;
  return `IRSA role ${roleName} is missing: the database provisioning Job (${namespace}/${serviceAccount}) assumes it. Deploy the ${clusterStack.name} stack first (${clusterStack.deployCommand}).`;
}

/** Fails synthesis when the renderer produces a field this conversion does not carry, instead of dropping it silently. */
function convertible(value: object, fields: readonly string[], where: string): void {
  const extra = Object.keys(value).filter((k) => !fields.includes(k));
  if (extra.length > 0) throw new Error(`${where} has ${extra.join(', ')}, which DbProvisionJob does not convert to kubernetes_job_v1: add the field to constructs/gitops/db-provision-job.ts`);
}

function stringMap(values: Readonly<Record<string, string | number>> | undefined): Record<string, string> | undefined {
  return values === undefined ? undefined : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

function optionalString(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function container(c: IContainer, where: string) {
  convertible(c, ['name', 'image', 'command', 'env', 'resources', 'securityContext', 'volumeMounts'], where);
  const sc = c.securityContext;
  if (sc !== undefined) convertible(sc, ['allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities'], `${where}.securityContext`);
  return {
    name: c.name,
    image: c.image,
    command: c.command,
    env: c.env?.map((e) => {
      convertible(e, ['name', 'value'], `${where}.env`);
      return { name: e.name, value: e.value };
    }),
    resources: c.resources === undefined ? undefined : { requests: stringMap(c.resources.requests), limits: stringMap(c.resources.limits) },
    securityContext:
      sc === undefined
        ? undefined
        : {
            allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
            readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
            capabilities: sc.capabilities === undefined ? undefined : { add: sc.capabilities.add, drop: sc.capabilities.drop },
          },
    volumeMount: c.volumeMounts?.map((m) => {
      convertible(m, ['name', 'mountPath', 'readOnly'], `${where}.volumeMounts`);
      return { name: m.name, mountPath: m.mountPath, readOnly: m.readOnly };
    }),
  };
}

function volume(v: IVolume, where: string) {
  convertible(v, ['name', 'emptyDir'], where);
  return { name: v.name, emptyDir: v.emptyDir === undefined ? undefined : { medium: v.emptyDir.medium, sizeLimit: v.emptyDir.sizeLimit?.toString() } };
}

function podSpec(pod: IPodSpec, where: string) {
  convertible(pod, ['serviceAccountName', 'automountServiceAccountToken', 'restartPolicy', 'securityContext', 'containers', 'volumes'], where);
  const sc = pod.securityContext;
  if (sc !== undefined) convertible(sc, ['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile'], `${where}.securityContext`);
  return {
    serviceAccountName: pod.serviceAccountName,
    automountServiceAccountToken: pod.automountServiceAccountToken,
    restartPolicy: pod.restartPolicy,
    securityContext:
      sc === undefined
        ? undefined
        : { runAsNonRoot: sc.runAsNonRoot, runAsUser: optionalString(sc.runAsUser), runAsGroup: optionalString(sc.runAsGroup), seccompProfile: sc.seccompProfile },
    container: pod.containers.map((c, i) => container(c, `${where}.containers[${i}]`)),
    volume: pod.volumes?.map((v, i) => volume(v, `${where}.volumes[${i}]`)),
  };
}

/** A rendered Job spec as `kubernetes_job_v1` takes it; throws on a field it would otherwise drop. */
export function jobV1Spec(spec: IJobSpec, where = 'Job.spec'): JobV1Spec {
  convertible(spec, ['backoffLimit', 'activeDeadlineSeconds', 'template'], where);
  const template = spec.template;
  convertible(template, ['metadata', 'spec'], `${where}.template`);
  if (template.metadata !== undefined) convertible(template.metadata, ['labels'], `${where}.template.metadata`);
  return {
    backoffLimit: spec.backoffLimit,
    activeDeadlineSeconds: spec.activeDeadlineSeconds,
    template: {
      metadata: { labels: template.metadata?.labels },
      spec: template.spec === undefined ? undefined : podSpec(template.spec, `${where}.template.spec`),
    },
  };
}

function metadata(meta: INamespace['metadata'], fields: readonly string[], where: string) {
  if (meta === undefined) throw new Error(`${where} has no metadata`);
  convertible(meta, fields, `${where}.metadata`);
  return { name: meta.name, labels: meta.labels, annotations: meta.annotations };
}

/**
 * The in-cluster `goldenpath db provision` Job, converted from the pure
 * renderer (contract/gitops/db-provision-job.ts) to typed Kubernetes provider
 * resources: Namespace first, then the ServiceAccount annotated with the IRSA
 * role (looked up by name; a missing role fails the plan naming the cluster
 * stack) and the Job. The provider's typed resources plan without a cluster
 * (unlike kubernetes_manifest), and Terraform does not wait for the Job.
 */
export class DbProvisionJob extends Construct {
  readonly namespace: NamespaceV1;
  readonly serviceAccount: ServiceAccountV1;
  readonly job: JobV1;

  constructor(scope: Construct, id: string, props: DbProvisionJobProps) {
    super(scope, id);
    const role = new DataAwsIamRoles(this, 'role', {
      nameRegex: `^${props.roleName}$`,
      lifecycle: { postcondition: [{ condition: '${length(self.names) == 1}', errorMessage: missingDbProvisionerRoleMessage(props.roleName, props.clusterStack) }] },
    });
    const manifests = renderDbProvisionJob({ env: props.envName, roleArn: Token.asString(Fn.one(role.arns)), databaseApps: props.databaseApps });

    this.namespace = new NamespaceV1(this, 'namespace', { metadata: metadata(manifests.namespace.metadata, ['name', 'labels'], 'Namespace') });
    // The namespace by reference, so both objects are created after it.
    const namespace = this.namespace.metadata.name;
    this.serviceAccount = new ServiceAccountV1(this, 'service_account', {
      metadata: { ...metadata(manifests.serviceAccount.metadata, ['name', 'namespace', 'labels', 'annotations'], 'ServiceAccount'), namespace },
    });
    const job = manifests.job;
    if (job.spec === undefined) throw new Error('the rendered Job has no spec');
    this.job = new JobV1(this, 'job', {
      metadata: { ...metadata(job.metadata, ['name', 'namespace', 'labels'], 'Job'), namespace },
      spec: jobV1Spec(job.spec),
      // The Job runs on its own; its outcome is in the cluster (kubectl -n goldenpath-db logs job/...), not in the apply.
      waitForCompletion: false,
      dependsOn: [this.serviceAccount],
    });
  }
}
