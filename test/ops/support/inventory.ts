import { txtRegistryName } from '../../../contract/external-dns';
import { appDatabaseSecretName, clusterName, clusterSecretsKeyAlias, dnsOwnerId, envIdentity, envZoneName, hostSuffix, irsaRoleName, objectStorageBucketName } from '../../../contract/naming';
import { ephemeral, persistent } from '../../../contract/selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../../contract/tags';
import type { Environment } from '../../../envs/schema';
import type { FakeAws, FakeResource, Tags } from './fake-aws';

let counter = 0;
function id(prefix: string): string {
  counter++;
  return `${prefix}-${counter.toString(16).padStart(8, '0')}`;
}

export interface BuildShape {
  /** Controller-made resources carry only the controller's tags, not ours (older controller config). */
  readonly controllerTagsOnly: boolean;
  /** The build has its own VPC (subnet with ENIs, NAT, attached IGW). */
  readonly ownVpc: boolean;
  /** Number of LoadBalancer services. */
  readonly loadBalancers: number;
  readonly volumes: number;
  readonly records: number;
  /** IAM roles carry the build tag (otherwise only their derived names identify them). */
  readonly taggedRoles: boolean;
}

export const FULL_SHAPE: BuildShape = { controllerTagsOnly: false, ownVpc: true, loadBalancers: 2, volumes: 2, records: 2, taggedRoles: true };

export function zoneOf(env: Environment): { id: string; name: string } {
  return { id: env.dns.zoneId ?? `Z${env.name.toUpperCase()}ZONE`, name: envZoneName(envIdentity(env)) };
}

export interface Foundation {
  readonly vpcId: string;
  readonly subnetId: string;
  readonly nodeGroupId: string;
}

/** The env's foundational and persistent resources: none may ever be touched by a build's cleanup. */
export function addFoundation(fake: FakeAws, env: Environment): Foundation {
  const tags = (plane: 'foundational' | 'disposable', stack: string): Tags => ({
    [TAG_KEYS.env]: env.name,
    [TAG_KEYS.plane]: plane,
    [TAG_KEYS.lifecycle]: 'persistent',
    [TAG_KEYS.stack]: stack,
    [TAG_KEYS.managedBy]: 'cdktf',
  });
  const net = tags('foundational', `${env.name}-network`);
  const owner = 'foundational';
  const vpc = fake.add({ kind: 'vpc', id: id('vpc'), tags: net, owner });
  const subnet = fake.add({ kind: 'subnet', id: id('subnet'), tags: net, owner, vpcId: vpc.id });
  fake.add({ kind: 'igw', id: id('igw'), tags: net, owner, vpcId: vpc.id });
  const cluster = clusterName(persistent(env.name));
  const p = tags('disposable', `${env.name}-cluster`);
  const nodeSg = fake.add({ kind: 'sg', id: id('sg'), tags: p, owner: 'persistent', vpcId: vpc.id, refs: [] });
  fake.add({ kind: 'cluster', id: cluster, tags: p, owner: 'persistent' });
  fake.add({ kind: 'log', id: `/aws/eks/${cluster}/cluster`, tags: p, owner: 'persistent' });
  fake.add({ kind: 'role', id: irsaRoleName(persistent(env.name), 'node'), tags: p, owner: 'persistent', attachedPolicies: [] });
  fake.add({ kind: 'volume', id: id('vol'), tags: { ...p, [`${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned' }, owner: 'persistent' });
  fake.add({ kind: 'secret', id: appDatabaseSecretName(env.name, 'backstage'), tags: tags('foundational', `${env.name}-database`), owner });
  const zoneName = zoneOf(env).name;
  addRecord(fake, `backstage.${zoneName}`, dnsOwnerId(persistent(env.name)), 'persistent');
  return { vpcId: vpc.id, subnetId: subnet.id, nodeGroupId: nodeSg.id };
}

function addRecord(fake: FakeAws, name: string, owner: string, truth: string): void {
  const a = { Name: `${name}.`, Type: 'A' as const, TTL: 300, ResourceRecords: [{ Value: '192.0.2.10' }] };
  const txtName = txtRegistryName(name, 'A');
  const txt = { Name: `${txtName}.`, Type: 'TXT' as const, TTL: 300, ResourceRecords: [{ Value: `"heritage=external-dns,external-dns/owner=${owner},external-dns/resource=service/default/x"` }] };
  for (const set of [a, txt]) fake.add({ kind: 'record', id: `${set.Name}|${set.Type}`, tags: {}, owner: truth, recordSet: set });
}

/** What TLS issuance leaves without an ExternalDNS owner: an ACM DNS validation CNAME and an ACME DNS-01 challenge TXT. */
function addTlsRecords(fake: FakeAws, name: string, truth: string): void {
  const validation = { Name: `_3f2a9c.${name}.`, Type: 'CNAME' as const, TTL: 300, ResourceRecords: [{ Value: '_7b1d.xyzabc.acm-validations.aws.' }] };
  const challenge = { Name: `_acme-challenge.${name}.`, Type: 'TXT' as const, TTL: 60, ResourceRecords: [{ Value: '"ZG9udC1wYW5pYw"' }] };
  for (const set of [validation, challenge]) fake.add({ kind: 'record', id: `${set.Name}|${set.Type}`, tags: {}, owner: truth, recordSet: set });
}

/** One build's resources as CI and its in-cluster controllers leave them. */
export function addBuild(fake: FakeAws, env: Environment, buildId: string, foundation: Foundation, shape: BuildShape): FakeResource[] {
  const sel = ephemeral(env.name, buildId);
  const cluster = clusterName(sel);
  const owner = `${env.name}/${buildId}`;
  const ours: Tags = {
    [TAG_KEYS.env]: env.name,
    [TAG_KEYS.plane]: 'disposable',
    [TAG_KEYS.lifecycle]: 'ephemeral',
    [TAG_KEYS.stack]: `${env.name}-b-${buildId}-cluster`,
    [TAG_KEYS.managedBy]: 'cdktf',
    [TAG_KEYS.buildId]: buildId,
    [TAG_KEYS.expiresAt]: '2026-01-01T08:00:00Z',
  };
  const controller: Tags = shape.controllerTagsOnly
    ? { [CONTROLLER_TAGS.lbControllerCluster]: cluster, 'service.k8s.aws/stack': 'default/web' }
    : { ...ours, [CONTROLLER_TAGS.lbControllerCluster]: cluster };
  const added: FakeResource[] = [];
  const add = (r: Omit<FakeResource, 'owner'>): FakeResource => {
    const full = fake.add({ ...r, owner } as FakeResource);
    added.push(full);
    return full;
  };
  let vpcId = foundation.vpcId;
  let subnetId = foundation.subnetId;
  if (shape.ownVpc) {
    vpcId = add({ kind: 'vpc', id: id('vpc'), tags: ours }).id;
    subnetId = add({ kind: 'subnet', id: id('subnet'), tags: ours, vpcId }).id;
    add({ kind: 'igw', id: id('igw'), tags: ours, vpcId });
    const nat = add({ kind: 'nat', id: id('nat'), tags: ours, subnetId });
    add({ kind: 'eip', id: id('eipalloc'), tags: ours, associationId: `nat:${nat.id}` });
  }
  const nodeSg = add({ kind: 'sg', id: id('sg'), tags: { ...ours, [CONTROLLER_TAGS.eksClusterName]: cluster }, vpcId, refs: [] });
  // The controller's rule that lets the load balancers reach the nodes lives in the persistent-looking node group of the build.
  for (let i = 0; i < shape.loadBalancers; i++) {
    const arn = `arn:aws:elasticloadbalancing:${fake.options.region}:${fake.options.account}:loadbalancer/net/k8s-${id('lb')}/${id('x')}`;
    add({ kind: 'lb', id: arn, tags: controller });
    add({ kind: 'tg', id: `arn:aws:elasticloadbalancing:${fake.options.region}:${fake.options.account}:targetgroup/k8s-${id('tg')}/${id('x')}`, tags: controller, lbArn: arn });
    const lbSg = add({ kind: 'sg', id: id('sg'), tags: controller, vpcId, refs: [] });
    nodeSg.refs!.push({ direction: 'ingress', groupId: lbSg.id, protocol: 'tcp', from: 30000 + i, to: 30000 + i });
    add({ kind: 'eni', id: id('eni'), tags: {}, status: 'in-use', subnetId, groupIds: [lbSg.id], lbArn: arn });
  }
  add({ kind: 'eni', id: id('eni'), tags: { [CONTROLLER_TAGS.vpcCniCluster]: cluster }, status: 'available', subnetId, groupIds: [nodeSg.id] });
  for (let i = 0; i < shape.volumes; i++) {
    add({ kind: 'volume', id: id('vol'), tags: { [`${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned', ...(shape.controllerTagsOnly ? {} : ours) }, instanceTypeOrSize: '20' });
  }
  add({ kind: 'lt', id: id('lt'), tags: ours });
  add({ kind: 'log', id: `/aws/eks/${cluster}/cluster`, tags: {} });
  const policyArn = `arn:aws:iam::${fake.options.account}:policy/${cluster}-external-dns`;
  add({ kind: 'policy', id: policyArn, tags: ours });
  add({ kind: 'oidc', id: `arn:aws:iam::${fake.options.account}:oidc-provider/oidc.eks.${fake.options.region}.amazonaws.com/id/${id('OIDC').toUpperCase()}`, tags: ours });
  for (const key of ['node', 'external-dns'] as const) {
    add({ kind: 'role', id: irsaRoleName(sel, key), tags: shape.taggedRoles ? ours : {}, attachedPolicies: key === 'external-dns' ? [policyArn] : [], inlinePolicies: ['inline'] });
  }
  // The cluster with what runs on it, its key and bucket, its TLS certificate and an instance profile of its node role.
  const clusterTags = { ...ours, [TAG_KEYS.stack]: `${env.name}-b-${buildId}-cluster` };
  add({ kind: 'cluster', id: cluster, tags: clusterTags });
  add({ kind: 'nodegroup', id: `${cluster}/default`, tags: clusterTags, clusterName: cluster });
  add({ kind: 'addon', id: `${cluster}/vpc-cni`, tags: clusterTags, clusterName: cluster });
  add({ kind: 'fargate', id: `${cluster}/system`, tags: clusterTags, clusterName: cluster });
  for (let i = 0; i < 2; i++) {
    add({ kind: 'instance', id: id('i'), tags: { ...ours, 'eks:cluster-name': cluster, [`${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned' }, clusterName: cluster, status: 'running', instanceTypeOrSize: 't3.large' });
  }
  add({ kind: 'snapshot', id: id('snap'), tags: { [`${CONTROLLER_TAGS.kubernetesClusterPrefix}${cluster}`]: 'owned', ...(shape.controllerTagsOnly ? {} : ours) } });
  add({ kind: 'kms', id: id('key'), tags: clusterTags, aliases: [clusterSecretsKeyAlias(sel)] });
  const versions = [
    { Key: 'chunks/a', VersionId: 'v1' },
    { Key: 'chunks/a', VersionId: 'v2' },
    { Key: 'chunks/b', VersionId: 'dm-1' },
  ];
  add({ kind: 'bucket', id: objectStorageBucketName(sel, fake.options.account), tags: clusterTags, versions });
  const firstLb = added.find((r) => r.kind === 'lb');
  add({ kind: 'cert', id: `arn:aws:acm:${fake.options.region}:${fake.options.account}:certificate/${id('cert')}`, tags: ours, lbArn: firstLb?.id });
  add({ kind: 'profile', id: `${cluster}-node`, tags: ours, roleNames: [irsaRoleName(sel, 'node')] });
  const suffix = hostSuffix(sel, envIdentity(env));
  if (suffix.endsWith(zoneOf(env).name) && env.name === envOfZone(fake)) {
    for (let i = 0; i < shape.records; i++) addRecord(fake, `app${i}.${suffix}`, dnsOwnerId(sel), owner);
    addTlsRecords(fake, `app0.${suffix}`, owner);
  }
  return added;
}

function envOfZone(fake: FakeAws): string {
  return fake.options.zone.name.split('.')[0] ?? '';
}
