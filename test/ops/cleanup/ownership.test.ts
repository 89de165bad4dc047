import { CONTROLLER_TAGS, TAG_KEYS } from '../../../contract/tags';
import { loadEnvironment } from '../../../envs';
import { RECORD_NAME_ATTRIBUTE, RECORD_OWNER_ATTRIBUTE, classify } from '../../../ops/cleanup/ownership';
import type { CloudResource } from '../../../ops/cleanup/resource';
import { buildScope } from '../../../ops/cleanup/scope';
import { planOf } from '../../../ops/command-context';

const dev = loadEnvironment('dev');
const scope = buildScope(planOf(dev, '12'));

function res(partial: Partial<CloudResource>): CloudResource {
  return { kind: 'ec2-volume', id: 'vol-1', region: dev.account.region, tags: {}, attributes: {}, ...partial };
}
const build = (id: string): Record<string, string> => ({ [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: id });

describe('classify', () => {
  it('claims a resource tagged with the build id', () => {
    expect(classify(res({ tags: build('12') }), scope).verdict).toBe('build');
  });

  it('treats build 123 as another build when cleaning build 12', () => {
    expect(classify(res({ tags: build('123') }), scope)).toEqual({ verdict: 'other', reason: `tagged ${TAG_KEYS.buildId}="123"` });
  });

  it('protects a resource tagged persistent even when it carries the build id', () => {
    expect(classify(res({ tags: { ...build('12'), [TAG_KEYS.lifecycle]: 'persistent' } }), scope).verdict).toBe('protected');
  });

  it('protects a foundational resource even when it carries the build id', () => {
    expect(classify(res({ tags: { ...build('12'), [TAG_KEYS.plane]: 'foundational' } }), scope).verdict).toBe('protected');
  });

  it.each([
    ['lifecycle Persistent', TAG_KEYS.lifecycle, 'Persistent'],
    ['lifecycle "persistent "', TAG_KEYS.lifecycle, 'persistent '],
    ['lifecycle Ephemeral', TAG_KEYS.lifecycle, 'Ephemeral'],
    ['an empty lifecycle', TAG_KEYS.lifecycle, ''],
    ['an unknown lifecycle word', TAG_KEYS.lifecycle, 'temporary'],
    ['plane Foundational', TAG_KEYS.plane, 'Foundational'],
    ['an empty plane', TAG_KEYS.plane, ''],
  ])('protects a build-tagged resource carrying %s', (_, key, value) => {
    expect(classify(res({ tags: { ...build('12'), [key]: value } }), scope).verdict).toBe('protected');
  });

  it('protects a resource with the build id but no lifecycle tag: ownership is unproven', () => {
    expect(classify(res({ tags: { [TAG_KEYS.env]: 'dev', [TAG_KEYS.buildId]: '12' } }), scope).verdict).toBe('protected');
  });

  it('treats an empty or padded build id as another build', () => {
    for (const id of ['', ' 12', '12 ']) expect(classify(res({ tags: build(id) }), scope).verdict).toBe('other');
  });

  it('does not let a cluster marker override our tags: a persistent-tagged volume of the build cluster stays', () => {
    const tags = { [TAG_KEYS.lifecycle]: 'persistent', [`kubernetes.io/cluster/${scope.clusterName}`]: 'owned' };
    expect(classify(res({ tags }), scope).verdict).toBe('protected');
  });

  it('leaves a resource of another env alone', () => {
    expect(classify(res({ tags: { ...build('12'), [TAG_KEYS.env]: 'staging' } }), scope).verdict).toBe('other');
  });

  it('leaves a resource in another region alone', () => {
    expect(classify(res({ tags: build('12'), region: 'us-east-1' }), scope).verdict).toBe('other');
  });

  it('leaves a resource whose ARN names another account alone', () => {
    expect(classify(res({ tags: build('12'), arn: 'arn:aws:ec2:eu-west-2:999999999999:volume/vol-1' }), scope).verdict).toBe('other');
  });

  it('claims a load balancer carrying only the controller cluster tag of the build cluster', () => {
    expect(classify(res({ kind: 'elbv2-load-balancer', tags: { [CONTROLLER_TAGS.lbControllerCluster]: scope.clusterName } }), scope).verdict).toBe('build');
  });

  it('leaves a load balancer of another cluster alone', () => {
    expect(classify(res({ kind: 'elbv2-load-balancer', tags: { [CONTROLLER_TAGS.lbControllerCluster]: `${scope.clusterName}3` } }), scope).verdict).toBe('other');
  });

  it('claims a role by its exact derived name', () => {
    expect(classify(res({ kind: 'iam-role', id: 'goldenpath-dev-b-12-node', region: 'global' }), scope).verdict).toBe('build');
  });

  it('does not claim the role of build 12-3 that merely starts with the build 12 cluster name', () => {
    expect(classify(res({ kind: 'iam-role', id: 'goldenpath-dev-b-12-3-node', region: 'global' }), scope).verdict).toBe('unrelated');
  });

  it('claims control plane log groups under the cluster path but not those of cluster b-123', () => {
    expect(classify(res({ kind: 'logs-log-group', id: '/aws/eks/goldenpath-dev-b-12/cluster' }), scope).verdict).toBe('build');
    expect(classify(res({ kind: 'logs-log-group', id: '/aws/eks/goldenpath-dev-b-123/cluster' }), scope).verdict).toBe('unrelated');
  });

  it('claims a record owned by the build owner id inside the build suffix', () => {
    const record = res({ kind: 'route53-record', region: 'global', attributes: { [RECORD_OWNER_ATTRIBUTE]: scope.dnsOwnerId, [RECORD_NAME_ATTRIBUTE]: `app.${scope.hostSuffix}` } });
    expect(classify(record, scope).verdict).toBe('build');
  });

  it('leaves a record owned by build 123 alone', () => {
    const record = res({ kind: 'route53-record', region: 'global', attributes: { [RECORD_OWNER_ATTRIBUTE]: 'goldenpath-dev-123', [RECORD_NAME_ATTRIBUTE]: 'app.b-123.dev.goldenpathidp.io' } });
    expect(classify(record, scope).verdict).toBe('other');
  });

  it('protects a record owned by the build owner id outside the build suffix', () => {
    const record = res({ kind: 'route53-record', region: 'global', attributes: { [RECORD_OWNER_ATTRIBUTE]: scope.dnsOwnerId, [RECORD_NAME_ATTRIBUTE]: 'backstage.dev.goldenpathidp.io' } });
    expect(classify(record, scope).verdict).toBe('protected');
  });

  it('ignores a resource with no build tag and no cluster marker', () => {
    expect(classify(res({ tags: { Name: 'something' } }), scope).verdict).toBe('unrelated');
  });
});
