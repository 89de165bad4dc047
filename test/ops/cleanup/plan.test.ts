import { TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { RULE_ATTRIBUTES, mergeDiscoveries, planCleanup } from '../../../ops/cleanup/plan';
import { RESOURCE_KINDS_IN_DELETION_ORDER, type CloudResource, type ResourceKind } from '../../../ops/cleanup/resource';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';

const dev = loadEnvironment('dev');
const scope = buildScope(planOf(dev, '12'));
const ours = { [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: '12' };

function res(kind: ResourceKind, id: string, tags: Record<string, string> = ours, attributes: Record<string, string> = {}): CloudResource {
  return { kind, id, region: dev.account.region, tags, attributes };
}

describe('planCleanup', () => {
  it('orders deletions load balancers, target groups, ENIs, rules, security groups, then the rest', () => {
    const kinds: ResourceKind[] = ['ec2-vpc', 'ec2-security-group', 'iam-role', 'elbv2-target-group', 'ec2-network-interface', 'elbv2-load-balancer', 'ec2-subnet'];
    const plan = planCleanup(kinds.map((k, i) => res(k, `id-${i}`)), scope);
    expect(plan.deletions.map((d) => d.resource.kind)).toEqual(['elbv2-load-balancer', 'elbv2-target-group', 'ec2-network-interface', 'ec2-security-group', 'ec2-subnet', 'ec2-vpc', 'iam-role']);
  });

  it('lists every kind in a fixed deletion order: the cluster with its parts first, then what ran its nodes, then load balancers before what they use', () => {
    expect(RESOURCE_KINDS_IN_DELETION_ORDER.slice(0, 7)).toEqual(['eks-addon', 'eks-fargate-profile', 'eks-nodegroup', 'eks-cluster', 'ec2-instance', 'ec2-launch-template', 'kms-key']);
    const order = (k: ResourceKind): number => RESOURCE_KINDS_IN_DELETION_ORDER.indexOf(k);
    expect(order('elbv2-load-balancer')).toBeLessThan(order('elbv2-target-group'));
    expect(order('elbv2-load-balancer')).toBeLessThan(order('acm-certificate'));
    expect(order('ec2-network-interface')).toBeLessThan(order('ec2-security-group'));
    expect(order('iam-instance-profile')).toBeLessThan(order('iam-role'));
  });

  it('puts what AWS still lists after deletion (a terminated instance, a key pending deletion) among the going, never the deletions', () => {
    const plan = planCleanup(
      [res('ec2-instance', 'i-1', ours, { state: 'terminated' }), res('kms-key', 'k-1', ours, { state: 'PendingDeletion' }), res('eks-cluster', 'c', ours, { state: 'DELETING' }), res('ec2-instance', 'i-2', ours, { state: 'running' })],
      scope,
    );
    expect([plan.deletions.map((d) => d.resource.id), plan.going.map((d) => d.resource.id)]).toEqual([['i-2'], ['i-1', 'k-1', 'c']]);
  });

  it('revokes a rule that references a build security group from a group that is not protected', () => {
    const rule = res('ec2-security-group-rule', 'sg-node|ingress', ours, { [RULE_ATTRIBUTES.groupId]: 'sg-node', [RULE_ATTRIBUTES.referencedGroupId]: 'sg-lb' });
    const plan = planCleanup([res('ec2-security-group', 'sg-lb'), rule], scope);
    expect(plan.deletions.map((d) => d.resource.id)).toEqual(['sg-node|ingress', 'sg-lb']);
  });

  it('keeps a rule in a persistent group and says to remove it by hand', () => {
    const persistentTags = { [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'persistent' };
    const rule = res('ec2-security-group-rule', 'sg-p|ingress', persistentTags, { [RULE_ATTRIBUTES.groupId]: 'sg-p', [RULE_ATTRIBUTES.referencedGroupId]: 'sg-lb' });
    const plan = planCleanup([res('ec2-security-group', 'sg-lb'), rule], scope);
    expect(plan.deletions.map((d) => d.resource.id)).toEqual(['sg-lb']);
    expect(plan.skipped[0]?.reason).toMatch(/remove it by hand/);
  });

  it('ignores a rule that references no group the build deletes', () => {
    const rule = res('ec2-security-group-rule', 'sg-x|ingress', {}, { [RULE_ATTRIBUTES.groupId]: 'sg-x', [RULE_ATTRIBUTES.referencedGroupId]: 'sg-other' });
    expect(planCleanup([rule], scope).deletions).toEqual([]);
  });

  it('reports protected and foreign resources as skipped with the reason', () => {
    const plan = planCleanup([res('ec2-volume', 'vol-p', { ...ours, [TAG_KEYS.plane]: 'foundational' }), res('ec2-volume', 'vol-o', { ...ours, [TAG_KEYS.buildId]: '123' })], scope);
    expect(plan.skipped.map((s) => [s.resource.id, s.verdict])).toEqual([
      ['vol-p', 'protected'],
      ['vol-o', 'other'],
    ]);
  });
});

describe('mergeDiscoveries', () => {
  it('merges the tags and attributes two sources found for the same resource', () => {
    const merged = mergeDiscoveries([res('ec2-network-interface', 'eni-1', { a: '1' }), res('ec2-network-interface', 'eni-1', { b: '2' }, { status: 'available' })]);
    expect(merged).toEqual([res('ec2-network-interface', 'eni-1', { a: '1', b: '2' }, { status: 'available' })]);
  });
});
