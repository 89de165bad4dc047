import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVolumesCommand,
  type Filter,
  type IpPermission,
  type SecurityGroup,
  type Tag as Ec2Tag,
} from '@aws-sdk/client-ec2';
import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  ListAddonsCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { DescribeLoadBalancersCommand, DescribeTagsCommand, DescribeTargetGroupsCommand, type TagDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetAccountAuthorizationDetailsCommand,
  GetOpenIDConnectProviderCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfileTagsCommand,
  ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
} from '@aws-sdk/client-iam';
import { DescribeKeyCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import type { TagFilter } from '@aws-sdk/client-resource-groups-tagging-api';
import { GetBucketTaggingCommand } from '@aws-sdk/client-s3';
import { ListHostedZonesByNameCommand, ListResourceRecordSetsCommand, type ResourceRecordSet } from '@aws-sdk/client-route-53';
import { s3BucketArn } from '../../contract/iam/arn';
import { partitionOf } from '../../contract/iam/partition';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../contract/tags';
import { resourceFromArn } from './arn-kind';
import { isNotFound } from '../aws/errors';
import { recordOfTxtRegistryName } from '../../contract/external-dns';
import { isWithinSuffix, normalizeRecordName, registryOwner } from './external-dns-owner';
import { KEY_ALIAS_ATTRIBUTE, PROFILE_ROLES_ATTRIBUTE, RECORD_NAME_ATTRIBUTE, RECORD_OWNER_ATTRIBUTE, RECORD_PURPOSE_ATTRIBUTE, RECORD_PURPOSES } from './ownership';
import { RULE_ATTRIBUTES } from './plan';
import { GLOBAL_REGION, NOT_FOUND_STATE, STATE_ATTRIBUTE, resourceKey, type CloudResource, type UnsupportedResource } from './resource';
import type { BuildScope } from './scope';
import type { TokenBucket } from '../aws/token-bucket';
import type { AwsClients } from '../aws/clients';
import { allPages, taggedResources, tagsOf, type Tags } from '../aws/tagged-resources';

export interface Discovery {
  readonly resources: readonly CloudResource[];
  /** Tagged with the build but of a type cleanup cannot delete (e.g. an EKS cluster that destroy left). */
  readonly unsupported: readonly UnsupportedResource[];
}

/**
 * Finds everything that may belong to one build: the tagging API first, then
 * per-service calls for what it misses (controller-made resources without our
 * tags, available ENIs, records, log groups, IAM). Service calls run in
 * parallel; every result is classified later by the pure planner.
 */
export async function discoverBuild(clients: AwsClients, scope: BuildScope, route53: TokenBucket): Promise<Discovery> {
  const buildFilter: TagFilter[] = [{ Key: TAG_KEYS.buildId, Values: [scope.buildId] }];
  const [regional, global] = await Promise.all([
    taggedResources(clients.tagging, buildFilter),
    taggedResources(clients.globalTagging, buildFilter, ['iam:role', 'iam:policy', 'iam:oidc-provider', 'iam:instance-profile']),
  ]);
  const fromTags: CloudResource[] = [];
  const unsupported: UnsupportedResource[] = [];
  for (const { arn, tags } of [...regional, ...global]) {
    const resource = resourceFromArn(arn, tags);
    if (resource === undefined) unsupported.push({ arn, tags });
    else fromTags.push(resource);
  }
  const seen = new Set(fromTags.map(resourceKey));
  const [elb, ec2, records, logs, iam, eks, instances, keys, buckets] = await Promise.all([
    loadBalancers(clients, scope, seen),
    ec2Resources(clients, scope, fromTags),
    route53Records(clients, scope, route53),
    logGroups(clients, scope),
    iamResources(clients, scope, seen),
    eksResources(clients, scope, fromTags),
    ec2Instances(clients, scope, fromTags),
    kmsKeys(clients, scope, fromTags),
    bucketByName(clients, scope),
  ]);
  return { resources: [...fromTags, ...elb, ...ec2, ...records, ...logs, ...iam, ...eks, ...instances, ...keys, ...buckets], unsupported };
}

/** What the tagging API lists that the service no longer knows: AWS keeps listing deleted resources for a while. */
function listedButGone(resource: CloudResource): CloudResource {
  return { ...resource, attributes: { ...resource.attributes, [STATE_ATTRIBUTE]: NOT_FOUND_STATE } };
}

/**
 * The build's cluster by its exact name, with its node groups, Fargate
 * profiles and add-ons (each with its status: DELETING counts as gone); a
 * cluster the tagging API lists but EKS no longer knows is gone.
 */
async function eksResources(clients: AwsClients, scope: BuildScope, fromTags: readonly CloudResource[]): Promise<CloudResource[]> {
  const eks = clients.eks;
  const region = scope.region;
  const names = [...new Set([scope.clusterName, ...fromTags.filter((r) => r.kind === 'eks-cluster').map((r) => r.id)])];
  const perCluster = await Promise.all(
    names.map(async (name): Promise<CloudResource[]> => {
      const described = await unlessGone(() => eks.send(new DescribeClusterCommand({ name })));
      if (described?.cluster === undefined) {
        return fromTags.filter((r) => r.kind.startsWith('eks-') && (r.id === name || r.id.startsWith(`${name}/`))).map(listedButGone);
      }
      const c = described.cluster;
      const cluster: CloudResource = { kind: 'eks-cluster', id: name, arn: c.arn, region, tags: { ...c.tags }, attributes: { [STATE_ATTRIBUTE]: c.status ?? '' } };
      const [nodegroups, profiles, addons] = await Promise.all([
        unlessGone(() => eks.send(new ListNodegroupsCommand({ clusterName: name, maxResults: 100 }))),
        unlessGone(() => eks.send(new ListFargateProfilesCommand({ clusterName: name, maxResults: 100 }))),
        unlessGone(() => eks.send(new ListAddonsCommand({ clusterName: name, maxResults: 100 }))),
      ]);
      const children = await Promise.all([
        ...(nodegroups?.nodegroups ?? []).map(async (n) => {
          const out = await unlessGone(() => eks.send(new DescribeNodegroupCommand({ clusterName: name, nodegroupName: n })));
          const g = out?.nodegroup;
          return g === undefined ? [] : [{ kind: 'eks-nodegroup' as const, id: `${name}/${n}`, arn: g.nodegroupArn, region, tags: { ...g.tags }, attributes: { [STATE_ATTRIBUTE]: g.status ?? '' } }];
        }),
        ...(profiles?.fargateProfileNames ?? []).map(async (f) => {
          const out = await unlessGone(() => eks.send(new DescribeFargateProfileCommand({ clusterName: name, fargateProfileName: f })));
          const p = out?.fargateProfile;
          return p === undefined ? [] : [{ kind: 'eks-fargate-profile' as const, id: `${name}/${f}`, arn: p.fargateProfileArn, region, tags: { ...p.tags }, attributes: { [STATE_ATTRIBUTE]: p.status ?? '' } }];
        }),
        ...(addons?.addons ?? []).map(async (a) => {
          const out = await unlessGone(() => eks.send(new DescribeAddonCommand({ clusterName: name, addonName: a })));
          const d = out?.addon;
          return d === undefined ? [] : [{ kind: 'eks-addon' as const, id: `${name}/${a}`, arn: d.addonArn, region, tags: { ...d.tags }, attributes: { [STATE_ATTRIBUTE]: d.status ?? '' } }];
        }),
      ]);
      return [cluster, ...children.flat()];
    }),
  );
  return perCluster.flat();
}

/** Instances of the build (its tag, or the cluster's node tags) with their state; a listed instance EC2 no longer shows is terminated. */
async function ec2Instances(clients: AwsClients, scope: BuildScope, fromTags: readonly CloudResource[]): Promise<CloudResource[]> {
  const keys = [TAG_KEYS.buildId, `${CONTROLLER_TAGS.kubernetesClusterPrefix}${scope.clusterName}`, CONTROLLER_TAGS.eksNodeClusterName];
  const pages = await allPages(async (token) => {
    const out = await clients.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag-key', Values: keys }], NextToken: token, MaxResults: 1000 }));
    return { page: (out.Reservations ?? []).flatMap((r) => r.Instances ?? []), next: out.NextToken };
  });
  const found = pages.flat().map((i) => ec2Resource('ec2-instance', i.InstanceId ?? '', i.Tags, scope.region, { [STATE_ATTRIBUTE]: i.State?.Name ?? '' }));
  const shown = new Set(found.map((r) => r.id));
  return [...found, ...fromTags.filter((r) => r.kind === 'ec2-instance' && !shown.has(r.id)).map(listedButGone)];
}

/** Keys the tagging API lists, with their state (pending deletion counts as gone), and the cluster's key found by its alias. */
async function kmsKeys(clients: AwsClients, scope: BuildScope, fromTags: readonly CloudResource[]): Promise<CloudResource[]> {
  const kms = clients.kms;
  const byAlias = await unlessGone(() => kms.send(new DescribeKeyCommand({ KeyId: scope.kmsAliasName })));
  const aliasKey = byAlias?.KeyMetadata?.KeyId;
  const ids = [...new Set([...fromTags.filter((r) => r.kind === 'kms-key').map((r) => r.id), ...(aliasKey === undefined ? [] : [aliasKey])])];
  const described = await Promise.all(
    ids.map(async (id): Promise<CloudResource[]> => {
      const out = id === aliasKey ? byAlias : await unlessGone(() => kms.send(new DescribeKeyCommand({ KeyId: id })));
      const meta = out?.KeyMetadata;
      if (meta === undefined) return [{ kind: 'kms-key', id, region: scope.region, tags: {}, attributes: { [STATE_ATTRIBUTE]: NOT_FOUND_STATE } }];
      // AWS-managed keys are never ours to delete, whatever they are tagged with.
      if (meta.KeyManager !== 'CUSTOMER') return [];
      const tags = id === aliasKey ? tagsOfKms((await unlessGone(() => kms.send(new ListResourceTagsCommand({ KeyId: id }))))?.Tags) : {};
      return [
        {
          kind: 'kms-key',
          id,
          arn: meta.Arn,
          region: scope.region,
          tags,
          attributes: { [STATE_ATTRIBUTE]: meta.KeyState ?? '', ...(id === aliasKey ? { [KEY_ALIAS_ATTRIBUTE]: scope.kmsAliasName } : {}) },
        },
      ];
    }),
  );
  return described.flat();
}

function tagsOfKms(list: readonly { TagKey?: string; TagValue?: string }[] | undefined): Tags {
  return tagsOf((list ?? []).map((t) => ({ Key: t.TagKey, Value: t.TagValue })));
}

/** The build's bucket by its exact name, with its tags (a bucket without tags answers NoSuchTagSet). */
async function bucketByName(clients: AwsClients, scope: BuildScope): Promise<CloudResource[]> {
  const bucket = (tags: Tags): CloudResource[] => [{ kind: 's3-bucket', id: scope.bucketName, arn: s3BucketArn(partitionOf(scope.region), scope.bucketName), region: GLOBAL_REGION, tags, attributes: {} }];
  try {
    const out = await clients.s3.send(new GetBucketTaggingCommand({ Bucket: scope.bucketName }));
    return bucket(tagsOf(out.TagSet));
  } catch (err) {
    if (isNotFound(err)) return [];
    if ((err as { name?: string }).name === 'NoSuchTagSet') return bucket({});
    throw err;
  }
}

/** ELBv2 has no tag filter: list, then fetch tags (20 ARNs a call) for what the tagging API did not return. */
async function loadBalancers(clients: AwsClients, scope: BuildScope, seen: ReadonlySet<string>): Promise<CloudResource[]> {
  const [lbPages, tgPages] = await Promise.all([
    allPages(async (marker) => {
      const out = await clients.elbv2.send(new DescribeLoadBalancersCommand({ Marker: marker, PageSize: 400 }));
      return { page: (out.LoadBalancers ?? []).map((l) => l.LoadBalancerArn ?? ''), next: out.NextMarker };
    }),
    allPages(async (marker) => {
      const out = await clients.elbv2.send(new DescribeTargetGroupsCommand({ Marker: marker, PageSize: 400 }));
      return { page: (out.TargetGroups ?? []).map((t) => t.TargetGroupArn ?? ''), next: out.NextMarker };
    }),
  ]);
  const arns = [...lbPages.flat(), ...tgPages.flat()].filter((arn) => {
    const r = resourceFromArn(arn, {});
    return r !== undefined && !seen.has(resourceKey(r));
  });
  const batches: string[][] = [];
  for (let i = 0; i < arns.length; i += 20) batches.push(arns.slice(i, i + 20));
  const described = await Promise.all(batches.map((batch) => elbTags(clients, batch)));
  return described
    .flat()
    .map((d) => resourceFromArn(d.ResourceArn ?? '', tagsOf(d.Tags)))
    .filter((r): r is CloudResource => r !== undefined && r.region === scope.region);
}

/** Tags of up to 20 load balancers or target groups; one deleted since listing fails the call, so the batch is split and the gone one dropped. */
async function elbTags(clients: AwsClients, arns: string[]): Promise<TagDescription[]> {
  try {
    return (await clients.elbv2.send(new DescribeTagsCommand({ ResourceArns: arns }))).TagDescriptions ?? [];
  } catch (err) {
    if (!isNotFound(err)) throw err;
    if (arns.length === 1) return [];
    const singles = await Promise.all(arns.map((arn) => elbTags(clients, [arn])));
    return singles.flat();
  }
}

/** A lookup of something deleted since it was listed: nothing to clean up. */
async function unlessGone<T>(lookup: () => Promise<T>): Promise<T | undefined> {
  try {
    return await lookup();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

function ec2Resource(kind: CloudResource['kind'], id: string, tags: Ec2Tag[] | undefined, region: string, attributes: Tags = {}): CloudResource {
  return { kind, id, region, tags: tagsOf(tags), attributes };
}

async function ec2Resources(clients: AwsClients, scope: BuildScope, fromTags: readonly CloudResource[]): Promise<CloudResource[]> {
  const clusterKey = `${CONTROLLER_TAGS.kubernetesClusterPrefix}${scope.clusterName}`;
  const tagKeys = (keys: string[]): Filter[] => [{ Name: 'tag-key', Values: keys }];
  const ec2 = clients.ec2;
  const region = scope.region;
  const [enis, volumes, groups, templates, addresses, snapshots] = await Promise.all([
    allPages(async (token) => {
      const out = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'status', Values: ['available'] }], NextToken: token, MaxResults: 1000 }));
      return { page: out.NetworkInterfaces ?? [], next: out.NextToken };
    }),
    allPages(async (token) => {
      const out = await ec2.send(new DescribeVolumesCommand({ Filters: tagKeys([TAG_KEYS.buildId, clusterKey]), NextToken: token, MaxResults: 1000 }));
      return { page: out.Volumes ?? [], next: out.NextToken };
    }),
    allPages(async (token) => {
      const filters = tagKeys([TAG_KEYS.buildId, clusterKey, CONTROLLER_TAGS.lbControllerCluster, CONTROLLER_TAGS.eksClusterName]);
      const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters, NextToken: token, MaxResults: 1000 }));
      return { page: out.SecurityGroups ?? [], next: out.NextToken };
    }),
    allPages(async (token) => {
      const out = await ec2.send(new DescribeLaunchTemplatesCommand({ Filters: tagKeys([TAG_KEYS.buildId]), NextToken: token, MaxResults: 200 }));
      return { page: out.LaunchTemplates ?? [], next: out.NextToken };
    }),
    ec2.send(new DescribeAddressesCommand({ Filters: tagKeys([TAG_KEYS.buildId, clusterKey]) })),
    allPages(async (token) => {
      const out = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: tagKeys([TAG_KEYS.buildId, clusterKey]), NextToken: token, MaxResults: 1000 }));
      return { page: out.Snapshots ?? [], next: out.NextToken };
    }),
  ]);
  const found: CloudResource[] = [
    ...enis.flat().map((n) => ec2Resource('ec2-network-interface', n.NetworkInterfaceId ?? '', n.TagSet, region, { status: n.Status ?? '' })),
    ...volumes.flat().map((v) => ec2Resource('ec2-volume', v.VolumeId ?? '', v.Tags, region, { state: v.State ?? '' })),
    ...groups.flat().map((g) => ec2Resource('ec2-security-group', g.GroupId ?? '', g.Tags, region, { vpcId: g.VpcId ?? '' })),
    ...templates.flat().map((t) => ec2Resource('ec2-launch-template', t.LaunchTemplateId ?? '', t.Tags, region)),
    ...snapshots.flat().map((n) => ec2Resource('ec2-snapshot', n.SnapshotId ?? '', n.Tags, region)),
    ...(addresses.Addresses ?? []).map((a) => ec2Resource('ec2-elastic-ip', a.AllocationId ?? '', a.Tags, region, a.AssociationId ? { associationId: a.AssociationId } : {})),
  ];
  const candidateGroups = [...new Set([...fromTags, ...found].filter((r) => r.kind === 'ec2-security-group').map((r) => r.id))];
  return [...found, ...(await referencingRules(clients, candidateGroups, region))];
}

/** Rules in any group that reference one of the candidate groups: AWS refuses to delete a group while another group's rule names it. */
async function referencingRules(clients: AwsClients, candidates: readonly string[], region: string): Promise<CloudResource[]> {
  if (candidates.length === 0) return [];
  const candidateSet = new Set(candidates);
  const directions = [
    { filter: 'ip-permission.group-id', direction: 'ingress', perms: (g: SecurityGroup) => g.IpPermissions },
    { filter: 'egress.ip-permission.group-id', direction: 'egress', perms: (g: SecurityGroup) => g.IpPermissionsEgress },
  ] as const;
  const results = await Promise.all(
    directions.map(async (d) => {
      const pages = await allPages(async (token) => {
        const out = await clients.ec2.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: d.filter, Values: [...candidates] }], NextToken: token, MaxResults: 1000 }),
        );
        return { page: out.SecurityGroups ?? [], next: out.NextToken };
      });
      return pages.flat().flatMap((group) => rulesOf(group, d.perms(group) ?? [], d.direction, candidateSet, region));
    }),
  );
  return results.flat();
}

function rulesOf(group: SecurityGroup, perms: readonly IpPermission[], direction: string, candidates: ReadonlySet<string>, region: string): CloudResource[] {
  const groupId = group.GroupId ?? '';
  return perms.flatMap((perm) =>
    (perm.UserIdGroupPairs ?? [])
      .filter((pair) => pair.GroupId !== undefined && candidates.has(pair.GroupId))
      .map((pair) => {
        const permission: IpPermission = { IpProtocol: perm.IpProtocol, FromPort: perm.FromPort, ToPort: perm.ToPort, UserIdGroupPairs: [{ GroupId: pair.GroupId }] };
        return {
          kind: 'ec2-security-group-rule' as const,
          id: `${groupId}|${direction}|${perm.IpProtocol}|${perm.FromPort ?? ''}|${perm.ToPort ?? ''}|${pair.GroupId}`,
          region,
          tags: tagsOf(group.Tags),
          attributes: { [RULE_ATTRIBUTES.groupId]: groupId, [RULE_ATTRIBUTES.referencedGroupId]: pair.GroupId ?? '', direction, permission: JSON.stringify(permission) },
        };
      }),
  );
}

/** The env zone's id, looked up by name (public zone only). */
export async function envZoneId(clients: AwsClients, zoneName: string, route53: TokenBucket): Promise<string | undefined> {
  await route53.take();
  const out = await clients.route53.send(new ListHostedZonesByNameCommand({ DNSName: zoneName, MaxItems: 5 }));
  const zone = (out.HostedZones ?? []).find((z) => normalizeRecordName(z.Name ?? '') === zoneName && z.Config?.PrivateZone !== true);
  return zone?.Id?.replace(/^\/hostedzone\//, '');
}

function reversedName(name: string): string {
  return normalizeRecordName(name).split('.').reverse().join('.');
}

/**
 * Records under the build's host suffix, with their ExternalDNS owner. Route53
 * sorts names with labels reversed (`io.example.dev.b-12.app`). Whether it
 * compares label by label or as one string (where `b-12-3` sorts before
 * `b-12.app`), every name whose reversed form starts with the reversed suffix
 * lies in one contiguous run from the suffix on: listing starts at the suffix
 * and stops at the first name outside that run.
 */
async function route53Records(clients: AwsClients, scope: BuildScope, route53: TokenBucket): Promise<CloudResource[]> {
  const zoneId = await envZoneId(clients, scope.zoneName, route53);
  if (zoneId === undefined) return [];
  const reversedSuffix = reversedName(scope.hostSuffix);
  const sets: ResourceRecordSet[] = [];
  let start: { name?: string; type?: string; id?: string } = { name: scope.hostSuffix };
  for (;;) {
    await route53.take();
    const out = await clients.route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: start.name,
        StartRecordType: start.type as never,
        StartRecordIdentifier: start.id,
        MaxItems: 300,
      }),
    );
    const page = out.ResourceRecordSets ?? [];
    sets.push(...page.filter((s) => isWithinSuffix(s.Name ?? '', scope.hostSuffix)));
    if (out.IsTruncated !== true || page.some((s) => !reversedName(s.Name ?? '').startsWith(reversedSuffix))) break;
    start = { name: out.NextRecordName, type: out.NextRecordType, id: out.NextRecordIdentifier };
  }
  const owners = new Map<string, string>();
  for (const s of sets.filter((s) => s.Type === 'TXT')) {
    const owner = (s.ResourceRecords ?? []).map((r) => registryOwner(r.Value ?? '')).find((o) => o !== undefined);
    if (owner === undefined) continue;
    owners.set(`${normalizeRecordName(s.Name ?? '')}|TXT`, owner);
    const owned = recordOfTxtRegistryName(s.Name ?? '');
    // A legacy registry record (no type in its name) owns every type of its name.
    if (owned !== undefined) owners.set(`${owned.name}|${owned.type === '' ? '*' : owned.type}`, owner);
  }
  return sets.map((s) => {
    const name = normalizeRecordName(s.Name ?? '');
    const owner = owners.get(`${name}|${s.Type}`) ?? owners.get(`${name}|*`);
    return {
      kind: 'route53-record' as const,
      id: `${zoneId}|${name}|${s.Type}|${s.SetIdentifier ?? ''}`,
      region: GLOBAL_REGION,
      tags: {},
      attributes: {
        zoneId,
        [RECORD_NAME_ATTRIBUTE]: name,
        recordSet: JSON.stringify(s),
        ...tlsPurpose(name, s),
        ...(owner === undefined ? {} : { [RECORD_OWNER_ATTRIBUTE]: owner }),
      },
    };
  });
}

/** ACM DNS validation CNAMEs (`_<token>.<name>` → `*.acm-validations.aws.`) and ACME DNS-01 TXT challenges (`_acme-challenge.<name>`). */
function tlsPurpose(name: string, set: ResourceRecordSet): Record<string, string> {
  if (set.Type === 'TXT' && name.startsWith('_acme-challenge.')) return { [RECORD_PURPOSE_ATTRIBUTE]: RECORD_PURPOSES.acmeChallenge };
  const values = (set.ResourceRecords ?? []).map((r) => (r.Value ?? '').toLowerCase().replace(/\.$/, ''));
  if (set.Type === 'CNAME' && name.startsWith('_') && values.length > 0 && values.every((v) => v.endsWith('.acm-validations.aws'))) {
    return { [RECORD_PURPOSE_ATTRIBUTE]: RECORD_PURPOSES.acmValidation };
  }
  return {};
}

async function logGroups(clients: AwsClients, scope: BuildScope): Promise<CloudResource[]> {
  const pages = await allPages(async (token) => {
    const out = await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: scope.logGroupPrefix, nextToken: token }));
    return { page: out.logGroups ?? [], next: out.nextToken };
  });
  return pages.flat().map((g) => ({
    kind: 'logs-log-group' as const,
    id: g.logGroupName ?? '',
    arn: g.arn,
    region: scope.region,
    tags: {},
    attributes: {},
  }));
}

/**
 * IAM is global and the tagging API does not list it reliably: roles come
 * with their tags from one authorization-details listing; policies and OIDC
 * providers the tagging API missed are looked up one by one.
 */
async function iamResources(clients: AwsClients, scope: BuildScope, seen: ReadonlySet<string>): Promise<CloudResource[]> {
  const iam = clients.iam;
  const namePrefix = `${scope.clusterName}-`;
  const [roles, policies, providers, profiles] = await Promise.all([
    allPages(async (marker) => {
      const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'], Marker: marker, MaxItems: 1000 }));
      return { page: out.RoleDetailList ?? [], next: out.IsTruncated ? out.Marker : undefined };
    }),
    allPages(async (marker) => {
      const out = await iam.send(new ListPoliciesCommand({ Scope: 'Local', Marker: marker, MaxItems: 1000 }));
      return { page: out.Policies ?? [], next: out.IsTruncated ? out.Marker : undefined };
    }),
    iam.send(new ListOpenIDConnectProvidersCommand({})),
    allPages(async (marker) => {
      const out = await iam.send(new ListInstanceProfilesCommand({ Marker: marker, MaxItems: 1000 }));
      return { page: out.InstanceProfiles ?? [], next: out.IsTruncated ? out.Marker : undefined };
    }),
  ]);
  const roleResources: CloudResource[] = roles
    .flat()
    .map((r) => ({ kind: 'iam-role' as const, id: r.RoleName ?? '', arn: r.Arn, region: GLOBAL_REGION, tags: tagsOf(r.Tags), attributes: {} }))
    .filter((r) => scope.roleNames.has(r.id) || r.id.startsWith(namePrefix) || r.tags[TAG_KEYS.buildId] !== undefined);
  const policyCandidates = policies.flat().filter((p) => (p.PolicyName ?? '').startsWith(namePrefix) && !seen.has(`iam-policy:${p.Arn}`));
  const providerCandidates = (providers.OpenIDConnectProviderList ?? []).map((p) => p.Arn ?? '').filter((arn) => arn !== '' && !seen.has(`iam-oidc-provider:${arn}`));
  // Instance profiles in the build name space (or holding one of its roles), looked up with their tags.
  const profileCandidates = profiles
    .flat()
    .filter((p) => ((p.InstanceProfileName ?? '').startsWith(namePrefix) || (p.Roles ?? []).some((r) => scope.roleNames.has(r.RoleName ?? ''))) && !seen.has(`iam-instance-profile:${p.InstanceProfileName}`));
  const [policyResources, providerResources, profileResources] = await Promise.all([
    Promise.all(
      policyCandidates.map(async (p) => {
        const out = await unlessGone(() => iam.send(new ListPolicyTagsCommand({ PolicyArn: p.Arn })));
        return out === undefined ? [] : [{ kind: 'iam-policy' as const, id: p.Arn ?? '', arn: p.Arn, region: GLOBAL_REGION, tags: tagsOf(out.Tags), attributes: {} }];
      }),
    ),
    Promise.all(
      providerCandidates.map(async (arn) => {
        const out = await unlessGone(() => iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })));
        return out === undefined ? [] : [{ kind: 'iam-oidc-provider' as const, id: arn, arn, region: GLOBAL_REGION, tags: tagsOf(out.Tags), attributes: {} }];
      }),
    ),
    Promise.all(
      profileCandidates.map(async (p) => {
        const name = p.InstanceProfileName ?? '';
        const out = await unlessGone(() => iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: name })));
        const roles = (p.Roles ?? []).map((r) => r.RoleName ?? '').join(',');
        return out === undefined ? [] : [{ kind: 'iam-instance-profile' as const, id: name, arn: p.Arn, region: GLOBAL_REGION, tags: tagsOf(out.Tags), attributes: { [PROFILE_ROLES_ATTRIBUTE]: roles } }];
      }),
    ),
  ]);
  return [...roleResources, ...policyResources.flat(), ...providerResources.flat(), ...profileResources.flat()];
}
