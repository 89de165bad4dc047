import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import { buildNamePatterns, persistentNamePatterns, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { EXTERNAL_DNS_CHANGE_ACTIONS, EXTERNAL_DNS_RECORD_TYPES } from '../../contract/external-dns';
import { dnsPolicyName } from '../../contract/naming';
import { TAG_KEYS } from '../../contract/tags';
import type { PolicyDocument, PolicyStatement } from '../../contract/iam/policy-document';
import { policyJson } from './policy-json';

/** Whose records a policy scopes: the env's persistent clusters, or every build (through its build-id tag). */
export type ExternalDnsScope = 'persistent' | 'build';

export interface ExternalDnsPolicyProps {
  /** The env the policy belongs to (names the policy). */
  readonly env: string;
  /** The env zone whose records the policy allows to change. */
  readonly zoneName: string;
  /** ARN of the env zone (a Terraform reference is fine). */
  readonly zoneArn: string;
  /** `persistent`: the env's names outside the build space; `build`: only the assuming role's own build space. */
  readonly scope: ExternalDnsScope;
}

/**
 * The read actions ExternalDNS's AWS provider calls, and nothing more:
 * ListHostedZones to find the zone (it has no resource-level permissions) and
 * ListResourceRecordSets to read the zone's records. Tags are only read with
 * `--aws-zone-tag-filter` (not used: the zone is selected by domain and id)
 * and it never waits on GetChange.
 */
export function externalDnsReadStatements(zoneArn: string): PolicyStatement[] {
  return [
    { Sid: 'FindHostedZones', Effect: 'Allow', Action: ['route53:ListHostedZones'], Resource: '*' },
    { Sid: 'ReadEnvZoneRecords', Effect: 'Allow', Action: ['route53:ListResourceRecordSets'], Resource: [zoneArn] },
  ];
}

/**
 * Every name of a change batch must lie in the scope's space (ForAllValues),
 * and the batch must name at least one record: ForAllValues alone is true for
 * an absent key, hence the Null checks.
 */
export function externalDnsChangeStatement(props: Omit<ExternalDnsPolicyProps, 'env'>): PolicyStatement {
  return {
    Sid: props.scope === 'persistent' ? 'ChangePersistentRecords' : 'ChangeOwnBuildRecords',
    Effect: 'Allow',
    Action: ['route53:ChangeResourceRecordSets'],
    Resource: [props.zoneArn],
    Condition: {
      ...nameConditions(props.scope, props.zoneName),
      'ForAllValues:StringEquals': { [ROUTE53_CHANGE_KEYS.types]: EXTERNAL_DNS_RECORD_TYPES, [ROUTE53_CHANGE_KEYS.actions]: EXTERNAL_DNS_CHANGE_ACTIONS },
      Null: { [ROUTE53_CHANGE_KEYS.names]: 'false', [ROUTE53_CHANGE_KEYS.types]: 'false', [ROUTE53_CHANGE_KEYS.actions]: 'false' },
    },
  };
}

function nameConditions(scope: ExternalDnsScope, zoneName: string): Record<string, Record<string, readonly string[]>> {
  if (scope === 'build') return { 'ForAllValues:StringLike': { [ROUTE53_CHANGE_KEYS.names]: buildNamePatterns(zoneName) } };
  const patterns = persistentNamePatterns(zoneName);
  return {
    'ForAllValues:StringLike': { [ROUTE53_CHANGE_KEYS.names]: patterns.inside },
    'ForAllValues:StringNotLike': { [ROUTE53_CHANGE_KEYS.names]: patterns.excluded },
  };
}

export function externalDnsPolicyDocument(props: Omit<ExternalDnsPolicyProps, 'env'>): PolicyDocument {
  return { Version: '2012-10-17', Statement: [...externalDnsReadStatements(props.zoneArn), externalDnsChangeStatement(props)] };
}

/**
 * The managed policy ExternalDNS's IRSA role carries: persistent clusters
 * write the env zone except the build space; one build policy serves every
 * build, scoped by the role's `goldenpath.idp/build-id` tag.
 */
export class ExternalDnsPolicy extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: ExternalDnsPolicyProps) {
    super(scope, id);
    const persistent = props.scope === 'persistent';
    this.policy = new IamPolicy(this, 'policy', {
      name: dnsPolicyName(props.env, persistent ? 'external-dns-persistent' : 'external-dns-build'),
      description: persistent
        ? `ExternalDNS of persistent ${props.env} clusters: ${props.zoneName} and below, except the build space b-*`
        : `ExternalDNS of ${props.env} builds: b-<${TAG_KEYS.buildId} tag>.${props.zoneName} and below`,
      policy: policyJson(externalDnsPolicyDocument(props)),
    });
  }
}
