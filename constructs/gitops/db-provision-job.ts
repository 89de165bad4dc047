import { DataAwsIamRoles } from '@cdktf/provider-aws/lib/data-aws-iam-roles';
import type { JobV1 } from '@cdktf/provider-kubernetes/lib/job-v1';
import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import type { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DB_PROVISIONER_SERVICE_ACCOUNT, renderDbProvisionJob, type ProvisionedApp } from '../../contract/gitops/db-provision-job';
import type { PlannedStack } from '../../contract/plan';
import { kubernetesResource } from '../kubernetes/kubernetes-object';

export interface DbProvisionJobProps {
  /** The env whose database the Job provisions (`goldenpath db provision --env`). */
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

/**
 * The in-cluster `goldenpath db provision` Job: the objects the pure renderer
 * (contract/gitops/db-provision-job.ts) produces, as Kubernetes provider
 * resources: Namespace first, then the ServiceAccount annotated with the IRSA
 * role (looked up by name; a missing role fails the plan naming the cluster
 * stack) and the Job. Terraform does not wait for the Job.
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

    this.namespace = kubernetesResource<NamespaceV1>(this, 'namespace', manifests.namespace);
    // The namespace by reference, so both objects are created after it.
    const namespace = this.namespace.metadata.name;
    this.serviceAccount = kubernetesResource<ServiceAccountV1>(this, 'service_account', manifests.serviceAccount, { namespace });
    this.job = kubernetesResource<JobV1>(this, 'job', manifests.job, {
      namespace,
      dependsOn: [this.serviceAccount],
      // The Job runs on its own; its outcome is in the cluster (kubectl -n goldenpath-db logs job/...), not in the apply.
      providerArguments: { waitForCompletion: false },
    });
  }
}
