import { DeleteCertificateCommand } from '@aws-sdk/client-acm';
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DeleteInternetGatewayCommand,
  DeleteLaunchTemplateCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  TerminateInstancesCommand,
  DeleteSubnetCommand,
  DeleteVolumeCommand,
  DeleteVpcCommand,
  DescribeInternetGatewaysCommand,
  DetachInternetGatewayCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { DeleteAddonCommand, DeleteClusterCommand, DeleteFargateProfileCommand, DeleteNodegroupCommand } from '@aws-sdk/client-eks';
import { DeleteLoadBalancerCommand, DeleteTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DeleteInstanceProfileCommand,
  DeleteOpenIDConnectProviderCommand,
  GetInstanceProfileCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { DeleteAliasCommand, DescribeKeyCommand, ListAliasesCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { ChangeResourceRecordSetsCommand, type ResourceRecordSet } from '@aws-sdk/client-route-53';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectVersionsCommand, type ObjectIdentifier } from '@aws-sdk/client-s3';
import { awsErrorCode, isNotFound } from '../aws/errors';
import type { ResourceDeleter } from './executor';
import type { CloudResource, ResourceKind } from './resource';
import type { TokenBucket } from '../aws/token-bucket';
import type { AwsClients } from '../aws/clients';

/** The shortest window KMS allows: the key is unusable at once and gone after it. */
export const KMS_PENDING_WINDOW_DAYS = 7;

/** Route53 takes up to 1000 changes in one atomic batch; 100 keeps a failed batch cheap to split. */
export const ROUTE53_BATCH = 100;

/** Route53 answers a DELETE of a record that no longer exists with InvalidChangeBatch "not found". */
function recordGone(err: unknown): boolean {
  return awsErrorCode(err) === 'InvalidChangeBatch' && /not found/i.test((err as Error).message ?? '');
}

class RecordNotFound extends Error {
  override readonly name = 'RecordNotFound';
}

export function createAwsDeleter(clients: AwsClients, route53: TokenBucket): ResourceDeleter {
  const ignoreGone = async (run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  };

  const changeRecords = async (zoneId: string, sets: ResourceRecordSet[]): Promise<void> => {
    await route53.take();
    await clients.route53.send(
      new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: sets.map((s) => ({ Action: 'DELETE', ResourceRecordSet: s })) } }),
    );
  };

  const deleteRecords = async (resources: readonly CloudResource[]): Promise<void> => {
    const byZone = new Map<string, ResourceRecordSet[]>();
    for (const r of resources) {
      const zone = r.attributes.zoneId ?? '';
      byZone.set(zone, [...(byZone.get(zone) ?? []), JSON.parse(r.attributes.recordSet ?? '{}') as ResourceRecordSet]);
    }
    for (const [zoneId, sets] of byZone) {
      try {
        await changeRecords(zoneId, sets);
      } catch (err) {
        if (!recordGone(err)) throw err;
        // One record of the batch is already gone (an earlier, interrupted run): delete the rest one by one.
        if (sets.length === 1) throw new RecordNotFound((err as Error).message);
        for (const set of sets) {
          try {
            await changeRecords(zoneId, [set]);
          } catch (e) {
            if (!recordGone(e)) throw e;
          }
        }
      }
    }
  };

  const deleteRole = async (roleName: string): Promise<void> => {
    const iam = clients.iam;
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    for (const p of attached.AttachedPolicies ?? []) await ignoreGone(() => iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: p.PolicyArn })));
    const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
    for (const name of inline.PolicyNames ?? []) await ignoreGone(() => iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name })));
    const profiles = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName }));
    for (const p of profiles.InstanceProfiles ?? []) {
      await ignoreGone(() => iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: roleName, InstanceProfileName: p.InstanceProfileName })));
    }
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  };

  const deletePolicy = async (arn: string): Promise<void> => {
    const versions = await clients.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    for (const v of versions.Versions ?? []) {
      if (v.IsDefaultVersion !== true) await ignoreGone(() => clients.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v.VersionId })));
    }
    await clients.iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
  };

  const deleteInternetGateway = async (id: string): Promise<void> => {
    const out = await clients.ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [id] }));
    for (const a of out.InternetGateways?.[0]?.Attachments ?? []) {
      await ignoreGone(() => clients.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: a.VpcId })));
    }
    await clients.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: id }));
  };

  const revokeRule = async (r: CloudResource): Promise<void> => {
    const input = { GroupId: r.attributes.groupId, IpPermissions: [JSON.parse(r.attributes.permission ?? '{}') as IpPermission] };
    if (r.attributes.direction === 'egress') await clients.ec2.send(new RevokeSecurityGroupEgressCommand(input));
    else await clients.ec2.send(new RevokeSecurityGroupIngressCommand(input));
  };

  const releaseAddress = async (r: CloudResource): Promise<void> => {
    const association = r.attributes.associationId;
    if (association !== undefined) await ignoreGone(() => clients.ec2.send(new DisassociateAddressCommand({ AssociationId: association })));
    await clients.ec2.send(new ReleaseAddressCommand({ AllocationId: r.id }));
  };

  /** Aliases first (they would outlive nothing, but keep the alias name free for the next build), then the deletion is scheduled. */
  const scheduleKeyDeletion = async (keyId: string): Promise<void> => {
    const key = await clients.kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    const state = key.KeyMetadata?.KeyState;
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') return;
    const aliases = await clients.kms.send(new ListAliasesCommand({ KeyId: keyId }));
    for (const a of aliases.Aliases ?? []) await ignoreGone(() => clients.kms.send(new DeleteAliasCommand({ AliasName: a.AliasName })));
    await clients.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: KMS_PENDING_WINDOW_DAYS }));
  };

  /** Every object version and delete marker (1000 a call), then the bucket. */
  const emptyAndDeleteBucket = async (bucket: string): Promise<void> => {
    for (;;) {
      const out = await clients.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }));
      const objects: ObjectIdentifier[] = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key, VersionId: v.VersionId }));
      if (objects.length === 0) break;
      const deleted = await clients.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
      const failed = deleted.Errors ?? [];
      if (failed.length > 0) throw Object.assign(new Error(`${failed.length} object versions of ${bucket} not deleted: ${failed[0]?.Code} ${failed[0]?.Message ?? ''}`), { name: failed[0]?.Code ?? 'DeleteObjectsFailed' });
    }
    await clients.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  };

  const deleteInstanceProfile = async (name: string): Promise<void> => {
    const out = await clients.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }));
    for (const role of out.InstanceProfile?.Roles ?? []) {
      await ignoreGone(() => clients.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: name, RoleName: role.RoleName })));
    }
    await clients.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: name }));
  };

  const clusterAnd = (id: string): [string, string] => {
    const slash = id.indexOf('/');
    return [id.slice(0, slash), id.slice(slash + 1)];
  };

  const one: Record<Exclude<ResourceKind, 'route53-record'>, (r: CloudResource) => Promise<unknown>> = {
    'eks-addon': (r) => {
      const [clusterName, addonName] = clusterAnd(r.id);
      return clients.eks.send(new DeleteAddonCommand({ clusterName, addonName }));
    },
    'eks-fargate-profile': (r) => {
      const [clusterName, fargateProfileName] = clusterAnd(r.id);
      return clients.eks.send(new DeleteFargateProfileCommand({ clusterName, fargateProfileName }));
    },
    'eks-nodegroup': (r) => {
      const [clusterName, nodegroupName] = clusterAnd(r.id);
      return clients.eks.send(new DeleteNodegroupCommand({ clusterName, nodegroupName }));
    },
    'eks-cluster': (r) => clients.eks.send(new DeleteClusterCommand({ name: r.id })),
    'ec2-instance': (r) => clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: [r.id] })),
    'kms-key': (r) => scheduleKeyDeletion(r.id),
    'acm-certificate': (r) => clients.acm.send(new DeleteCertificateCommand({ CertificateArn: r.id })),
    'ec2-snapshot': (r) => clients.ec2.send(new DeleteSnapshotCommand({ SnapshotId: r.id })),
    's3-bucket': (r) => emptyAndDeleteBucket(r.id),
    'iam-instance-profile': (r) => deleteInstanceProfile(r.id),
    'elbv2-load-balancer': (r) => clients.elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: r.id })),
    'elbv2-target-group': (r) => clients.elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: r.id })),
    'ec2-network-interface': (r) => clients.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: r.id })),
    'ec2-security-group-rule': revokeRule,
    'ec2-security-group': (r) => clients.ec2.send(new DeleteSecurityGroupCommand({ GroupId: r.id })),
    'ec2-volume': (r) => clients.ec2.send(new DeleteVolumeCommand({ VolumeId: r.id })),
    'ec2-nat-gateway': (r) => clients.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: r.id })),
    'ec2-elastic-ip': releaseAddress,
    'ec2-launch-template': (r) => clients.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: r.id })),
    'ec2-subnet': (r) => clients.ec2.send(new DeleteSubnetCommand({ SubnetId: r.id })),
    'ec2-internet-gateway': (r) => deleteInternetGateway(r.id),
    'ec2-vpc': (r) => clients.ec2.send(new DeleteVpcCommand({ VpcId: r.id })),
    'logs-log-group': (r) => clients.logs.send(new DeleteLogGroupCommand({ logGroupName: r.id })),
    'iam-oidc-provider': (r) => clients.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: r.id })),
    'iam-role': (r) => deleteRole(r.id),
    'iam-policy': (r) => deletePolicy(r.id),
  };

  return {
    batchSize: (kind) => (kind === 'route53-record' ? ROUTE53_BATCH : 1),
    async delete(resources) {
      const first = resources[0];
      if (first === undefined) return;
      if (first.kind === 'route53-record') return deleteRecords(resources);
      for (const r of resources) await one[r.kind as Exclude<ResourceKind, 'route53-record'>](r);
    },
  };
}
