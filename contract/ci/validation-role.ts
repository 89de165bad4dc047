import { accountScope, regionalArn, ssmParameterArn } from '../iam/arn';
import { policyDocument, type PolicyDocument } from '../iam/policy-document';
import { clusterName, FOUNDATION_KINDS, foundationParameterFolder, foundationParameterName } from '../naming';
import { persistent } from '../selection';
import { PREFLIGHT_ACTIONS } from './actions';
import type { CiEnv } from './ci-env';
import { ciGuardRails } from './guards';
import { regionLock } from './region-lock';

/**
 * The validation role (the nightly tier check on main and its schedule):
 * reads the env's persistent cluster (its access entry grants Kubernetes
 * read access), the foundation documents and what preflight reads. It
 * writes nothing.
 */
export function validationPolicy(env: CiEnv): PolicyDocument {
  const scope = accountScope(env.account);
  const cluster = clusterName(persistent(env.name));
  return policyDocument([
    { Sid: 'ReadPersistentCluster', Effect: 'Allow', Action: ['eks:DescribeCluster', 'eks:ListAddons', 'eks:DescribeAddon', 'eks:ListNodegroups', 'eks:DescribeNodegroup'], Resource: [regionalArn(scope, 'eks', `cluster/${cluster}`), regionalArn(scope, 'eks', `addon/${cluster}/*`), regionalArn(scope, 'eks', `nodegroup/${cluster}/*`)] },
    { Sid: 'ListClusters', Effect: 'Allow', Action: ['eks:ListClusters'], Resource: '*' },
    {
      Sid: 'ReadFoundationDocuments',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      Resource: [...FOUNDATION_KINDS.map((k) => ssmParameterArn(scope, foundationParameterName(env.name, k))), ssmParameterArn(scope, foundationParameterFolder(env.name))],
    },
    { Sid: 'ReadWhatPreflightReads', Effect: 'Allow', Action: PREFLIGHT_ACTIONS, Resource: '*' },
    regionLock(env.account.region),
    ...ciGuardRails(env),
  ]);
}
