import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import { BUILD_ID_PRINCIPAL_TAG_KEY, buildNamePatterns, GLOB_TAG_VALUE_PATTERNS, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { EXTERNAL_DNS_RECORD_TYPES } from '../../contract/external-dns';
import { dnsPolicyName } from '../../contract/naming';
import { TAG_KEYS } from '../../contract/tags';
import { externalDnsChangeStatement, externalDnsReadStatements } from './external-dns-policy';
import type { PolicyDocument } from '../../contract/iam/policy-document';
import { policyJson } from './policy-json';

export interface BuildPermissionsBoundaryProps {
  /** The env whose build roles the boundary confines (names the policy). */
  readonly env: string;
  /** The env zone; builds may write only below their own `b-{buildId}` label in it. */
  readonly zoneName: string;
  /** ARN of the env zone (a Terraform reference is fine). */
  readonly zoneArn: string;
}

/**
 * Services outside the boundary's ceiling: DNS (only the build's own records
 * come back in below), identity (a build role must not grant itself more) and
 * STS (no hop into another role or session tags that replace the build-id tag).
 */
export const BOUNDARY_EXCLUDED_SERVICES = ['route53', 'route53domains', 'iam', 'sts'] as const;

/** The only service-linked role a build's service accounts create: the load balancer controller's, on first use. */
export const BUILD_SERVICE_LINKED_ROLE_SERVICES = ['elasticloadbalancing.amazonaws.com'] as const;

/**
 * The permissions boundary every build role carries. Allows are the ceiling
 * (a boundary grants nothing by itself): any action outside DNS, identity and
 * STS, ExternalDNS's reads, and record changes inside the role's own
 * `b-{build-id}` space. The denies hold whatever else is attached.
 */
export function buildPermissionsBoundaryDocument(props: Omit<BuildPermissionsBoundaryProps, 'env'>): PolicyDocument {
  const change = ['route53:ChangeResourceRecordSets'];
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'CeilingOutsideDnsAndIdentity', Effect: 'Allow', NotAction: BOUNDARY_EXCLUDED_SERVICES.map((s) => `${s}:*`), Resource: '*' },
      ...externalDnsReadStatements(props.zoneArn),
      externalDnsChangeStatement({ scope: 'build', zoneName: props.zoneName, zoneArn: props.zoneArn }),
      {
        Sid: 'CreateBuildServiceLinkedRoles',
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole'],
        Resource: '*',
        Condition: { StringEquals: { 'iam:AWSServiceName': BUILD_SERVICE_LINKED_ROLE_SERVICES } },
      },
      {
        Sid: 'DenyRecordsOutsideOwnBuild',
        Effect: 'Deny',
        Action: change,
        Resource: '*',
        Condition: { 'ForAnyValue:StringNotLike': { [ROUTE53_CHANGE_KEYS.names]: buildNamePatterns(props.zoneName) } },
      },
      { Sid: 'DenyOtherZones', Effect: 'Deny', Action: change, NotResource: [props.zoneArn] },
      {
        Sid: 'DenyRecordTypesOutsideExternalDns',
        Effect: 'Deny',
        Action: change,
        Resource: '*',
        Condition: { 'ForAnyValue:StringNotEquals': { [ROUTE53_CHANGE_KEYS.types]: EXTERNAL_DNS_RECORD_TYPES } },
      },
      { Sid: 'DenyRolesWithoutBuildId', Effect: 'Deny', Action: change, Resource: '*', Condition: { Null: { [BUILD_ID_PRINCIPAL_TAG_KEY]: 'true' } } },
      {
        Sid: 'DenyGlobInBuildId',
        Effect: 'Deny',
        Action: change,
        Resource: '*',
        Condition: { StringLike: { [BUILD_ID_PRINCIPAL_TAG_KEY]: GLOB_TAG_VALUE_PATTERNS } },
      },
      {
        // Every role, not only its own: a build role never manages role tags or boundaries.
        Sid: 'DenyTagAndBoundaryChanges',
        Effect: 'Deny',
        Action: ['iam:TagRole', 'iam:UntagRole', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary'],
        Resource: '*',
      },
    ],
  };
}

/** The boundary as a managed policy of the dns stack; the cluster stack attaches it to every service-account role of a build. */
export class BuildPermissionsBoundary extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: BuildPermissionsBoundaryProps) {
    super(scope, id);
    this.policy = new IamPolicy(this, 'policy', {
      name: dnsPolicyName(props.env, 'build-boundary'),
      description: `Permissions boundary of ${props.env} build roles: DNS writes only below b-<${TAG_KEYS.buildId} tag>.${props.zoneName}, no tag or boundary changes`,
      policy: policyJson(buildPermissionsBoundaryDocument(props)),
    });
  }
}
