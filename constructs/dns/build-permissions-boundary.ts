import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import { BUILD_ID_PRINCIPAL_TAG_KEY, buildNamePatterns, GLOB_TAG_VALUE_PATTERNS, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { EXTERNAL_DNS_RECORD_TYPES } from '../../contract/external-dns';
import { boundaryPolicyName } from '../../contract/ci/names';
import { protectionTagRules } from '../../contract/ci/guards';
import { anyBuildName } from '../../contract/ci/names';
import { arn } from '../../contract/iam/arn';
import { clusterName } from '../../contract/naming';
import { persistent } from '../../contract/selection';
import { CONTROLLER_TAGS, TAG_KEYS } from '../../contract/tags';
import { externalDnsChangeStatement, externalDnsReadStatements } from './external-dns-policy';
import type { PolicyDocument, PolicyStatement } from '../../contract/iam/policy-document';
import { policyJson } from './policy-json';

export interface BuildPermissionsBoundaryProps {
  /** The env whose build roles the boundary confines (names the policy). */
  readonly env: string;
  /** The env zone; builds may write only below their own `b-{buildId}` label in it. */
  readonly zoneName: string;
  /**
   * ARN of the env zone, the only zone whose records a build may change.
   * The account plane is deployed before the dns stack creates the zone: until
   * the env records the zone's id (`dns.zoneId`), no build may change a record.
   * @default none: every record change denied
   */
  readonly zoneArn?: string;
  /**
   * What a build must never reach whatever policy is attached to its roles:
   * resources tagged persistent or of another env, the state bucket, the
   * env's app secrets.
   * @default no confinement beyond DNS
   */
  readonly confinement?: BuildConfinement;
}

export interface BuildConfinement {
  /** Partition of the env's account (the security group ARNs). */
  readonly partition: string;
  /** ARNs of the state bucket and its objects. */
  readonly stateBucketArns: readonly string[];
  /** ARN patterns of the env's persistent secrets: the app secrets (`goldenpath/{env}/*`) and the RDS-managed master secrets (`rds!*`). */
  readonly persistentSecretArns: readonly string[];
}

/**
 * Actions that change or read into a resource, by service, denied to every
 * build role on resources tagged persistent (anything of another env is
 * denied whole; security groups not the build's own too). Reads that
 * take no resource (Describe*, List*) and creating network interfaces in the
 * env's subnets (the VPC CNI does) stay possible.
 */
export const CONFINED_ACTIONS = [
  'autoscaling:*',
  'ec2:Associate*',
  'ec2:Attach*',
  'ec2:Authorize*',
  'ec2:CreateTags',
  'ec2:Delete*',
  'ec2:Detach*',
  'ec2:Disassociate*',
  'ec2:Modify*',
  'ec2:Reboot*',
  'ec2:Replace*',
  'ec2:Revoke*',
  'ec2:Stop*',
  'ec2:Terminate*',
  'eks:*',
  'elasticloadbalancing:*',
  'kms:*',
  'logs:*',
  'rds:*',
  'secretsmanager:*',
  'ssm:*',
] as const;

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
 * `b-{build-id}` space of the env zone. The denies hold whatever else is
 * attached: no record change in another zone (the names alone would let a
 * build write its own names into any zone of the account whose apex they end
 * in, such as the parent zone or a private zone of the same name).
 */
export function buildPermissionsBoundaryDocument(props: BuildPermissionsBoundaryProps): PolicyDocument {
  const change = ['route53:ChangeResourceRecordSets'];
  const zoneArn = props.zoneArn;
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'CeilingOutsideDnsAndIdentity', Effect: 'Allow', NotAction: BOUNDARY_EXCLUDED_SERVICES.map((s) => `${s}:*`), Resource: '*' },
      ...(zoneArn === undefined ? [] : [...externalDnsReadStatements(zoneArn), externalDnsChangeStatement({ scope: 'build', zoneName: props.zoneName, zoneArn })]),
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
      zoneArn === undefined
        ? { Sid: 'DenyRecordChangesUntilTheZoneIsPinned', Effect: 'Deny', Action: change, Resource: '*' }
        : { Sid: 'DenyOtherZones', Effect: 'Deny', Action: change, NotResource: [zoneArn] },
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
      ...(props.confinement === undefined ? [] : confinementStatements(props.env, props.confinement)),
    ],
  };
}

/**
 * Reads on a security group: everything else an EC2 call does to (or with) a
 * group, changing its rules, deleting or tagging it, or putting an instance,
 * network interface, launch template or endpoint into it, is a write.
 */
const SECURITY_GROUP_READS = ['ec2:Describe*'] as const;

/** Services whose resources the boundary confines by their tags. */
const CONFINED_SERVICES = [...new Set(CONFINED_ACTIONS.map((a) => a.split(':')[0]!))];

/** Denies that keep a build inside its build, whatever policy its roles carry. */
function confinementStatements(env: string, c: BuildConfinement): PolicyStatement[] {
  const builds = anyBuildName(env);
  // A group is the build's own when it is tagged a build's at creation (the stacks' and controllers' default tags),
  // or EKS made it for a build cluster (an aws: tag nobody sets), or a build's load balancer controller made it.
  // Tagging a new group is part of creating it (ec2:CreateAction, absent from every other call): only that stays open.
  const notOwnSecurityGroup: PolicyStatement = {
    Sid: 'DenySecurityGroupsNotOwn',
    Effect: 'Deny',
    NotAction: [...SECURITY_GROUP_READS, 'ec2:CreateSecurityGroup'],
    Resource: arn(c.partition, 'ec2', '*', '*', 'security-group/*'),
    Condition: {
      StringNotEquals: { [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'ephemeral' },
      StringNotLike: { [`aws:ResourceTag/${CONTROLLER_TAGS.eksClusterName}`]: builds, [`aws:ResourceTag/${CONTROLLER_TAGS.lbControllerCluster}`]: builds },
      Null: { 'ec2:CreateAction': 'true' },
    },
  };
  return [
    {
      Sid: 'DenyPersistentResources',
      Effect: 'Deny',
      Action: CONFINED_ACTIONS,
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${TAG_KEYS.lifecycle}`]: 'persistent' } },
    },
    {
      // Nothing of another env, reads included: a build has no business there (calls without a resource carry no tags).
      Sid: 'DenyOtherEnvResources',
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringNotEquals: { [`aws:ResourceTag/${TAG_KEYS.env}`]: env }, Null: { [`aws:ResourceTag/${TAG_KEYS.env}`]: 'false' } },
    },
    {
      // The persistent cluster's pod network interfaces carry only the VPC CNI's tag.
      Sid: 'DenyPersistentClusterInterfaces',
      Effect: 'Deny',
      Action: ['ec2:*'],
      Resource: '*',
      Condition: { StringEquals: { [`aws:ResourceTag/${CONTROLLER_TAGS.vpcCniCluster}`]: clusterName(persistent(env)) } },
    },
    // Security groups gate the database: a deny-list misses the groups without goldenpath tags, so only the build's own are writable.
    notOwnSecurityGroup,
    // What a resource is (persistent, of an env or build) is decided when it is created: no re-tagging into a build.
    ...protectionTagRules(CONFINED_SERVICES),
    // S3 evaluates no resource tags: the state bucket by name.
    { Sid: 'DenyStateBucket', Effect: 'Deny', Action: ['s3:*'], Resource: c.stateBucketArns },
    // A build reads no persistent secret, tagged or not (at maxTier 1.5 builds use none): the app secrets and the database's master secret.
    { Sid: 'DenyPersistentSecrets', Effect: 'Deny', Action: ['secretsmanager:*'], Resource: c.persistentSecretArns },
  ];
}

/** The boundary as a managed policy of the env's bootstrap stack; the cluster stack attaches it to every role of a build. */
export class BuildPermissionsBoundary extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: BuildPermissionsBoundaryProps) {
    super(scope, id);
    this.policy = new IamPolicy(this, 'policy', {
      name: boundaryPolicyName(props.env, 'build-boundary'),
      description: `Permissions boundary of ${props.env} build roles: DNS writes only below b-<${TAG_KEYS.buildId} tag>.${props.zoneName}, no tag or boundary changes, nothing persistent`,
      policy: policyJson(buildPermissionsBoundaryDocument(props)),
    });
  }
}
