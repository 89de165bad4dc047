import { eksSecretsEncryption } from '../../rules/eks-secrets-encryption';

const ctx = { stack: 'dev-cluster', env: { name: 'dev', database: { deletionProtection: false, finalSnapshot: false, multiAz: false } } };

const cluster = (encryption?: object) => ({ resource: { aws_eks_cluster: { c: { name: 'c', ...(encryption ? { encryption_config: encryption } : {}) } } } });

describe('eks-secrets-encryption', () => {
  it('passes a cluster that encrypts secrets with a KMS key', () => {
    expect(eksSecretsEncryption.check(cluster({ resources: ['secrets'], provider: { key_arn: '${aws_kms_key.k.arn}' } }), ctx)).toEqual([]);
  });

  it('fails a cluster without encryption_config', () => {
    const findings = eksSecretsEncryption.check(cluster(), ctx);
    expect(findings.map((f) => f.address)).toEqual(['aws_eks_cluster.c']);
  });

  it('fails a cluster whose encryption_config does not cover secrets', () => {
    expect(eksSecretsEncryption.check(cluster({ resources: [], provider: { key_arn: 'arn:aws:kms:eu-west-2:1:key/k' } }), ctx)).toHaveLength(1);
  });

  it('fails a cluster whose encryption_config names no key', () => {
    expect(eksSecretsEncryption.check(cluster({ resources: ['secrets'], provider: {} }), ctx)).toHaveLength(1);
  });
});
