import { accountScope } from '../iam/arn';
import { policyDocument, type PolicyDocument } from '../iam/policy-document';
import type { CiEnv } from './ci-env';
import { stateArns } from './state-access';

/** Services no persistent workload role may use: identity and account control (service-linked roles excepted below). */
export const WORKLOAD_EXCLUDED_SERVICES = ['iam', 'sts', 'organizations', 'account'] as const;

/**
 * The boundary every persistent role the deploy role creates carries
 * (cluster, nodes, service accounts, flow logs): whatever policy is attached,
 * no IAM beyond service-linked roles (the EKS cluster policy creates the
 * load balancer's), no role hopping, no Terraform state.
 */
export function workloadBoundaryDocument(env: CiEnv): PolicyDocument {
  const state = stateArns(env, accountScope(env.account).partition);
  return policyDocument([
    { Sid: 'CeilingOutsideIdentity', Effect: 'Allow', NotAction: WORKLOAD_EXCLUDED_SERVICES.map((s) => `${s}:*`), Resource: '*' },
    { Sid: 'ServiceLinkedRoles', Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole'], Resource: '*' },
    { Sid: 'DenyStateBucket', Effect: 'Deny', Action: ['s3:*'], Resource: [state.bucket, `${state.bucket}/*`] },
  ]);
}
