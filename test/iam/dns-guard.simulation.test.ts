import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { BUILD_ID_PRINCIPAL_TAG_KEY, normalizeRecordName, pinnedZoneArn, ROUTE53_CHANGE_KEYS } from '../../contract/dns-guard';
import { txtRegistryName } from '../../contract/external-dns';
import { dnsPolicyName, envZoneName, hostSuffix, irsaRoleName, envIdentity } from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';
import { loadEnvironment } from '../../envs';
import { synthesizedBuildBoundary } from '../support/bootstrap-synth';
import { synthDnsStack, synthesizedPolicy } from '../support/dns-synth';

/**
 * The DNS guard, proven on the policies of the synthesized dev-dns stack
 * (only the zone ARN reference is replaced) with an IAM policy simulator.
 * Names are normalized as Route53 does before IAM sees them.
 */
const env = loadEnvironment('dev');
const ACCOUNT = env.account.id;
// The zone the env pins (dns.zoneId), which the dns stack's zone must be.
const ZONE_ARN = pinnedZoneArn(env)!;
const OTHER_ZONE_ARN = 'arn:aws:route53:::hostedzone/Z0OTHERZONE0002';

const A = '26-01-23-01';
const B = '26-01-23-02';
const identity = envIdentity(env);
const zone = envZoneName(identity);
const suffixA = hostSuffix(ephemeral(env.name, A), identity);
const suffixB = hostSuffix(ephemeral(env.name, B), identity);

type RoleKey = 'persistent' | 'buildA' | 'buildB' | 'build12' | 'build123' | 'buildA+broad' | 'untaggedBuild' | 'globTaggedBuild';
type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

interface GuardCase {
  readonly title: string;
  readonly role: RoleKey;
  /** Record names as a client sends them; normalized before evaluation. */
  readonly names?: readonly string[];
  /** What IAM evaluates when it differs from the input (proves the normalization). */
  readonly evaluatedAs?: readonly string[];
  readonly types?: readonly string[];
  /** Another action than ChangeResourceRecordSets, with its resource. */
  readonly action?: string;
  readonly resource?: string;
  /** Request context of another action. */
  readonly context?: Readonly<Record<string, string>>;
  readonly expect: Decision;
}

const C = 'route53:ChangeResourceRecordSets';
const selfRoleArn = `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(ephemeral(env.name, A), 'external-dns')}`;

const CASES: readonly GuardCase[] = [
  // persistent clusters: the env zone except the build space
  { title: 'persistent writes an app record', role: 'persistent', names: [`app.${zone}`], expect: 'Allowed' },
  { title: 'persistent writes the env apex', role: 'persistent', names: [zone], expect: 'Allowed' },
  { title: 'persistent writes a deeper name', role: 'persistent', names: [`api.team.${zone}`], types: ['CNAME'], expect: 'Allowed' },
  { title: 'persistent writes a wildcard', role: 'persistent', names: [`*.${zone}`], evaluatedAs: [`\\052.${zone}`], expect: 'Allowed' },
  { title: 'persistent writes the TXT registry record of an app', role: 'persistent', names: [txtRegistryName(`app.${zone}`, 'A')], types: ['TXT'], expect: 'Allowed' },
  { title: 'persistent writes the TXT registry record of the env apex', role: 'persistent', names: [txtRegistryName(zone, 'A')], types: ['TXT'], expect: 'Allowed' },
  { title: 'persistent writes the TXT registry record of a wildcard', role: 'persistent', names: [txtRegistryName(`*.${zone}`, 'CNAME')], types: ['TXT'], expect: 'Allowed' },
  { title: 'persistent writes a record and its TXT in one batch', role: 'persistent', names: [`app.${zone}`, txtRegistryName(`app.${zone}`, 'A')], types: ['A', 'TXT'], expect: 'Allowed' },
  {
    title: 'persistent uppercase, fully qualified input is evaluated normalized',
    role: 'persistent',
    names: ['API.Dev.GoldenPathIDP.io.'],
    evaluatedAs: [`api.${zone}`],
    expect: 'Allowed',
  },
  { title: 'persistent cannot write a build apex', role: 'persistent', names: [suffixA], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write inside a build', role: 'persistent', names: [`app.${suffixA}`], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write a build wildcard', role: 'persistent', names: [`*.${suffixA}`], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write a build TXT registry record', role: 'persistent', names: [txtRegistryName(`app.${suffixA}`, 'A')], types: ['TXT'], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write another env', role: 'persistent', names: ['app.staging.goldenpathidp.io'], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write the parent apex', role: 'persistent', names: ['goldenpathidp.io'], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write a name that merely ends in the env name', role: 'persistent', names: ['evil-dev.goldenpathidp.io'], expect: 'ImplicitlyDenied' },
  { title: 'persistent batch mixing its own and a build name is denied whole', role: 'persistent', names: [`app.${zone}`, `app.${suffixA}`], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write an NS delegation', role: 'persistent', names: [`team.${zone}`], types: ['NS'], expect: 'ImplicitlyDenied' },
  { title: 'persistent cannot write another zone', role: 'persistent', names: [`app.${zone}`], resource: OTHER_ZONE_ARN, expect: 'ImplicitlyDenied' },
  { title: 'persistent lists hosted zones', role: 'persistent', action: 'route53:ListHostedZones', resource: '*', expect: 'Allowed' },
  { title: 'persistent reads the env zone', role: 'persistent', action: 'route53:ListResourceRecordSets', resource: ZONE_ARN, expect: 'Allowed' },
  { title: 'persistent cannot read another zone', role: 'persistent', action: 'route53:ListResourceRecordSets', resource: OTHER_ZONE_ARN, expect: 'ImplicitlyDenied' },

  // build A: only b-26-01-23-01 and below
  { title: 'build writes an app record', role: 'buildA', names: [`app.${suffixA}`], expect: 'Allowed' },
  { title: 'build writes its apex', role: 'buildA', names: [suffixA], expect: 'Allowed' },
  { title: 'build writes its wildcard', role: 'buildA', names: [`*.${suffixA}`], evaluatedAs: [`\\052.${suffixA}`], expect: 'Allowed' },
  { title: 'build writes the TXT registry record of an app', role: 'buildA', names: [txtRegistryName(`app.${suffixA}`, 'A')], types: ['TXT'], expect: 'Allowed' },
  { title: 'build writes the TXT registry record of its apex', role: 'buildA', names: [txtRegistryName(suffixA, 'AAAA')], types: ['TXT'], expect: 'Allowed' },
  { title: 'build writes the TXT registry record of its wildcard', role: 'buildA', names: [txtRegistryName(`*.${suffixA}`, 'A')], types: ['TXT'], expect: 'Allowed' },
  {
    title: 'build writes the zone-aware TXT registry record of a deep name',
    role: 'buildA',
    names: [txtRegistryName(`*.grafana.${suffixA}`, 'CNAME', [suffixA])],
    types: ['TXT'],
    expect: 'Allowed',
  },
  { title: 'build writes the legacy TXT registry record', role: 'buildA', names: [txtRegistryName(`app.${suffixA}`, '')], types: ['TXT'], expect: 'Allowed' },
  {
    title: 'build uppercase, fully qualified input is evaluated normalized',
    role: 'buildA',
    names: [`App.B-${A}.DEV.goldenpathidp.io.`],
    evaluatedAs: [`app.${suffixA}`],
    expect: 'Allowed',
  },
  { title: 'build lists hosted zones', role: 'buildA', action: 'route53:ListHostedZones', resource: '*', expect: 'Allowed' },
  { title: 'build reads the env zone', role: 'buildA', action: 'route53:ListResourceRecordSets', resource: ZONE_ARN, expect: 'Allowed' },
  { title: 'build cannot write another build', role: 'buildA', names: [`app.${suffixB}`], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write the persistent space', role: 'buildA', names: [`app.${zone}`], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write the env apex', role: 'buildA', names: [zone], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write the parent apex', role: 'buildA', names: ['goldenpathidp.io'], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write its id under another env', role: 'buildA', names: [`app.b-${A}.staging.goldenpathidp.io`], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write a label extending its own', role: 'buildA', names: [`app.b-${A}0.${zone}`], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write a label ending in its own', role: 'buildA', names: [`xb-${A}.${zone}`], expect: 'ExplicitlyDenied' },
  { title: 'build batch mixing its own and another build name is denied whole', role: 'buildA', names: [`app.${suffixA}`, `app.${suffixB}`], expect: 'ExplicitlyDenied' },
  { title: 'build cannot write an NS delegation in its own space', role: 'buildA', names: [`team.${suffixA}`], types: ['NS'], expect: 'ExplicitlyDenied' },
  // The external-dns build policy names the env zone, and so does the boundary (pinned by the env's dns.zoneId).
  { title: 'build cannot write its own name in another zone', role: 'buildA', names: [`app.${suffixA}`], resource: OTHER_ZONE_ARN, expect: 'ExplicitlyDenied' },

  // build B, and build ids sharing a prefix
  { title: 'another build writes its own record', role: 'buildB', names: [`app.${suffixB}`], expect: 'Allowed' },
  { title: 'another build cannot write build A', role: 'buildB', names: [`app.${suffixA}`], expect: 'ExplicitlyDenied' },
  { title: 'another build cannot write the TXT registry record of build A', role: 'buildB', names: [txtRegistryName(`app.${suffixA}`, 'A')], types: ['TXT'], expect: 'ExplicitlyDenied' },
  { title: 'build 12 writes b-12', role: 'build12', names: [`app.b-12.${zone}`], expect: 'Allowed' },
  { title: 'build 12 cannot write b-123', role: 'build12', names: [`app.b-123.${zone}`], expect: 'ExplicitlyDenied' },
  { title: 'build 12 cannot write the b-123 apex', role: 'build12', names: [`b-123.${zone}`], expect: 'ExplicitlyDenied' },
  { title: 'build 123 cannot write b-12', role: 'build123', names: [`app.b-12.${zone}`], expect: 'ExplicitlyDenied' },

  // the boundary holds whatever else is attached
  { title: 'build with route53:* attached still writes its own record', role: 'buildA+broad', names: [`app.${suffixA}`], expect: 'Allowed' },
  { title: 'build with route53:* attached cannot write the persistent space', role: 'buildA+broad', names: [`app.${zone}`], expect: 'ExplicitlyDenied' },
  { title: 'build with route53:* attached cannot write another build', role: 'buildA+broad', names: [`app.${suffixB}`], expect: 'ExplicitlyDenied' },
  // The boundary pins the env zone: its own b-{id} names in the parent zone, or a private zone of the same name, are no one's to write.
  { title: 'build with route53:* attached cannot write its own names in another zone', role: 'buildA+broad', names: [`app.${suffixA}`], resource: OTHER_ZONE_ARN, expect: 'ExplicitlyDenied' },
  { title: 'build with route53:* attached cannot write a persistent name in another zone', role: 'buildA+broad', names: [`app.${zone}`], resource: OTHER_ZONE_ARN, expect: 'ExplicitlyDenied' },
  { title: 'build with route53:* attached cannot create a hosted zone', role: 'buildA+broad', action: 'route53:CreateHostedZone', resource: '*', expect: 'ImplicitlyDenied' },
  { title: 'build with iam:* attached cannot tag itself', role: 'buildA+broad', action: 'iam:TagRole', resource: selfRoleArn, expect: 'ExplicitlyDenied' },
  { title: 'build with iam:* attached cannot untag itself', role: 'buildA+broad', action: 'iam:UntagRole', resource: selfRoleArn, expect: 'ExplicitlyDenied' },
  { title: 'build with iam:* attached cannot replace its boundary', role: 'buildA+broad', action: 'iam:PutRolePermissionsBoundary', resource: selfRoleArn, expect: 'ExplicitlyDenied' },
  { title: 'build with iam:* attached cannot remove its boundary', role: 'buildA+broad', action: 'iam:DeleteRolePermissionsBoundary', resource: selfRoleArn, expect: 'ExplicitlyDenied' },
  { title: 'build with iam:* attached cannot attach policies', role: 'buildA+broad', action: 'iam:AttachRolePolicy', resource: selfRoleArn, expect: 'ImplicitlyDenied' },
  {
    title: 'build with sts:* attached cannot hop into another role',
    role: 'buildA+broad',
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${ACCOUNT}:role/goldenpath-platform-admin`,
    expect: 'ImplicitlyDenied',
  },
  {
    title: 'build with iam:* attached may create the load balancer service-linked role',
    role: 'buildA+broad',
    action: 'iam:CreateServiceLinkedRole',
    resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`,
    context: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' },
    expect: 'Allowed',
  },
  {
    title: 'build with iam:* attached cannot create other service-linked roles',
    role: 'buildA+broad',
    action: 'iam:CreateServiceLinkedRole',
    resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`,
    context: { 'iam:AWSServiceName': 'eks.amazonaws.com' },
    expect: 'ImplicitlyDenied',
  },
  { title: 'build with s3:* attached keeps non-DNS access (the ceiling)', role: 'buildA+broad', action: 's3:GetObject', resource: 'arn:aws:s3:::some-bucket/key', expect: 'Allowed' },

  // the build-id tag itself
  { title: 'build role without the build-id tag cannot write', role: 'untaggedBuild', names: [`app.${suffixA}`], expect: 'ExplicitlyDenied' },
  { title: 'build role whose build-id tag is a glob cannot write', role: 'globTaggedBuild', names: [`app.${suffixA}`], expect: 'ExplicitlyDenied' },
];

const BROAD_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['route53:*', 'iam:*', 'sts:*', 's3:*'], Resource: '*' }],
};

const synthesized = synthDnsStack(env);
const policy = (key: 'external-dns-persistent' | 'external-dns-build') =>
  synthesizedPolicy(synthesized.json, dnsPolicyName(env.name, key), ZONE_ARN);
const persistentPolicy = policy('external-dns-persistent');
const buildPolicy = policy('external-dns-build');
// The boundary belongs to the account plane ({env}-bootstrap), which no CI role may change.
const boundary = synthesizedBuildBoundary(env);

const BUILD_TAGS: Record<Exclude<RoleKey, 'persistent'>, string | undefined> = {
  buildA: A,
  buildB: B,
  build12: '12',
  build123: '123',
  'buildA+broad': A,
  untaggedBuild: undefined,
  globTaggedBuild: '*',
};

function simulation(c: GuardCase): Simulation {
  const action = c.action ?? C;
  const context: Record<string, string | string[]> = { ...c.context };
  if (action === C) {
    context[ROUTE53_CHANGE_KEYS.names] = (c.names ?? []).map(normalizeRecordName);
    context[ROUTE53_CHANGE_KEYS.types] = [...(c.types ?? ['A'])];
    context[ROUTE53_CHANGE_KEYS.actions] = ['UPSERT'];
  }
  const base = {
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      principal: c.role === 'persistent' ? `arn:aws:iam::${ACCOUNT}:role/${irsaRoleName(persistent(env.name), 'external-dns')}` : selfRoleArn,
      action,
      resource: { resource: c.resource ?? ZONE_ARN, accountId: ACCOUNT },
      contextVariables: context,
    },
  };
  if (c.role === 'persistent') return { ...base, identityPolicies: [{ name: 'external-dns-persistent', policy: persistentPolicy }] };
  const tag = BUILD_TAGS[c.role];
  if (tag !== undefined) context[BUILD_ID_PRINCIPAL_TAG_KEY] = tag;
  const identityPolicies = [{ name: 'external-dns-build', policy: buildPolicy }];
  if (c.role === 'buildA+broad') identityPolicies.push({ name: 'broad', policy: BROAD_POLICY });
  return { ...base, identityPolicies, permissionBoundaryPolicies: [{ name: 'build-boundary', policy: boundary }] };
}

describe('DNS guard (policies of the synthesized dev-dns stack, IAM simulation)', () => {
  it('covers at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.filter((c) => c.evaluatedAs !== undefined).map((c) => [c.title, c] as const))('%s: evaluates the Route53-normalized names', (_t, c) => {
    expect((c.names ?? []).map(normalizeRecordName)).toEqual(c.evaluatedAs);
  });

  it.each(CASES.map((c) => [c.title, c] as const))('%s', async (_t, c) => {
    const result = await runSimulation(simulation(c), {});
    if (result.resultType === 'error') throw new Error(`simulation rejected: ${JSON.stringify(result.errors)}`);
    expect(result.overallResult).toBe(c.expect);
  });
});
