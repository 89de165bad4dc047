import { IRSA_AUDIENCE, serviceAccountSubject, type ServiceAccountRef } from '../../../contract/service-accounts';
import type { PolicyDocument } from '../../../contract/iam/policy-document';

export interface IrsaTrustInput {
  /** ARN of the cluster's IAM OIDC provider. */
  readonly providerArn: string;
  /** The issuer without `https://`, the prefix of the token's condition keys. */
  readonly issuerHost: string;
  readonly serviceAccount: ServiceAccountRef;
}

/**
 * Trust for exactly one service account: StringEquals on both the token's
 * `sub` (that one account) and `aud` (STS), never a pattern.
 */
export function irsaTrustPolicy(input: IrsaTrustInput): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: input.providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${input.issuerHost}:sub`]: serviceAccountSubject(input.serviceAccount),
            [`${input.issuerHost}:aud`]: IRSA_AUDIENCE,
          },
        },
      },
    ],
  };
}

/** Trust for an AWS service (EKS control plane, EC2 nodes). */
export function serviceTrustPolicy(service: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}
