import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as ec2 from '@aws-sdk/client-ec2';
import * as eks from '@aws-sdk/client-eks';
import * as elb from '@aws-sdk/client-elastic-load-balancing-v2';
import * as iam from '@aws-sdk/client-iam';
import * as tagging from '@aws-sdk/client-resource-groups-tagging-api';
import * as r53 from '@aws-sdk/client-route-53';
import * as rds from '@aws-sdk/client-rds';
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
  | 'secret';

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
}

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

  /** Ids (kind:id) of every resource still present. */
  present(): string[] {
    this.expireLingering();
    return [...this.resources.keys()].sort();
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
      case 'record':
        return '';
      default: {
        const type = { eni: 'network-interface', sg: 'security-group', volume: 'volume', eip: 'elastic-ip', lt: 'launch-template', nat: 'natgateway', subnet: 'subnet', igw: 'internet-gateway', vpc: 'vpc' }[r.kind];
        return `arn:aws:ec2:${region}:${account}:${type}/${r.id}`;
      }
    }
  }

  private expireLingering(): void {
    for (const [k, r] of this.resources) if (r.goneAtTick !== undefined && this.tick >= r.goneAtTick) this.resources.delete(k);
  }

  private remove(kind: Kind, id: string, notFound: string): void {
    if (this.get(kind, id) === undefined) throw err(notFound);
    this.resources.delete(this.key(kind, id));
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
        if (f.Name === 'instance-state-name') return true;
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
    return [...this.resources.values()]
      .filter((r) => r.kind !== 'record')
      .filter((r) => (['role', 'policy', 'oidc'].includes(r.kind) ? global && this.options.iamInTagging === true : !global || this.options.region === GLOBAL_SERVICES_REGION))
      .filter((r) => Object.keys(r.tags).length > 0)
      .map((r) => ({ arn: this.arn(r), tags: r.tags }));
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
        const lb = this.get('lb', input.LoadBalancerArn ?? '');
        if (lb === undefined || lb.status === 'deleting') return {};
        // Deleting is asynchronous: the ARN stops listing at once, the ENIs (and the LB itself) linger.
        const gone = this.tick + (this.options.lingerCalls ?? 0);
        lb.status = 'deleting';
        lb.goneAtTick = gone;
        for (const eni of this.list('eni')) if (eni.lbArn === lb.id) eni.goneAtTick = gone;
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
        this.resources.delete(this.key('tg', tg.id));
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
    on(sEc2, ec2.DescribeInstancesCommand, h('EC2.DescribeInstances', false, () => ({ Reservations: [] })));
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
      this.resources.delete(this.key('sg', id));
      return {};
    }));
    on(sEc2, ec2.DeleteVolumeCommand, h('EC2.DeleteVolume', true, (i: ec2.DeleteVolumeCommandInput) => (this.remove('volume', i.VolumeId ?? '', 'InvalidVolume.NotFound'), {})));
    on(sEc2, ec2.DeleteNatGatewayCommand, h('EC2.DeleteNatGateway', true, (i: ec2.DeleteNatGatewayCommandInput) => {
      const nat = this.get('nat', i.NatGatewayId ?? '');
      if (nat === undefined) throw err('NatGatewayNotFound');
      this.resources.delete(this.key('nat', nat.id));
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
    on(sIam, iam.ListInstanceProfilesForRoleCommand, h('IAM.ListInstanceProfilesForRole', false, () => ({ InstanceProfiles: [] })));
    on(sIam, iam.DeleteRoleCommand, h('IAM.DeleteRole', true, (i: iam.DeleteRoleCommandInput) => {
      const r = role(i.RoleName);
      if ((r.attachedPolicies ?? []).length > 0 || (r.inlinePolicies ?? []).length > 0) throw err('DeleteConflict', 'role has policies');
      this.resources.delete(this.key('role', r.id));
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
    on(sEks, eks.DescribeClusterCommand, h('EKS.DescribeCluster', false, (i: eks.DescribeClusterCommandInput) => {
      if (this.get('cluster', i.name ?? '') === undefined) throw err('ResourceNotFoundException');
      return { cluster: { name: i.name, endpoint: 'https://127.0.0.1:1', certificateAuthority: { data: '' } } };
    }));
    this.s3.serve(c.s3);
    this.pricing.serve(c.pricing);
    return c;
  }

  restore(): void {
    for (const s of this.stubs) s.restore();
    this.s3.restore();
    this.pricing.restore();
  }
}
