import * as acm from '@aws-sdk/client-acm';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ec2 from '@aws-sdk/client-ec2';
import * as eks from '@aws-sdk/client-eks';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as tagging from '@aws-sdk/client-resource-groups-tagging-api';
import * as r53 from '@aws-sdk/client-route-53';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as secrets from '@aws-sdk/client-secrets-manager';
import * as ssm from '@aws-sdk/client-ssm';
import * as sts from '@aws-sdk/client-sts';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { createAwsClients, GLOBAL_SERVICES_REGION, type AwsClients } from '../../../ops/aws/clients';
import { FakePricing } from './fake-pricing';
import { FakeS3 } from './fake-s3';

/**
 * A stateful, in-memory AWS account behind aws-sdk-client-mock. It models the
 * dependencies that break real teardowns:
 * - a security group in use by an ENI, or referenced by another group's rule → DependencyViolation
 * - a subnet with ENIs or a NAT gateway, a VPC with subnets, groups or an attached IGW → DependencyViolation
 * - a deleted load balancer's ENIs linger for `lingerCalls` API calls; its target groups are in use until its deletion starts
 * - IAM roles with attached policies and policies attached to roles → DeleteConflict
 * - throttling on every Nth call, and an interruption after N mutating calls (a killed process)
 * Each resource carries `owner` ground truth ("dev/12", "persistent", ...) that the tool never sees.
 */

export type Tags = Record<string, string>;
type Kind =
  | 'lb'
  | 'tg'
  | 'eni'
  | 'sg'
  | 'volume'
  | 'eip'
  | 'lt'
  | 'nat'
  | 'subnet'
  | 'igw'
  | 'vpc'
  | 'log'
  | 'record'
  | 'role'
  | 'policy'
  | 'oidc'
  | 'cluster'
  | 'secret'
  | 'nodegroup'
  | 'addon'
  | 'fargate'
  | 'instance'
  | 'snapshot'
  | 'kms'
  | 'bucket'
  | 'cert'
  | 'profile';

export interface SgRef {
  readonly direction: 'ingress' | 'egress';
  readonly groupId: string;
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
}

export interface FakeResource {
  readonly kind: Kind;
  readonly id: string;
  readonly tags: Tags;
  /** Ground truth: which build (`env/buildId`) or `persistent`/`foundational`/`other-account` it belongs to. */
  readonly owner: string;
  /** Relations, by kind: eni → subnet, groups, lb, status; sg → vpc, refs; subnet → vpc; igw → vpc; tg → lb; record → set; role → policies. */
  subnetId?: string;
  vpcId?: string;
  groupIds?: string[];
  lbArn?: string;
  status?: string;
  refs?: SgRef[];
  associationId?: string;
  recordSet?: r53.ResourceRecordSet;
  attachedPolicies?: string[];
  /** A role's permissions boundary ARN. */
  boundaryArn?: string;
  inlinePolicies?: string[];
  instanceTypeOrSize?: string;
  /** The API-call tick when a deleted load balancer's ENIs vanish. */
  goneAtTick?: number;
  /** nodegroup/addon/fargate → its cluster; cert → the load balancer using it; profile → its roles; kms → its aliases. */
  clusterName?: string;
  roleNames?: string[];
  aliases?: string[];
  /** When a cluster was created (tells one run of a build id from another). */
  createdAt?: string;
  /** Object versions and delete markers of a bucket. */
  versions?: { Key: string; VersionId: string }[];
}

export interface FakeOptions {
  readonly account: string;
  readonly region: string;
  readonly latencyMs?: number;
  /** Deleted load balancers keep their ENIs (and target groups stay in use) for this many calls. */
  readonly lingerCalls?: number;
  /** Every Nth call is throttled (0 = never). */
  readonly throttleEvery?: number;
  /** The IAM tagging API is unreliable; by default IAM resources are invisible to it. */
  readonly iamInTagging?: boolean;
  readonly zone: { readonly id: string; readonly name: string };
  /** Compare reversed names as whole strings (`b-12-3` before `b-12.app`) instead of label by label. */
  readonly route53StringOrder?: boolean;
  /** Route53 returns at most this many records a page (default: what the caller asks, up to 300). */
  readonly route53PageSize?: number;
  /** The tagging API keeps listing a deleted resource (with its tags) for this many calls, as AWS does. */
  taggingListsDeletedFor?: number;
}

/** Statuses in which AWS keeps listing a resource whose deletion is under way or done. */
const GOING_STATUSES: ReadonlySet<string> = new Set(['terminated', 'DELETING', 'PendingDeletion', 'deleting']);

function err(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Route53 lists names with labels reversed (com.example.www), compared label by label... */
function route53Order(a: string, b: string): number {
  const key = (n: string): string[] => n.replace(/\.$/, '').split('.').reverse();
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    if (ka[i] !== kb[i]) return (ka[i] as string) < (kb[i] as string) ? -1 : 1;
  }
  return ka.length - kb.length;
}

/** ...or, the other reading of its documentation, as whole reversed strings. */
function route53StringOrder(a: string, b: string): number {
  const key = (n: string): string => n.replace(/\.$/, '').split('.').reverse().join('.');
  return key(a) === key(b) ? 0 : key(a) < key(b) ? -1 : 1;
}

export class FakeAws {
  readonly resources = new Map<string, FakeResource>();
  /** Every call, in order, as `Service.Command`. */
  readonly calls: string[] = [];
  private tick = 0;
  private mutations = 0;
  /** Mutating calls allowed before the "process" is killed; undefined = never. */
  interruptAfterMutations: number | undefined;
  private readonly stubs: AwsStub<object, never, unknown>[] = [];
  /** SSM parameters by name (the foundation hand-off documents). */
  readonly parameters = new Map<string, string>();
  /** RDS instance status by identifier. */
  readonly databases = new Map<string, string>();
  /** Deleted resources the tagging API still lists until the tick given. */
  private readonly ghosts: { arn: string; tags: Tags; region: string; untilTick: number }[] = [];
  /** The state bucket (the shared ledger lives there). */
  readonly s3 = new FakeS3();
  /** The Price List API (pricing:GetProducts). */
  readonly pricing = new FakePricing();

  constructor(readonly options: FakeOptions) {}

  key(kind: Kind, id: string): string {
    return `${kind}:${id}`;
  }

  add(resource: FakeResource): FakeResource {
    this.resources.set(this.key(resource.kind, resource.id), resource);
    return resource;
  }

  get(kind: Kind, id: string): FakeResource | undefined {
    this.expireLingering();
    return this.resources.get(this.key(kind, id));
  }

  list(kind: Kind): FakeResource[] {
    this.expireLingering();
    return [...this.resources.values()].filter((r) => r.kind === kind);
  }

  /** Ids (kind:id) of every resource still present: what AWS lists but is already going (terminated, DELETING, pending deletion) is not. */
  present(): string[] {
    this.expireLingering();
    return [...this.resources.entries()]
      .filter(([, r]) => !GOING_STATUSES.has(r.status ?? ''))
      .map(([k]) => k)
      .sort();
  }

  arn(r: FakeResource): string {
    const { account, region } = this.options;
    switch (r.kind) {
      case 'lb':
      case 'tg':
        return r.id;
      case 'log':
        return `arn:aws:logs:${region}:${account}:log-group:${r.id}`;
      case 'role':
        return `arn:aws:iam::${r.owner === 'other-account' ? '999999999999' : account}:role/${r.id}`;
      case 'policy':
      case 'oidc':
        return r.id;
      case 'cluster':
        return `arn:aws:eks:${region}:${account}:cluster/${r.id}`;
      case 'secret':
        return `arn:aws:secretsmanager:${region}:${account}:secret:${r.id}`;
      case 'nodegroup':
      case 'addon':
      case 'fargate': {
        const type = { nodegroup: 'nodegroup', addon: 'addon', fargate: 'fargateprofile' }[r.kind];
        return `arn:aws:eks:${region}:${account}:${type}/${r.id}/uuid-${r.id.length}`;
      }
      case 'instance':
        return `arn:aws:ec2:${region}:${account}:instance/${r.id}`;
      case 'snapshot':
        return `arn:aws:ec2:${region}::snapshot/${r.id}`;
      case 'kms':
        return `arn:aws:kms:${region}:${account}:key/${r.id}`;
      case 'bucket':
        return `arn:aws:s3:::${r.id}`;
      case 'cert':
        return r.id;
      case 'profile':
        return `arn:aws:iam::${account}:instance-profile/${r.id}`;
      case 'record':
        return '';
      default: {
        const type = { eni: 'network-interface', sg: 'security-group', volume: 'volume', eip: 'elastic-ip', lt: 'launch-template', nat: 'natgateway', subnet: 'subnet', igw: 'internet-gateway', vpc: 'vpc' }[r.kind];
        return `arn:aws:ec2:${region}:${account}:${type}/${r.id}`;
      }
    }
  }

  /** What deleting a load balancer does (the API call, or the controller after its Service is deleted): asynchronous, the ENIs linger. */
  deleteLoadBalancer(arn: string): void {
    const lb = this.get('lb', arn);
    if (lb === undefined || lb.status === 'deleting') return;
    // The ARN stops listing at once, the ENIs (and the LB itself) linger.
    const gone = this.tick + (this.options.lingerCalls ?? 0);
    lb.status = 'deleting';
    lb.goneAtTick = gone;
    for (const eni of this.list('eni')) if (eni.lbArn === lb.id) eni.goneAtTick = gone;
  }

  private expireLingering(): void {
    for (const r of [...this.resources.values()]) if (r.goneAtTick !== undefined && this.tick >= r.goneAtTick) this.forget(r);
  }

  private remove(kind: Kind, id: string, notFound: string): void {
    const r = this.get(kind, id);
    if (r === undefined) throw err(notFound);
    this.forget(r);
  }

  /** Deletes a resource; the tagging API may keep listing it for a while. */
  private forget(r: FakeResource): void {
    this.resources.delete(this.key(r.kind, r.id));
    const linger = this.options.taggingListsDeletedFor ?? 0;
    if (linger > 0 && Object.keys(r.tags).length > 0 && r.kind !== 'record') {
      this.ghosts.push({ arn: this.arn(r), tags: r.tags, region: this.regionOf(r), untilTick: this.tick + linger });
    }
  }

  private regionOf(r: FakeResource): string {
    return ['role', 'policy', 'oidc', 'profile'].includes(r.kind) ? GLOBAL_SERVICES_REGION : this.options.region;
  }

  /** Wraps every handler: latency, call log, throttling, interruption of mutating calls. */
  private handler<I, O>(name: string, mutating: boolean, fn: (input: I) => O): (input: I) => Promise<O> {
    return async (input: I) => {
      if (this.options.latencyMs) await sleep(this.options.latencyMs);
      this.tick++;
      this.calls.push(name);
      this.expireLingering();
      const every = this.options.throttleEvery ?? 0;
      if (every > 0 && this.tick % every === 0) throw err(name.startsWith('Route53') ? 'Throttling' : 'RequestLimitExceeded', 'Rate exceeded');
      if (mutating) {
        if (this.interruptAfterMutations !== undefined && this.mutations >= this.interruptAfterMutations) throw err('Interrupted', 'the process was killed');
        this.mutations++;
      }
      return fn(input);
    };
  }

  private withTag(kind: Kind, filters: ec2.Filter[] | undefined): FakeResource[] {
    return this.list(kind).filter((r) =>
      (filters ?? []).every((f) => {
        const values = f.Values ?? [];
        if (f.Name === 'tag-key') return values.some((k) => k in r.tags);
        if (f.Name?.startsWith('tag:')) return values.includes(r.tags[f.Name.slice(4)] ?? '\u0000');
        if (f.Name === 'status') return values.includes(r.status ?? '');
        if (f.Name === 'ip-permission.group-id') return (r.refs ?? []).some((x) => x.direction === 'ingress' && values.includes(x.groupId));
        if (f.Name === 'egress.ip-permission.group-id') return (r.refs ?? []).some((x) => x.direction === 'egress' && values.includes(x.groupId));
        if (f.Name === 'instance-state-name') return values.includes(r.status ?? 'running');
        throw new Error(`fake EC2 does not model filter ${f.Name}`);
      }),
    );
  }

  private ec2Tags(r: FakeResource): ec2.Tag[] {
    return Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value }));
  }

  private permissions(r: FakeResource, direction: 'ingress' | 'egress'): ec2.IpPermission[] {
    return (r.refs ?? [])
      .filter((x) => x.direction === direction)
      .map((x) => ({ IpProtocol: x.protocol, FromPort: x.from, ToPort: x.to, UserIdGroupPairs: [{ GroupId: x.groupId }] }));
  }

  private taggingResources(region: string): { arn: string; tags: Tags }[] {
    const global = region === GLOBAL_SERVICES_REGION;
    const live = [...this.resources.values()]
      .filter((r) => r.kind !== 'record')
      .filter((r) => (['role', 'policy', 'oidc', 'profile'].includes(r.kind) ? global && this.options.iamInTagging === true : !global || this.options.region === GLOBAL_SERVICES_REGION))
      .filter((r) => Object.keys(r.tags).length > 0)
      .map((r) => ({ arn: this.arn(r), tags: r.tags }));
    const ghosts = this.ghosts.filter((g) => g.untilTick > this.tick && (g.region === region || (!global && g.region === this.options.region))).map((g) => ({ arn: g.arn, tags: g.tags }));
    const liveArns = new Set(live.map((r) => r.arn));
    return [...live, ...ghosts.filter((g) => !liveArns.has(g.arn))];
  }

  /** Creates clients for the env region and mocks every call the tool makes. */
  clients(): AwsClients {
    const c = createAwsClients(this.options.region);
    const h = this.handler.bind(this);
    const stub = <T>(client: T): AwsStub<object, never, unknown> => {
      const s = mockClient(client as never) as unknown as AwsStub<object, never, unknown>;
      this.stubs.push(s);
      return s;
    };
    const on = (s: AwsStub<object, never, unknown>, command: unknown, fn: (input: never) => Promise<unknown>): void => {
      (s as unknown as { on: (c: unknown) => { callsFake: (f: unknown) => void } }).on(command).callsFake(fn);
    };

    const sSts = stub(c.sts);
    on(sSts, sts.GetCallerIdentityCommand, h('STS.GetCallerIdentity', false, () => ({ Account: this.options.account, Arn: `arn:aws:sts::${this.options.account}:assumed-role/ci/x` })));

    for (const [client, region] of [
      [c.tagging, this.options.region],
      [c.globalTagging, GLOBAL_SERVICES_REGION],
    ] as const) {
      const s = stub(client);
      on(
        s,
        tagging.GetResourcesCommand,
        h('Tagging.GetResources', false, (input: tagging.GetResourcesCommandInput) => {
          const matches = this.taggingResources(region).filter(
            (r) =>
              (input.TagFilters ?? []).every((f) => f.Key !== undefined && f.Key in r.tags && (f.Values === undefined || f.Values.length === 0 || f.Values.includes(r.tags[f.Key] ?? ''))) &&
              (input.ResourceTypeFilters === undefined || input.ResourceTypeFilters.some((t) => r.arn.split(':')[2] + ':' + r.arn.split(':').slice(5).join(':').split(/[:/]/)[0] === t || r.arn.split(':')[2] === t)),
          );
          const start = Number(input.PaginationToken ?? '0');
          const size = input.ResourcesPerPage ?? 50;
          const page = matches.slice(start, start + size);
          return {
            ResourceTagMappingList: page.map((r) => ({ ResourceARN: r.arn, Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) })),
            PaginationToken: start + size < matches.length ? String(start + size) : '',
          };
        }),
      );
    }

    const sElb = stub(c.elbv2);
    on(sElb, elb.DescribeLoadBalancersCommand, h('ELB.DescribeLoadBalancers', false, () => ({ LoadBalancers: this.list('lb').filter((r) => r.status !== 'deleting').map((r) => ({ LoadBalancerArn: r.id })) })));
    on(sElb, elb.DescribeTargetGroupsCommand, h('ELB.DescribeTargetGroups', false, () => ({ TargetGroups: this.list('tg').map((r) => ({ TargetGroupArn: r.id })) })));
    on(
      sElb,
      elb.DescribeTagsCommand,
      h('ELB.DescribeTags', false, (input: elb.DescribeTagsCommandInput) => {
        if ((input.ResourceArns ?? []).length > 20) throw err('ValidationError', 'at most 20 ARNs');
        return {
          TagDescriptions: (input.ResourceArns ?? []).map((arn) => {
            const r = this.get(arn.includes(':targetgroup/') ? 'tg' : 'lb', arn);
            if (r === undefined || r.status === 'deleting') throw err(arn.includes(':targetgroup/') ? 'TargetGroupNotFoundException' : 'LoadBalancerNotFoundException');
            return { ResourceArn: arn, Tags: this.ec2Tags(r) };
          }),
        };
      }),
    );
    on(
      sElb,
      elb.DeleteLoadBalancerCommand,
      h('ELB.DeleteLoadBalancer', true, (input: elb.DeleteLoadBalancerCommandInput) => {
        this.deleteLoadBalancer(input.LoadBalancerArn ?? '');
        return {};
      }),
    );
    on(
      sElb,
      elb.DeleteTargetGroupCommand,
      h('ELB.DeleteTargetGroup', true, (input: elb.DeleteTargetGroupCommandInput) => {
        const tg = this.get('tg', input.TargetGroupArn ?? '');
        if (tg === undefined) return {};
        const lb = tg.lbArn === undefined ? undefined : this.get('lb', tg.lbArn);
        // In use while the load balancer's listeners exist; they go when its deletion starts.
        if (lb !== undefined && lb.status !== 'deleting') throw err('ResourceInUse', `target group is in use by ${tg.lbArn}`);
        this.forget(tg);
        return {};
      }),
    );

    const sEc2 = stub(c.ec2);
    on(sEc2, ec2.DescribeNetworkInterfacesCommand, h('EC2.DescribeNetworkInterfaces', false, (i: ec2.DescribeNetworkInterfacesCommandInput) => ({
      NetworkInterfaces: this.withTag('eni', i.Filters).map((r) => ({ NetworkInterfaceId: r.id, Status: r.status as ec2.NetworkInterfaceStatus, TagSet: this.ec2Tags(r) })),
    })));
    on(sEc2, ec2.DescribeVolumesCommand, h('EC2.DescribeVolumes', false, (i: ec2.DescribeVolumesCommandInput) => ({
      Volumes: this.withTag('volume', i.Filters).map((r) => ({ VolumeId: r.id, State: 'available' as const, Tags: this.ec2Tags(r), VolumeType: 'gp3' as const, Size: Number(r.instanceTypeOrSize ?? '10') })),
    })));
    on(sEc2, ec2.DescribeSecurityGroupsCommand, h('EC2.DescribeSecurityGroups', false, (i: ec2.DescribeSecurityGroupsCommandInput) => ({
      SecurityGroups: this.withTag('sg', i.Filters).map((r) => ({
        GroupId: r.id,
        VpcId: r.vpcId,
        Tags: this.ec2Tags(r),
        IpPermissions: this.permissions(r, 'ingress'),
        IpPermissionsEgress: this.permissions(r, 'egress'),
      })),
    })));
    on(sEc2, ec2.DescribeLaunchTemplatesCommand, h('EC2.DescribeLaunchTemplates', false, (i: ec2.DescribeLaunchTemplatesCommandInput) => ({
      LaunchTemplates: this.withTag('lt', i.Filters).map((r) => ({ LaunchTemplateId: r.id, Tags: this.ec2Tags(r) })),
    })));
    on(sEc2, ec2.DescribeAddressesCommand, h('EC2.DescribeAddresses', false, (i: ec2.DescribeAddressesCommandInput) => ({
      Addresses: this.withTag('eip', i.Filters).map((r) => ({ AllocationId: r.id, AssociationId: r.associationId, Tags: this.ec2Tags(r) })),
    })));
    on(sEc2, ec2.DescribeInstancesCommand, h('EC2.DescribeInstances', false, (i: ec2.DescribeInstancesCommandInput) => ({
      Reservations: [
        {
          Instances: this.withTag('instance', i.Filters).map((r) => ({
            InstanceId: r.id,
            InstanceType: (r.instanceTypeOrSize ?? 't3.large') as ec2._InstanceType,
            State: { Name: (r.status ?? 'running') as ec2.InstanceStateName },
            Tags: this.ec2Tags(r),
          })),
        },
      ],
    })));
    on(sEc2, ec2.DescribeInternetGatewaysCommand, h('EC2.DescribeInternetGateways', false, (i: ec2.DescribeInternetGatewaysCommandInput) => {
      const igw = this.get('igw', i.InternetGatewayIds?.[0] ?? '');
      if (igw === undefined) throw err('InvalidInternetGatewayID.NotFound');
      return { InternetGateways: [{ InternetGatewayId: igw.id, Attachments: igw.vpcId ? [{ VpcId: igw.vpcId, State: 'available' as const }] : [] }] };
    }));
    on(sEc2, ec2.DetachInternetGatewayCommand, h('EC2.DetachInternetGateway', true, (i: ec2.DetachInternetGatewayCommandInput) => {
      const igw = this.get('igw', i.InternetGatewayId ?? '');
      if (igw === undefined) throw err('InvalidInternetGatewayID.NotFound');
      if (igw.vpcId !== i.VpcId) throw err('Gateway.NotAttached');
      igw.vpcId = undefined;
      return {};
    }));
    on(sEc2, ec2.DeleteInternetGatewayCommand, h('EC2.DeleteInternetGateway', true, (i: ec2.DeleteInternetGatewayCommandInput) => {
      const igw = this.get('igw', i.InternetGatewayId ?? '');
      if (igw?.vpcId !== undefined) throw err('DependencyViolation', `${igw.id} is attached to ${igw.vpcId}`);
      this.remove('igw', i.InternetGatewayId ?? '', 'InvalidInternetGatewayID.NotFound');
      return {};
    }));
    on(sEc2, ec2.DeleteNetworkInterfaceCommand, h('EC2.DeleteNetworkInterface', true, (i: ec2.DeleteNetworkInterfaceCommandInput) => {
      const eni = this.get('eni', i.NetworkInterfaceId ?? '');
      if (eni?.status === 'in-use') throw err('InvalidNetworkInterface.InUse');
      this.remove('eni', i.NetworkInterfaceId ?? '', 'InvalidNetworkInterfaceID.NotFound');
      return {};
    }));
    const revoke = (direction: 'ingress' | 'egress') => (i: ec2.RevokeSecurityGroupIngressCommandInput) => {
      const sg = this.get('sg', i.GroupId ?? '');
      if (sg === undefined) throw err('InvalidGroup.NotFound');
      const p = i.IpPermissions?.[0];
      const target = p?.UserIdGroupPairs?.[0]?.GroupId;
      const before = sg.refs?.length ?? 0;
      sg.refs = (sg.refs ?? []).filter((x) => !(x.direction === direction && x.groupId === target && x.protocol === p?.IpProtocol && x.from === p?.FromPort && x.to === p?.ToPort));
      if (sg.refs.length === before) throw err('InvalidPermission.NotFound');
      return {};
    };
    on(sEc2, ec2.RevokeSecurityGroupIngressCommand, h('EC2.RevokeSecurityGroupIngress', true, revoke('ingress')));
    on(sEc2, ec2.RevokeSecurityGroupEgressCommand, h('EC2.RevokeSecurityGroupEgress', true, revoke('egress')));
    on(sEc2, ec2.DeleteSecurityGroupCommand, h('EC2.DeleteSecurityGroup', true, (i: ec2.DeleteSecurityGroupCommandInput) => {
      const id = i.GroupId ?? '';
      if (this.get('sg', id) === undefined) throw err('InvalidGroup.NotFound');
      const user = this.list('eni').find((e) => e.groupIds?.includes(id));
      if (user !== undefined) throw err('DependencyViolation', `resource ${id} has a dependent object (${user.id})`);
      const referrer = this.list('sg').find((g) => g.id !== id && g.refs?.some((x) => x.groupId === id));
      if (referrer !== undefined) throw err('DependencyViolation', `resource ${id} is referenced by ${referrer.id}`);
      this.forget(this.get('sg', id)!);
      return {};
    }));
    on(sEc2, ec2.DeleteVolumeCommand, h('EC2.DeleteVolume', true, (i: ec2.DeleteVolumeCommandInput) => (this.remove('volume', i.VolumeId ?? '', 'InvalidVolume.NotFound'), {})));
    on(sEc2, ec2.DeleteNatGatewayCommand, h('EC2.DeleteNatGateway', true, (i: ec2.DeleteNatGatewayCommandInput) => {
      const nat = this.get('nat', i.NatGatewayId ?? '');
      if (nat === undefined) throw err('NatGatewayNotFound');
      this.forget(nat);
      for (const eip of this.list('eip')) if (eip.associationId === `nat:${nat.id}`) eip.associationId = undefined;
      return {};
    }));
    on(sEc2, ec2.DisassociateAddressCommand, h('EC2.DisassociateAddress', true, (i: ec2.DisassociateAddressCommandInput) => {
      const eip = this.list('eip').find((e) => e.associationId === i.AssociationId);
      if (eip === undefined) throw err('InvalidAssociationID.NotFound');
      if (eip.associationId?.startsWith('nat:')) throw err('InvalidIPAddress.InUse', 'the NAT gateway still uses the address');
      eip.associationId = undefined;
      return {};
    }));
    on(sEc2, ec2.ReleaseAddressCommand, h('EC2.ReleaseAddress', true, (i: ec2.ReleaseAddressCommandInput) => {
      const eip = this.get('eip', i.AllocationId ?? '');
      if (eip?.associationId !== undefined) throw err('InvalidIPAddress.InUse');
      this.remove('eip', i.AllocationId ?? '', 'InvalidAllocationID.NotFound');
      return {};
    }));
    on(sEc2, ec2.DeleteLaunchTemplateCommand, h('EC2.DeleteLaunchTemplate', true, (i: ec2.DeleteLaunchTemplateCommandInput) => (this.remove('lt', i.LaunchTemplateId ?? '', 'InvalidLaunchTemplateId.NotFound'), {})));
    on(sEc2, ec2.DeleteSubnetCommand, h('EC2.DeleteSubnet', true, (i: ec2.DeleteSubnetCommandInput) => {
      const id = i.SubnetId ?? '';
      const user = [...this.list('eni'), ...this.list('nat')].find((r) => r.subnetId === id);
      if (user !== undefined && this.get('subnet', id) !== undefined) throw err('DependencyViolation', `subnet ${id} has dependencies (${user.id})`);
      this.remove('subnet', id, 'InvalidSubnetID.NotFound');
      return {};
    }));
    on(sEc2, ec2.DeleteVpcCommand, h('EC2.DeleteVpc', true, (i: ec2.DeleteVpcCommandInput) => {
      const id = i.VpcId ?? '';
      const user = [...this.list('subnet'), ...this.list('sg'), ...this.list('igw')].find((r) => r.vpcId === id);
      if (user !== undefined && this.get('vpc', id) !== undefined) throw err('DependencyViolation', `vpc ${id} has dependencies (${user.id})`);
      this.remove('vpc', id, 'InvalidVpcID.NotFound');
      return {};
    }));

    const sLogs = stub(c.logs);
    on(sLogs, logs.DescribeLogGroupsCommand, h('Logs.DescribeLogGroups', false, (i: logs.DescribeLogGroupsCommandInput) => ({
      logGroups: this.list('log').filter((r) => r.id.startsWith(i.logGroupNamePrefix ?? '')).map((r) => ({ logGroupName: r.id, arn: `${this.arn(r)}:*` })),
    })));
    on(sLogs, logs.DeleteLogGroupCommand, h('Logs.DeleteLogGroup', true, (i: logs.DeleteLogGroupCommandInput) => (this.remove('log', i.logGroupName ?? '', 'ResourceNotFoundException'), {})));

    const sR53 = stub(c.route53);
    on(sR53, r53.ListHostedZonesByNameCommand, h('Route53.ListHostedZonesByName', false, () => ({ HostedZones: [{ Id: `/hostedzone/${this.options.zone.id}`, Name: `${this.options.zone.name}.`, CallerReference: 'x', Config: { PrivateZone: false } }] })));
    on(sR53, r53.ListResourceRecordSetsCommand, h('Route53.ListResourceRecordSets', false, (i: r53.ListResourceRecordSetsCommandInput) => {
      const order = this.options.route53StringOrder === true ? route53StringOrder : route53Order;
      const sets = this.list('record')
        .map((r) => r.recordSet as r53.ResourceRecordSet)
        .sort((a, b) => order(a.Name ?? '', b.Name ?? '') || (a.Type ?? '').localeCompare(b.Type ?? ''));
      const startName = i.StartRecordName ?? '';
      const from = sets.findIndex((s) => order(s.Name ?? '', startName) > 0 || (order(s.Name ?? '', startName) === 0 && (i.StartRecordType === undefined || (s.Type ?? '') >= i.StartRecordType)));
      const rest = from < 0 ? [] : sets.slice(from);
      const max = Math.min(i.MaxItems ?? 300, this.options.route53PageSize ?? 300);
      const page = rest.slice(0, max);
      const next = rest[max];
      return { ResourceRecordSets: page, IsTruncated: next !== undefined, NextRecordName: next?.Name, NextRecordType: next?.Type, MaxItems: max };
    }));
    on(sR53, r53.ChangeResourceRecordSetsCommand, h('Route53.ChangeResourceRecordSets', true, (i: r53.ChangeResourceRecordSetsCommandInput) => {
      const changes = i.ChangeBatch?.Changes ?? [];
      // Atomic: validate every change first.
      const keys = changes.map((ch) => {
        const s = ch.ResourceRecordSet;
        const key = `${s?.Name}|${s?.Type}`;
        const found = this.get('record', key);
        if (found === undefined) throw err('InvalidChangeBatch', `Tried to delete resource record set [name='${s?.Name}', type='${s?.Type}'] but it was not found`);
        if (JSON.stringify(found.recordSet) !== JSON.stringify(s)) throw err('InvalidChangeBatch', `values of ${key} do not match`);
        return key;
      });
      for (const k of keys) this.resources.delete(this.key('record', k));
      return { ChangeInfo: { Id: 'c', Status: 'PENDING' as const, SubmittedAt: new Date() } };
    }));

    const sIam = stub(c.iam);
    on(sIam, iam.GetAccountAuthorizationDetailsCommand, h('IAM.GetAccountAuthorizationDetails', false, () => ({
      RoleDetailList: this.list('role').map((r) => ({ RoleName: r.id, Arn: this.arn(r), Tags: this.ec2Tags(r) })),
      IsTruncated: false,
    })));
    on(sIam, iam.ListPoliciesCommand, h('IAM.ListPolicies', false, () => ({
      Policies: this.list('policy').map((r) => ({ Arn: r.id, PolicyName: r.id.split('/').pop() })),
      IsTruncated: false,
    })));
    on(sIam, iam.ListPolicyTagsCommand, h('IAM.ListPolicyTags', false, (i: iam.ListPolicyTagsCommandInput) => {
      const p = this.get('policy', i.PolicyArn ?? '');
      if (p === undefined) throw err('NoSuchEntity');
      return { Tags: this.ec2Tags(p) };
    }));
    on(sIam, iam.ListOpenIDConnectProvidersCommand, h('IAM.ListOpenIDConnectProviders', false, () => ({ OpenIDConnectProviderList: this.list('oidc').map((r) => ({ Arn: r.id })) })));
    on(sIam, iam.GetOpenIDConnectProviderCommand, h('IAM.GetOpenIDConnectProvider', false, (i: iam.GetOpenIDConnectProviderCommandInput) => {
      const p = this.get('oidc', i.OpenIDConnectProviderArn ?? '');
      if (p === undefined) throw err('NoSuchEntity');
      return { Tags: this.ec2Tags(p) };
    }));
    on(sIam, iam.DeleteOpenIDConnectProviderCommand, h('IAM.DeleteOpenIDConnectProvider', true, (i: iam.DeleteOpenIDConnectProviderCommandInput) => (this.remove('oidc', i.OpenIDConnectProviderArn ?? '', 'NoSuchEntity'), {})));
    const role = (name: string | undefined): FakeResource => {
      const r = this.get('role', name ?? '');
      if (r === undefined) throw err('NoSuchEntity');
      return r;
    };
    on(sIam, iam.ListAttachedRolePoliciesCommand, h('IAM.ListAttachedRolePolicies', false, (i: iam.ListAttachedRolePoliciesCommandInput) => ({
      AttachedPolicies: (role(i.RoleName).attachedPolicies ?? []).map((PolicyArn) => ({ PolicyArn })),
    })));
    on(sIam, iam.DetachRolePolicyCommand, h('IAM.DetachRolePolicy', true, (i: iam.DetachRolePolicyCommandInput) => {
      const r = role(i.RoleName);
      r.attachedPolicies = (r.attachedPolicies ?? []).filter((p) => p !== i.PolicyArn);
      return {};
    }));
    on(sIam, iam.ListRolePoliciesCommand, h('IAM.ListRolePolicies', false, (i: iam.ListRolePoliciesCommandInput) => ({ PolicyNames: role(i.RoleName).inlinePolicies ?? [] })));
    on(sIam, iam.DeleteRolePolicyCommand, h('IAM.DeleteRolePolicy', true, (i: iam.DeleteRolePolicyCommandInput) => {
      const r = role(i.RoleName);
      r.inlinePolicies = (r.inlinePolicies ?? []).filter((p) => p !== i.PolicyName);
      return {};
    }));
    on(sIam, iam.ListInstanceProfilesForRoleCommand, h('IAM.ListInstanceProfilesForRole', false, (i: iam.ListInstanceProfilesForRoleCommandInput) => ({
      InstanceProfiles: this.list('profile')
        .filter((p) => p.roleNames?.includes(i.RoleName ?? ''))
        .map((p) => ({ InstanceProfileName: p.id, Arn: this.arn(p), Path: '/', InstanceProfileId: p.id, CreateDate: new Date(), Roles: [] })),
    })));
    on(sIam, iam.DeleteRoleCommand, h('IAM.DeleteRole', true, (i: iam.DeleteRoleCommandInput) => {
      const r = role(i.RoleName);
      if ((r.attachedPolicies ?? []).length > 0 || (r.inlinePolicies ?? []).length > 0) throw err('DeleteConflict', 'role has policies');
      this.forget(r);
      return {};
    }));
    on(sIam, iam.ListPolicyVersionsCommand, h('IAM.ListPolicyVersions', false, (i: iam.ListPolicyVersionsCommandInput) => {
      if (this.get('policy', i.PolicyArn ?? '') === undefined) throw err('NoSuchEntity');
      return { Versions: [{ VersionId: 'v1', IsDefaultVersion: true }] };
    }));
    on(sIam, iam.DeletePolicyCommand, h('IAM.DeletePolicy', true, (i: iam.DeletePolicyCommandInput) => {
      const arn = i.PolicyArn ?? '';
      if (this.list('role').some((r) => r.attachedPolicies?.includes(arn))) throw err('DeleteConflict', `${arn} is attached`);
      this.remove('policy', arn, 'NoSuchEntity');
      return {};
    }));

    const sSsm = stub(c.ssm);
    on(sSsm, ssm.GetParametersCommand, h('SSM.GetParameters', false, (i: ssm.GetParametersCommandInput) => ({
      Parameters: (i.Names ?? []).filter((n) => this.parameters.has(n)).map((Name) => ({ Name, Value: this.parameters.get(Name) })),
      InvalidParameters: (i.Names ?? []).filter((n) => !this.parameters.has(n)),
    })));
    on(sSsm, ssm.GetParameterCommand, h('SSM.GetParameter', false, (i: ssm.GetParameterCommandInput) => {
      const value = this.parameters.get(i.Name ?? '');
      if (value === undefined) throw new ssm.ParameterNotFound({ message: `parameter ${i.Name} not found`, $metadata: {} });
      return { Parameter: { Name: i.Name, Value: value } };
    }));
    const sRds = stub(c.rds);
    on(sRds, rds.DescribeDBInstancesCommand, h('RDS.DescribeDBInstances', false, (i: rds.DescribeDBInstancesCommandInput) => {
      const status = this.databases.get(i.DBInstanceIdentifier ?? '');
      if (status === undefined) throw err('DBInstanceNotFoundFault');
      return { DBInstances: [{ DBInstanceIdentifier: i.DBInstanceIdentifier, DBInstanceStatus: status }] };
    }));
    on(sR53, r53.GetHostedZoneCommand, h('Route53.GetHostedZone', false, (i: r53.GetHostedZoneCommandInput) => {
      if (i.Id !== this.options.zone.id) throw err('NoSuchHostedZone');
      return { HostedZone: { Id: `/hostedzone/${i.Id}`, Name: `${this.options.zone.name}.`, CallerReference: 'x' } };
    }));

    on(sIam, iam.GetRoleCommand, h('IAM.GetRole', false, (i: iam.GetRoleCommandInput) => {
      const r = role(i.RoleName);
      return {
        Role: {
          RoleName: r.id,
          Arn: this.arn(r),
          Path: '/',
          RoleId: r.id,
          CreateDate: new Date(),
          Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
          ...(r.boundaryArn === undefined ? {} : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy' as const, PermissionsBoundaryArn: r.boundaryArn } }),
        },
      };
    }));
    const sSecrets = stub(c.secretsManager);
    on(sSecrets, secrets.DescribeSecretCommand, h('SecretsManager.DescribeSecret', false, (i: secrets.DescribeSecretCommandInput) => {
      const found = this.get('secret', i.SecretId ?? '');
      if (found === undefined) throw err('ResourceNotFoundException');
      return { Name: found.id, ARN: this.arn(found) };
    }));

    const sEks = stub(c.eks);
    const cluster = (name: string | undefined): FakeResource => {
      const r = this.get('cluster', name ?? '');
      if (r === undefined) throw err('ResourceNotFoundException', `No cluster found for name: ${name}`);
      return r;
    };
    const child = (kind: 'nodegroup' | 'addon' | 'fargate', clusterName: string | undefined, name: string | undefined): FakeResource => {
      const r = this.get(kind, `${clusterName}/${name}`);
      if (r === undefined) throw err('ResourceNotFoundException', `No ${kind} ${name} in ${clusterName}`);
      return r;
    };
    const childrenOf = (kind: 'nodegroup' | 'addon' | 'fargate', clusterName: string | undefined): string[] =>
      this.list(kind)
        .filter((r) => r.clusterName === clusterName)
        .map((r) => r.id.slice(r.id.indexOf('/') + 1));
    /** EKS deletes asynchronously: DELETING at once, gone after lingerCalls calls. */
    const startDeleting = (r: FakeResource): void => {
      if (r.status === 'DELETING') throw err('ResourceInUseException', `${r.id} is already being deleted`);
      r.status = 'DELETING';
      r.goneAtTick = this.tick + (this.options.lingerCalls ?? 0);
    };
    on(sEks, eks.DescribeClusterCommand, h('EKS.DescribeCluster', false, (i: eks.DescribeClusterCommandInput) => {
      const r = cluster(i.name);
      return { cluster: { name: i.name, arn: this.arn(r), createdAt: new Date(r.createdAt ?? '2026-01-23T08:00:00Z'), status: (r.status ?? 'ACTIVE') as eks.ClusterStatus, tags: r.tags, endpoint: 'https://127.0.0.1:1', certificateAuthority: { data: '' } } };
    }));
    on(sEks, eks.ListNodegroupsCommand, h('EKS.ListNodegroups', false, (i: eks.ListNodegroupsCommandInput) => (cluster(i.clusterName), { nodegroups: childrenOf('nodegroup', i.clusterName) })));
    on(sEks, eks.ListAddonsCommand, h('EKS.ListAddons', false, (i: eks.ListAddonsCommandInput) => (cluster(i.clusterName), { addons: childrenOf('addon', i.clusterName) })));
    on(sEks, eks.ListFargateProfilesCommand, h('EKS.ListFargateProfiles', false, (i: eks.ListFargateProfilesCommandInput) => (cluster(i.clusterName), { fargateProfileNames: childrenOf('fargate', i.clusterName) })));
    on(sEks, eks.DescribeNodegroupCommand, h('EKS.DescribeNodegroup', false, (i: eks.DescribeNodegroupCommandInput) => {
      const r = child('nodegroup', i.clusterName, i.nodegroupName);
      return { nodegroup: { nodegroupName: i.nodegroupName, nodegroupArn: this.arn(r), status: (r.status ?? 'ACTIVE') as eks.NodegroupStatus, tags: r.tags } };
    }));
    on(sEks, eks.DescribeAddonCommand, h('EKS.DescribeAddon', false, (i: eks.DescribeAddonCommandInput) => {
      const r = child('addon', i.clusterName, i.addonName);
      return { addon: { addonName: i.addonName, addonArn: this.arn(r), status: (r.status ?? 'ACTIVE') as eks.AddonStatus, tags: r.tags } };
    }));
    on(sEks, eks.DescribeFargateProfileCommand, h('EKS.DescribeFargateProfile', false, (i: eks.DescribeFargateProfileCommandInput) => {
      const r = child('fargate', i.clusterName, i.fargateProfileName);
      return { fargateProfile: { fargateProfileName: i.fargateProfileName, fargateProfileArn: this.arn(r), status: (r.status ?? 'ACTIVE') as eks.FargateProfileStatus, tags: r.tags } };
    }));
    on(sEks, eks.DeleteNodegroupCommand, h('EKS.DeleteNodegroup', true, (i: eks.DeleteNodegroupCommandInput) => {
      const r = child('nodegroup', i.clusterName, i.nodegroupName);
      startDeleting(r);
      // The node group's instances terminate with it.
      for (const inst of this.list('instance')) if (inst.clusterName === i.clusterName && inst.status !== 'terminated') inst.status = 'terminated';
      return {};
    }));
    on(sEks, eks.DeleteAddonCommand, h('EKS.DeleteAddon', true, (i: eks.DeleteAddonCommandInput) => (startDeleting(child('addon', i.clusterName, i.addonName)), {})));
    on(sEks, eks.DeleteFargateProfileCommand, h('EKS.DeleteFargateProfile', true, (i: eks.DeleteFargateProfileCommandInput) => (startDeleting(child('fargate', i.clusterName, i.fargateProfileName)), {})));
    on(sEks, eks.DeleteClusterCommand, h('EKS.DeleteCluster', true, (i: eks.DeleteClusterCommandInput) => {
      const r = cluster(i.name);
      const blocking = [...this.list('nodegroup'), ...this.list('fargate')].find((x) => x.clusterName === i.name);
      if (blocking !== undefined) throw err('ResourceInUseException', `Cluster has ${blocking.kind} ${blocking.id} attached`);
      startDeleting(r);
      for (const a of this.list('addon')) if (a.clusterName === i.name) a.goneAtTick = r.goneAtTick;
      return {};
    }));

    on(sEc2, ec2.DescribeSnapshotsCommand, h('EC2.DescribeSnapshots', false, (i: ec2.DescribeSnapshotsCommandInput) => ({
      Snapshots: this.withTag('snapshot', i.Filters).map((r) => ({ SnapshotId: r.id, Tags: this.ec2Tags(r) })),
    })));
    on(sEc2, ec2.DeleteSnapshotCommand, h('EC2.DeleteSnapshot', true, (i: ec2.DeleteSnapshotCommandInput) => (this.remove('snapshot', i.SnapshotId ?? '', 'InvalidSnapshot.NotFound'), {})));
    on(sEc2, ec2.TerminateInstancesCommand, h('EC2.TerminateInstances', true, (i: ec2.TerminateInstancesCommandInput) => {
      const r = this.get('instance', i.InstanceIds?.[0] ?? '');
      if (r === undefined) throw err('InvalidInstanceID.NotFound');
      // Terminated instances stay listed for a while.
      r.status = 'terminated';
      r.goneAtTick = this.tick + (this.options.lingerCalls ?? 0) + 50;
      return { TerminatingInstances: [{ InstanceId: r.id }] };
    }));

    const sKms = stub(c.kms);
    const key = (keyId: string | undefined): FakeResource => {
      const r = this.get('kms', keyId ?? '') ?? this.list('kms').find((k) => k.aliases?.includes(keyId ?? ''));
      if (r === undefined) throw err('NotFoundException', `Key '${keyId}' does not exist`);
      return r;
    };
    on(sKms, kms.DescribeKeyCommand, h('KMS.DescribeKey', false, (i: kms.DescribeKeyCommandInput) => {
      const r = key(i.KeyId);
      return { KeyMetadata: { KeyId: r.id, Arn: this.arn(r), KeyState: (r.status ?? 'Enabled') as kms.KeyState, KeyManager: (r.owner === 'aws-managed' ? 'AWS' : 'CUSTOMER') as kms.KeyManagerType } };
    }));
    on(sKms, kms.ListResourceTagsCommand, h('KMS.ListResourceTags', false, (i: kms.ListResourceTagsCommandInput) => ({
      Tags: Object.entries(key(i.KeyId).tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
    })));
    on(sKms, kms.ListAliasesCommand, h('KMS.ListAliases', false, (i: kms.ListAliasesCommandInput) => ({ Aliases: (key(i.KeyId).aliases ?? []).map((AliasName) => ({ AliasName })) })));
    on(sKms, kms.DeleteAliasCommand, h('KMS.DeleteAlias', true, (i: kms.DeleteAliasCommandInput) => {
      const r = this.list('kms').find((k) => k.aliases?.includes(i.AliasName ?? ''));
      if (r === undefined) throw err('NotFoundException');
      r.aliases = r.aliases?.filter((a) => a !== i.AliasName);
      return {};
    }));
    on(sKms, kms.ScheduleKeyDeletionCommand, h('KMS.ScheduleKeyDeletion', true, (i: kms.ScheduleKeyDeletionCommandInput) => {
      const r = key(i.KeyId);
      if (r.status === 'PendingDeletion') throw err('KMSInvalidStateException', `${r.id} is pending deletion`);
      if ((i.PendingWindowInDays ?? 30) < 7) throw err('ValidationException', 'PendingWindowInDays must be between 7 and 30');
      // Pending deletion: still listed (and tagged) for the window; counts as gone.
      r.status = 'PendingDeletion';
      return { KeyId: r.id, KeyState: 'PendingDeletion' as const };
    }));

    const sAcm = stub(c.acm);
    on(sAcm, acm.DeleteCertificateCommand, h('ACM.DeleteCertificate', true, (i: acm.DeleteCertificateCommandInput) => {
      const r = this.get('cert', i.CertificateArn ?? '');
      if (r === undefined) throw err('ResourceNotFoundException');
      const lb = r.lbArn === undefined ? undefined : this.get('lb', r.lbArn);
      if (lb !== undefined && lb.status !== 'deleting') throw err('ResourceInUseException', `certificate is in use by ${r.lbArn}`);
      this.forget(r);
      return {};
    }));

    on(sIam, iam.ListInstanceProfilesCommand, h('IAM.ListInstanceProfiles', false, () => ({
      InstanceProfiles: this.list('profile').map((r) => ({ InstanceProfileName: r.id, Arn: this.arn(r), Path: '/', InstanceProfileId: r.id, CreateDate: new Date(), Roles: (r.roleNames ?? []).map((RoleName) => ({ RoleName, Path: '/', RoleId: RoleName, Arn: RoleName, CreateDate: new Date() })) })),
      IsTruncated: false,
    })));
    const profile = (name: string | undefined): FakeResource => {
      const r = this.get('profile', name ?? '');
      if (r === undefined) throw err('NoSuchEntity');
      return r;
    };
    on(sIam, iam.ListInstanceProfileTagsCommand, h('IAM.ListInstanceProfileTags', false, (i: iam.ListInstanceProfileTagsCommandInput) => ({ Tags: this.ec2Tags(profile(i.InstanceProfileName)) })));
    on(sIam, iam.GetInstanceProfileCommand, h('IAM.GetInstanceProfile', false, (i: iam.GetInstanceProfileCommandInput) => {
      const r = profile(i.InstanceProfileName);
      return { InstanceProfile: { InstanceProfileName: r.id, Arn: this.arn(r), Path: '/', InstanceProfileId: r.id, CreateDate: new Date(), Roles: (r.roleNames ?? []).map((RoleName) => ({ RoleName, Path: '/', RoleId: RoleName, Arn: RoleName, CreateDate: new Date() })) } };
    }));
    on(sIam, iam.RemoveRoleFromInstanceProfileCommand, h('IAM.RemoveRoleFromInstanceProfile', true, (i: iam.RemoveRoleFromInstanceProfileCommandInput) => {
      const r = profile(i.InstanceProfileName);
      if (!(r.roleNames ?? []).includes(i.RoleName ?? '')) throw err('NoSuchEntity');
      r.roleNames = (r.roleNames ?? []).filter((n) => n !== i.RoleName);
      return {};
    }));
    on(sIam, iam.DeleteInstanceProfileCommand, h('IAM.DeleteInstanceProfile', true, (i: iam.DeleteInstanceProfileCommandInput) => {
      const r = profile(i.InstanceProfileName);
      if ((r.roleNames ?? []).length > 0) throw err('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.');
      this.forget(r);
      return {};
    }));
    // The ledger's state bucket and the build's buckets share one S3 client, so one stub.
    this.s3.serve(c.s3, (onS3) => {
    const bucket = (name: string | undefined): FakeResource => {
      const r = this.get('bucket', name ?? '');
      if (r === undefined) throw err('NoSuchBucket', 'The specified bucket does not exist');
      return r;
    };
    onS3(s3.GetBucketTaggingCommand, h('S3.GetBucketTagging', false, (i: s3.GetBucketTaggingCommandInput) => {
      const r = bucket(i.Bucket);
      if (Object.keys(r.tags).length === 0) throw err('NoSuchTagSet', 'The TagSet does not exist');
      return { TagSet: this.ec2Tags(r) as s3.Tag[] };
    }));
    onS3(s3.ListObjectVersionsCommand, h('S3.ListObjectVersions', false, (i: s3.ListObjectVersionsCommandInput) => {
      const all = bucket(i.Bucket).versions ?? [];
      const page = all.slice(0, Math.min(i.MaxKeys ?? 1000, 1000));
      return { Versions: page.filter((v) => !v.VersionId.startsWith('dm-')), DeleteMarkers: page.filter((v) => v.VersionId.startsWith('dm-')), IsTruncated: all.length > page.length };
    }));
    onS3(s3.DeleteObjectsCommand, h('S3.DeleteObjects', true, (i: s3.DeleteObjectsCommandInput) => {
      const r = bucket(i.Bucket);
      const objects = i.Delete?.Objects ?? [];
      if (objects.length > 1000) throw err('MalformedXML', 'at most 1000 objects');
      const gone = new Set(objects.map((o) => `${o.Key}|${o.VersionId}`));
      r.versions = (r.versions ?? []).filter((v) => !gone.has(`${v.Key}|${v.VersionId}`));
      return { Deleted: objects.map((o) => ({ Key: o.Key, VersionId: o.VersionId })) };
    }));
    onS3(s3.DeleteBucketCommand, h('S3.DeleteBucket', true, (i: s3.DeleteBucketCommandInput) => {
      const r = bucket(i.Bucket);
      if ((r.versions ?? []).length > 0) throw err('BucketNotEmpty', 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.');
      this.forget(r);
      return {};
    }));

    });
    this.pricing.serve(c.pricing);
    return c;
  }

  restore(): void {
    for (const s of this.stubs) s.restore();
    this.s3.restore();
    this.pricing.restore();
  }
}
