import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DeleteInternetGatewayCommand,
  DeleteLaunchTemplateCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSecurityGroupCommand,
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
import { DeleteLoadBalancerCommand, DeleteTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DeleteOpenIDConnectProviderCommand,
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
import { ChangeResourceRecordSetsCommand, type ResourceRecordSet } from '@aws-sdk/client-route-53';
import { awsErrorCode, isNotFound } from '../aws/errors';
import type { ResourceDeleter } from './executor';
import type { CloudResource, ResourceKind } from './resource';
import type { TokenBucket } from '../aws/token-bucket';
import type { AwsClients } from '../aws/clients';

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

  const one: Record<Exclude<ResourceKind, 'route53-record'>, (r: CloudResource) => Promise<unknown>> = {
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
