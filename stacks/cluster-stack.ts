import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { ClusterAddons } from '../constructs/cluster/cluster-addons';
import { DatabaseAccess } from '../constructs/cluster/database-access';
import { EksControlPlane } from '../constructs/cluster/eks-control-plane';
import { IrsaRole } from '../constructs/cluster/irsa-role';
import { NodeGroup } from '../constructs/cluster/node-group';
import { NodeRole } from '../constructs/cluster/node-role';
import { NodeSecurityGroup } from '../constructs/cluster/node-security-group';
import { ObjectStorage } from '../constructs/cluster/object-storage';
import { OidcProvider } from '../constructs/cluster/oidc-provider';
import { clusterAutoscalerPolicy } from '../constructs/cluster/policies/cluster-autoscaler';
import { dbProvisionerPolicy } from '../constructs/cluster/policies/db-provisioner';
import { externalSecretsPolicy } from '../constructs/cluster/policies/external-secrets';
import { loadBalancerControllerPolicy } from '../constructs/cluster/policies/load-balancer-controller';
import { awsManagedPolicyArn } from '../contract/iam/arn';
import { AWS_MANAGED_POLICIES } from '../contract/iam/aws-managed-policies';
import { boundaryArn } from '../contract/ci/boundaries';
import { clusterAccess } from '../contract/ci/cluster-access';
import { partitionOf } from '../contract/iam/partition';
import { FoundationReader } from '../constructs/foundation/foundation-reader';
import { WildcardCertificate } from '../constructs/tls/wildcard-certificate';
import type { Tier } from '../contract/lifecycle';
import {
  clusterLogGroupName,
  clusterSecretsKeyAlias,
  irsaRoleName,
  launchTemplateName,
  nodeSecurityGroupName,
  objectStorageBucketName,
  type FoundationKind,
  type IrsaRoleKey,
} from '../contract/naming';
import { apiAccessFor, endpointAccess } from '../contract/cluster-api-access';
import type { PlannedStack } from '../contract/plan';
import { SERVICE_ACCOUNTS } from '../contract/service-accounts';
import { clusterAutoscalerTags, controllerTags, TAG_KEYS } from '../contract/tags';
import { VERSIONS } from '../contract/versions';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type ClusterStackProps = GoldenpathStackProps;

/**
 * `{env}-cluster` / `{env}-b-{buildId}-cluster`: EKS, nodes, add-ons, IRSA.
 * Consumes the foundation documents (network, dns, and database from tier 2)
 * and never creates foundational resources. Also the `*.{hostSuffix}`
 * certificate, issued while the control plane is created.
 */
export class ClusterStack extends GoldenpathStack {
  readonly maxTier: Tier;
  readonly controlPlane: EksControlPlane;
  readonly oidc: OidcProvider;
  readonly irsaRoles: ReadonlyMap<IrsaRoleKey, IrsaRole>;
  readonly nodeGroups: readonly NodeGroup[];
  readonly objectStorage?: ObjectStorage;
  /** The database's ingress rule from this cluster's nodes, when its apps need the database. */
  readonly databaseAccess?: DatabaseAccess;
  readonly certificate: WildcardCertificate;

  constructor(scope: Construct, props: ClusterStackProps) {
    super(scope, 'cluster', props);
    const { env, plan } = props;
    const { selection, buildId } = plan;
    const cluster = plan.names.cluster;
    const partition = partitionOf(env.account.region);
    this.maxTier = plan.maxTier;
    const needs = plan.capabilities;

    const required: PlannedStack<FoundationKind>[] = [plan.stacks.network, plan.stacks.dns];
    if (needs.has('rds')) required.push(plan.stacks.database);
    const foundation = new FoundationReader(this, 'foundation', { env: env.name, required });
    const privateSubnetIds = foundation.listField('network', 'privateSubnetIds');

    // Every role of the cluster carries a boundary of the env's bootstrap stack: a build's, so no policy attached to it
    // can widen its DNS space or reach persistent resources; a persistent one's, so no policy attached to it grants IAM.
    const permissionsBoundaryArn = buildId === undefined ? boundaryArn(env, 'workload-boundary') : foundation.field('dns', 'buildBoundaryArn');
    const access = clusterAccess(env, selection);
    this.controlPlane = new EksControlPlane(this, 'control-plane', {
      clusterName: cluster,
      kubernetesVersion: VERSIONS.kubernetes,
      partition,
      accountId: env.account.id,
      roleName: irsaRoleName(selection, 'cluster'),
      logGroupName: clusterLogGroupName(selection),
      logRetentionDays: env.cluster.logRetentionDays,
      secretsKeyAlias: clusterSecretsKeyAlias(selection),
      // A build's key goes with the build; the shortest waiting period KMS allows.
      keyDeletionWindowDays: buildId === undefined ? 30 : 7,
      subnetIds: privateSubnetIds,
      publicAccessCidrs: endpointAccess(apiAccessFor(env.cluster.apiAccess, plan.lifecycle)).publicAccessCidrs,
      adminPrincipalArns: access.admins,
      viewerPrincipalArns: access.viewers,
      permissionsBoundaryArn,
    });
    const eks = this.controlPlane.cluster;
    this.oidc = new OidcProvider(this, 'oidc', { issuerUrl: eks.identity.get(0).oidc.get(0).issuer });

    const irsa = (key: IrsaRoleKey, extra: Omit<ConstructorParameters<typeof IrsaRole>[2], 'roleName' | 'oidc' | 'serviceAccount' | 'permissionsBoundaryArn'>) =>
      new IrsaRole(this, `irsa-${key}`, { roleName: irsaRoleName(selection, key), oidc: this.oidc, serviceAccount: SERVICE_ACCOUNTS[key], permissionsBoundaryArn, ...extra });
    const account = { partition, region: env.account.region, accountId: env.account.id };
    const roles = new Map<IrsaRoleKey, IrsaRole>([
      ['external-secrets', irsa('external-secrets', { policy: externalSecretsPolicy({ ...account, secretNames: plan.appSecretNames }) })],
      [
        'external-dns',
        buildId === undefined
          ? irsa('external-dns', { managedPolicyArns: [foundation.field('dns', 'persistentPolicyArn')] })
          : irsa('external-dns', {
              managedPolicyArns: [foundation.field('dns', 'buildPolicyArn')],
              // The build policy reads this principal tag; set here so it never depends on default_tags.
              tags: { [TAG_KEYS.buildId]: buildId },
            }),
      ],
      ['cluster-autoscaler', irsa('cluster-autoscaler', { policy: clusterAutoscalerPolicy({ ...account, clusterName: cluster }) })],
      ['lb-controller', irsa('lb-controller', { policy: loadBalancerControllerPolicy({ partition, clusterName: cluster }) })],
      ['ebs-csi', irsa('ebs-csi', { managedPolicyArns: [awsManagedPolicyArn(partition, AWS_MANAGED_POLICIES.ebsCsiDriver)] })],
    ]);

    if (needs.has('object-storage')) {
      this.objectStorage = new ObjectStorage(this, 'object-storage', {
        bucketName: objectStorageBucketName(selection, env.account.id),
        partition,
        roleName: irsaRoleName(selection, 'loki'),
        oidc: this.oidc,
        serviceAccount: SERVICE_ACCOUNTS.loki,
        forceDestroy: buildId !== undefined,
        permissionsBoundaryArn,
      });
      roles.set('loki', this.objectStorage.role);
    }
    if (needs.has('rds')) {
      roles.set(
        'db-provisioner',
        irsa('db-provisioner', { policy: dbProvisionerPolicy({ ...account, env: env.name, masterSecretArn: foundation.field('database', 'masterSecretArn') }) }),
      );
    }
    this.irsaRoles = roles;

    const nodeRole = new NodeRole(this, 'node-role', { roleName: irsaRoleName(selection, 'node'), partition, permissionsBoundaryArn });
    const nodeSecurityGroup = new NodeSecurityGroup(this, 'node-security-group', {
      name: nodeSecurityGroupName(selection),
      vpcId: foundation.field('network', 'vpcId'),
    });
    // Only a cluster whose apps need the database gets a way in (never a build at tier 1.5); the rule is this stack's.
    if (needs.has('rds')) {
      this.databaseAccess = new DatabaseAccess(this, 'database-access', {
        databaseSecurityGroupId: foundation.field('database', 'securityGroupId'),
        nodeSecurityGroupId: nodeSecurityGroup.securityGroup.id,
        clusterName: cluster,
      });
    }
    const addons = new ClusterAddons(this, 'addons', {
      clusterName: eks.name,
      ebsCsiRoleArn: roles.get('ebs-csi')!.role.arn,
      volumeTags: controllerTags(this.tags),
    });
    this.nodeGroups = env.cluster.nodeGroups.map(
      (spec) =>
        new NodeGroup(this, `node-group-${spec.name}`, {
          clusterName: eks.name,
          kubernetesVersion: VERSIONS.kubernetes,
          spec,
          launchTemplateName: launchTemplateName(selection, spec.name),
          nodeRoleArn: nodeRole.role.arn,
          subnetIds: privateSubnetIds,
          securityGroupIds: [eks.vpcConfig.clusterSecurityGroupId, nodeSecurityGroup.securityGroup.id],
          propagatedTags: this.tags,
          nodeGroupTags: clusterAutoscalerTags(cluster),
          dependsOn: [...addons.networking, ...nodeRole.attachments],
        }),
    );
    addons.createAfterNodes(this.nodeGroups.map((g) => g.nodeGroup));
    this.certificate = new WildcardCertificate(this, 'tls', { hostSuffix: plan.names.hostSuffix, zoneId: foundation.field('dns', 'zoneId') });

    this.outputs(cluster, nodeSecurityGroup);
  }

  private outputs(cluster: string, nodeSecurityGroup: NodeSecurityGroup): void {
    const eks = this.controlPlane.cluster;
    const output = (id: string, value: unknown, description: string) => new TerraformOutput(this, id, { value, description });
    output('cluster_name', cluster, 'EKS cluster name');
    output('cluster_endpoint', eks.endpoint, 'Kubernetes API endpoint');
    output('cluster_certificate_authority_data', eks.certificateAuthority.get(0).data, 'Base64 CA bundle of the API endpoint');
    output('cluster_security_group_id', eks.vpcConfig.clusterSecurityGroupId, 'Security group EKS created for the control plane and nodes');
    output('node_security_group_id', nodeSecurityGroup.securityGroup.id, 'Security group of the nodes alone');
    output('oidc_provider_arn', this.oidc.provider.arn, 'IAM OIDC provider of the cluster');
    output('oidc_issuer_url', eks.identity.get(0).oidc.get(0).issuer, 'OIDC issuer of service account tokens');
    output('irsa_role_arns', Object.fromEntries([...this.irsaRoles].map(([key, r]) => [key, r.role.arn])), 'IRSA role ARNs by key (contract/service-accounts.ts)');
    output('max_tier', this.maxTier, 'The tier ceiling this cluster was built for');
    output('certificate_arn', this.certificate.validation.certificateArn, 'The issued *.{hostSuffix} ACM certificate the NLB in front of Kong serves');
    if (this.objectStorage !== undefined) output('object_storage_bucket', this.objectStorage.bucket.bucket, 'Loki bucket');
  }
}
