import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { deriveBootstrapValues } from '../contract/bootstrap-values';
import { CATALOG } from '../contract/catalog/catalog';
import { argocdProfile } from '../contract/gitops/argocd-values';
import { DEFAULT_STORAGE_CLASS, EBS_CSI_ADDON } from '../contract/storage-class';
import { controllerTags } from '../contract/tags';
import { ArgocdInstall } from '../constructs/gitops/argocd-install';
import { BootstrapApps } from '../constructs/gitops/bootstrap-apps';
import { ClusterAccess } from '../constructs/gitops/cluster-access';
import { ContractInCluster } from '../constructs/gitops/contract-in-cluster';
import { DefaultStorageClass, EBS_CSI_ADDON_ADDRESS } from '../constructs/gitops/default-storage-class';
import { describeApps, PlatformPreflight } from '../constructs/gitops/platform-preflight';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type PlatformStackProps = GoldenpathStackProps;

/**
 * `{env}-platform` / `{env}-b-{buildId}-platform`: Argo CD, the contract, the
 * bootstrap apps, and where the database is consumed the Job that provisions
 * the app databases. Every platform flag of the contract is set only for what
 * this stack creates (the default StorageClass) or verifies at plan time
 * (IRSA roles, the database foundation document, the object storage
 * bucket); the contract derived from them is the single source of the
 * output, the ConfigMap, the cluster Secret and every app's values.
 */
export class PlatformStack extends GoldenpathStack {
  constructor(scope: Construct, props: PlatformStackProps) {
    super(scope, 'platform', props);
    const { env, plan } = props;
    const cluster = plan.names.cluster;
    const inScope = plan.apps;

    const access = new ClusterAccess(this, 'cluster_access', { clusterName: cluster, region: env.account.region });
    const preflight = new PlatformPreflight(this, 'preflight', {
      envName: env.name,
      clusterName: cluster,
      roleNames: plan.names.roles,
      objectStorageBucket: plan.names.objectStorageBucket,
      apps: inScope,
      databaseApps: env.database.apps.map((a) => a.name),
      foundation: { dns: plan.stacks.dns, database: plan.stacks.database },
      clusterStack: plan.stacks.cluster,
      hostSuffix: plan.names.hostSuffix,
    });
    const buildIdentity = controllerTags(this.tags);
    const storage = new DefaultStorageClass(this, 'default_storage_class', { clusterName: cluster, volumeTags: buildIdentity });
    // The database is private to the VPC, so its app roles and databases are provisioned from inside the cluster.
    if (preflight.rdsAvailable) {
      // The Job binding is the largest provider module synth loads (~0.2 s): only selections with the database pay for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { DbProvisionJob } = require('../constructs/gitops/db-provision-job') as typeof import('../constructs/gitops/db-provision-job');
      new DbProvisionJob(this, 'db_provision', {
        envName: env.name,
        databaseApps: env.database.apps,
        roleName: plan.names.roles['db-provisioner'],
        clusterStack: plan.stacks.cluster,
      });
    }

    const contract = deriveBootstrapValues({
      plan,
      platform: {
        irsaConfigured: preflight.irsaConfigured,
        storageClassReady: true,
        rdsAvailable: preflight.rdsAvailable,
        objectStorageAvailable: preflight.objectStorageAvailable,
      },
      wiring: {
        zoneId: preflight.zoneId,
        roleArns: preflight.roleArns,
        database: preflight.database,
        vpcId: access.vpcId,
        controllerTags: buildIdentity,
        certificateArn: preflight.certificate.arn,
      },
    });

    const argocd = new ArgocdInstall(this, 'argocd', { contract, profile: argocdProfile(plan.lifecycle, env.gitops.highAvailability) });
    const inCluster = new ContractInCluster(this, 'contract', { contract, namespace: argocd.namespace.metadata.name });
    new TerraformOutput(this, 'bootstrap_values', { value: inCluster.encoded, description: 'The bootstrap values contract (JSON) for CI' });

    const needingStorage = inScope.filter((app) => app.requires.includes('storage-class'));
    const clusterStack = plan.stacks.cluster;
    const apps = new BootstrapApps(this, 'bootstrap_apps', {
      catalog: CATALOG,
      contract,
      gitopsRepoUrl: env.gitops.repoUrl,
      gitopsAppNamespaces: env.gitops.appNamespaces,
      namespace: argocd.namespace.metadata.name,
      dependsOn: [argocd.release, inCluster.configMap, inCluster.clusterSecret, storage.storageClass, preflight.certificate],
      preconditions:
        needingStorage.length === 0
          ? []
          : [
              {
                condition: `\${length(${EBS_CSI_ADDON_ADDRESS}.addon_version) > 0}`,
                errorMessage: `${describeApps(needingStorage)} need the default StorageClass ${DEFAULT_STORAGE_CLASS.name}, served by the EKS add-on ${EBS_CSI_ADDON} of cluster ${cluster}: deploy the ${clusterStack.name} stack with the add-on first (${clusterStack.deployCommand}).`,
              },
            ],
    });
    new TerraformOutput(this, 'selected_apps', { value: apps.summary, description: 'Every selected app (name, tier, sync wave) and hostname, for CI checks' });
  }
}
