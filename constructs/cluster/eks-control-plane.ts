import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { CONTROL_PLANE_LOG_TYPES } from '../../contract/control-plane-log-types';
import { awsManagedPolicyArn, eksAccessPolicyArn } from '../../contract/iam/arn';
import { AWS_MANAGED_POLICIES } from '../../contract/iam/aws-managed-policies';
import type { PolicyDocument } from '../../contract/iam/policy-document';
import { serviceTrustPolicy } from './policies/irsa-trust';
import { accountDelegatingKeyPolicy } from '../../contract/iam/key-policy';


export interface EksControlPlaneProps {
  /** EKS cluster name (contract `clusterName`). */
  readonly clusterName: string;
  /** Kubernetes minor version, from the version manifest. */
  readonly kubernetesVersion: string;
  /** AWS partition of the region (`aws`, `aws-us-gov`, `aws-cn`), for service principals and managed policy ARNs. */
  readonly partition: string;
  /** The account whose IAM the secrets key's policy delegates to. */
  readonly accountId: string;
  /** Name of the cluster IAM role EKS assumes. */
  readonly roleName: string;
  /** The log group EKS writes control plane logs to; created here so its retention is ours. */
  readonly logGroupName: string;
  /** Retention of that log group (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** Alias of the KMS key that encrypts Kubernetes secrets. */
  readonly secretsKeyAlias: string;
  /**
   * Waiting period before the secrets key is deleted.
   * @default 30
   */
  readonly keyDeletionWindowDays?: number;
  /** Private subnets of the foundation network the control plane ENIs go into. */
  readonly subnetIds: string[];
  /** Empty: the API endpoint is private only. */
  readonly publicAccessCidrs: readonly string[];
  /** IAM principals granted cluster admin through access entries (duplicates collapse). */
  readonly adminPrincipalArns: readonly string[];
  /**
   * IAM principals granted read access to every Kubernetes object (custom resources such as Argo CD Applications included).
   * @default none
   */
  readonly viewerPrincipalArns?: readonly string[];
  /**
   * Permissions boundary of the cluster role.
   * @default none
   */
  readonly permissionsBoundaryArn?: string;
}

const CLUSTER_ADMIN_POLICY = 'AmazonEKSClusterAdminPolicy';
/** View of every object, Secrets and custom resources included (AmazonEKSViewPolicy omits custom resources). */
const CLUSTER_VIEW_POLICY = 'AmazonEKSAdminViewPolicy';

/**
 * The EKS control plane: API authentication through access entries only,
 * Kubernetes secrets envelope-encrypted with the cluster's own KMS key, every
 * control plane log type in a log group this stack owns (created first, so
 * EKS never creates one without retention).
 */
export class EksControlPlane extends Construct {
  readonly cluster: EksCluster;
  readonly role: IamRole;
  readonly secretsKey: KmsKey;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EksControlPlaneProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: `EKS control plane of ${props.clusterName}`,
      assumeRolePolicy: JSON.stringify(serviceTrustPolicy('eks.amazonaws.com')),
      permissionsBoundary: props.permissionsBoundaryArn,
    });
    const rolePolicy = new IamRolePolicyAttachment(this, 'cluster-policy', {
      role: this.role.name,
      policyArn: awsManagedPolicyArn(props.partition, AWS_MANAGED_POLICIES.eksCluster),
    });

    this.secretsKey = new KmsKey(this, 'secrets-key', {
      description: `Envelope encryption of Kubernetes secrets in ${props.clusterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.keyDeletionWindowDays ?? 30,
      policy: JSON.stringify(accountDelegatingKeyPolicy({ partition: props.partition, accountId: props.accountId })),
    });
    new KmsAlias(this, 'secrets-key-alias', { name: props.secretsKeyAlias, targetKeyId: this.secretsKey.keyId });
    // The key policy defers to IAM, so the control plane gets exactly the key operations envelope encryption needs.
    const keyUse = new IamRolePolicy(this, 'secrets-key-use', {
      role: this.role.name,
      name: 'secrets-encryption',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ListGrants', 'kms:DescribeKey'], Resource: this.secretsKey.arn },
        ],
      } satisfies PolicyDocument),
    });

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: props.logGroupName,
      retentionInDays: props.logRetentionDays,
    });

    const publicAccess = props.publicAccessCidrs.length > 0;
    this.cluster = new EksCluster(this, 'cluster', {
      name: props.clusterName,
      version: props.kubernetesVersion,
      roleArn: this.role.arn,
      // Add-ons are managed (and pinned) by this stack, not installed self-managed by EKS.
      bootstrapSelfManagedAddons: false,
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: this.secretsKey.arn } },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      vpcConfig: {
        subnetIds: props.subnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: publicAccess,
        publicAccessCidrs: publicAccess ? [...props.publicAccessCidrs] : undefined,
      },
      upgradePolicy: { supportType: 'STANDARD' },
      dependsOn: [this.logGroup, rolePolicy, keyUse],
    });

    const grant = (kind: 'admin' | 'viewer', policy: string) => (principalArn: string, i: number) => {
      const entry = new EksAccessEntry(this, `${kind}-${i}`, { clusterName: this.cluster.name, principalArn, type: 'STANDARD' });
      new EksAccessPolicyAssociation(this, `${kind}-${i}-policy`, {
        clusterName: this.cluster.name,
        principalArn: entry.principalArn,
        policyArn: eksAccessPolicyArn(props.partition, policy),
        accessScope: { type: 'cluster' },
      });
    };
    const admins = [...new Set(props.adminPrincipalArns)];
    admins.forEach(grant('admin', CLUSTER_ADMIN_POLICY));
    [...new Set(props.viewerPrincipalArns ?? [])].filter((p) => !admins.includes(p)).forEach(grant('viewer', CLUSTER_VIEW_POLICY));
  }
}
