import { clusterSecretAnnotations, clusterSecretLabels, CLUSTER_ANNOTATIONS, databaseSecretAnnotationKey, renderClusterSecret, roleArnAnnotationKey } from '../../../contract/gitops/cluster-secret';
import { ARGOCD_SECRET_TYPE_LABEL, IN_CLUSTER } from '../../../contract/argocd';
import { irsaRoleName } from '../../../contract/naming';
import { ephemeral, persistent } from '../../../contract/selection';
import { capabilityLabelKey, TAG_KEYS, tierLabelKey } from '../../../contract/tags';
import { ALL_CAPABILITIES, contractFor, FAKE_DATABASE_HOST, FAKE_ZONE_ID } from '../../support/bootstrap-contract';
import { schemaErrors } from '../../support/kubernetes-validation';

const build = ephemeral('dev', '26-01-23-01');
const tierLabels = (labels: Record<string, string>) => Object.keys(labels).filter((k) => k.startsWith('goldenpath.idp/tier-'));

describe('clusterSecretLabels', () => {
  it('marks the Secret as an Argo CD cluster', () => {
    expect(clusterSecretLabels(contractFor(build))[ARGOCD_SECRET_TYPE_LABEL]).toBe('cluster');
  });

  it('enables every tier up to maxTier and none above', () => {
    expect(tierLabels(clusterSecretLabels(contractFor(build)))).toEqual([tierLabelKey(0), tierLabelKey(1), tierLabelKey(1.5)]);
  });

  it('drops the tiers above a lowered ceiling', () => {
    expect(tierLabels(clusterSecretLabels(contractFor(persistent('staging'))))).not.toContain(tierLabelKey(3));
  });

  it('carries env, lifecycle and build id', () => {
    expect(clusterSecretLabels(contractFor(build))).toMatchObject({ [TAG_KEYS.env]: 'dev', [TAG_KEYS.lifecycle]: 'ephemeral', [TAG_KEYS.buildId]: '26-01-23-01' });
  });

  it('has no build id label on a persistent cluster', () => {
    expect(Object.keys(clusterSecretLabels(contractFor(persistent('dev'))))).not.toContain(TAG_KEYS.buildId);
  });

  it('labels exactly the verified capabilities', () => {
    const labels = clusterSecretLabels(contractFor(persistent('dev'), { platform: { ...ALL_CAPABILITIES, rdsAvailable: false } }));
    expect(Object.keys(labels).filter((k) => k.startsWith('goldenpath.idp/capability-')).sort()).toEqual(
      [capabilityLabelKey('irsa'), capabilityLabelKey('storage-class'), capabilityLabelKey('object-storage')].sort(),
    );
  });
});

describe('clusterSecretAnnotations', () => {
  const annotations = () => clusterSecretAnnotations(contractFor(persistent('dev')));

  it('carries host suffix, DNS owner id and zone id', () => {
    expect([annotations()[CLUSTER_ANNOTATIONS.hostSuffix], annotations()[CLUSTER_ANNOTATIONS.dnsOwnerId], annotations()[CLUSTER_ANNOTATIONS.dnsZoneId]]).toEqual([
      'dev.goldenpathidp.io',
      'goldenpath-dev',
      FAKE_ZONE_ID,
    ]);
  });

  it('carries one role ARN per IRSA role', () => {
    expect(annotations()[roleArnAnnotationKey('external-dns')]).toBe(`arn:aws:iam::111111111111:role/${irsaRoleName(persistent('dev'), 'external-dns')}`);
  });

  it('carries the database endpoint and each app secret name', () => {
    expect([annotations()[CLUSTER_ANNOTATIONS.databaseEndpoint], annotations()[databaseSecretAnnotationKey('backstage')]]).toEqual([
      FAKE_DATABASE_HOST,
      'goldenpath/dev/backstage/postgres',
    ]);
  });

  it('carries the build id of a build', () => {
    expect(clusterSecretAnnotations(contractFor(build))[CLUSTER_ANNOTATIONS.buildId]).toBe('26-01-23-01');
  });

  it('has no database annotations below tier 2', () => {
    const belowTier2 = contractFor(build, { platform: { ...ALL_CAPABILITIES, rdsAvailable: false, objectStorageAvailable: false } });
    expect(Object.keys(clusterSecretAnnotations(belowTier2)).filter((k) => k.includes('database'))).toEqual([]);
  });
});

describe('renderClusterSecret', () => {
  it('declares the in-cluster destination', () => {
    expect([renderClusterSecret(contractFor(build)).stringData.server, renderClusterSecret(contractFor(build)).stringData.name]).toEqual([IN_CLUSTER.server, IN_CLUSTER.name]);
  });

  it('validates as a Kubernetes Secret for persistent, lowered-ceiling and build clusters', () => {
    const manifests = [persistent('dev'), persistent('staging'), build].map((s) => ({ model: 'Secret' as const, manifest: renderClusterSecret(contractFor(s)) }));
    expect(schemaErrors(manifests)).toEqual([[], [], []]);
  });
});
