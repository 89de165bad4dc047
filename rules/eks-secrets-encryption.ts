import { blocks } from './terraform-json';
import { resourcesOf, type Finding, type Rule } from './types';

const ID = 'eks-secrets-encryption';

/** Kubernetes secrets are envelope-encrypted with a customer managed KMS key. */
export const eksSecretsEncryption: Rule = {
  id: ID,
  description: 'Every EKS cluster encrypts Kubernetes secrets with its own KMS key',
  check(tf) {
    const findings: Finding[] = [];
    for (const { address, config } of resourcesOf(tf, 'aws_eks_cluster')) {
      const encrypted = blocks(config.encryption_config).some((e) => {
        const resources: unknown = e.resources;
        const keyArn: unknown = blocks(e.provider)[0]?.key_arn;
        return Array.isArray(resources) && resources.includes('secrets') && typeof keyArn === 'string' && keyArn.length > 0;
      });
      if (!encrypted) {
        findings.push({ rule: ID, address, message: `${address} must set encryption_config { resources = ["secrets"], provider { key_arn = <KMS key> } }` });
      }
    }
    return findings;
  },
};
