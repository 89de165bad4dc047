import { Testing } from 'cdktf';
import { BUILD_ID_POLICY_VARIABLE, ROUTE53_CHANGE_KEYS } from '../../../contract/dns-guard';
import { EXTERNAL_DNS_CHANGE_ACTIONS, EXTERNAL_DNS_RECORD_TYPES } from '../../../contract/external-dns';
import { dnsPolicyName } from '../../../contract/naming';
import { ExternalDnsPolicy, externalDnsPolicyDocument } from '../../../constructs/dns/external-dns-policy';

const zoneName = 'dev.goldenpathidp.io';
const zoneArn = 'arn:aws:route53:::hostedzone/Z0TEST';

describe('externalDnsPolicyDocument', () => {
  it('grants exactly the actions ExternalDNS calls', () => {
    const actions = externalDnsPolicyDocument({ zoneName, zoneArn, scope: 'persistent' }).Statement.flatMap((s) => s.Action ?? []);
    expect(actions.sort()).toEqual(['route53:ChangeResourceRecordSets', 'route53:ListHostedZones', 'route53:ListResourceRecordSets']);
  });

  it('scopes record reads and changes to the env zone', () => {
    const statements = externalDnsPolicyDocument({ zoneName, zoneArn, scope: 'build' }).Statement;
    expect(statements.filter((s) => s.Resource === '*').flatMap((s) => s.Action)).toEqual(['route53:ListHostedZones']);
    expect(statements.filter((s) => s.Resource !== '*').every((s) => JSON.stringify(s.Resource) === JSON.stringify([zoneArn]))).toBe(true);
  });

  it('limits record types and change actions to the contract lists', () => {
    const change = externalDnsPolicyDocument({ zoneName, zoneArn, scope: 'persistent' }).Statement.find((s) => s.Action?.includes('route53:ChangeResourceRecordSets'));
    expect(change?.Condition?.['ForAllValues:StringEquals']).toEqual({
      [ROUTE53_CHANGE_KEYS.types]: EXTERNAL_DNS_RECORD_TYPES,
      [ROUTE53_CHANGE_KEYS.actions]: EXTERNAL_DNS_CHANGE_ACTIONS,
    });
  });

  it('requires the change batch keys to be present (ForAllValues is true on an absent key)', () => {
    const change = externalDnsPolicyDocument({ zoneName, zoneArn, scope: 'build' }).Statement.find((s) => s.Action?.includes('route53:ChangeResourceRecordSets'));
    expect(change?.Condition?.Null).toEqual({ [ROUTE53_CHANGE_KEYS.names]: 'false', [ROUTE53_CHANGE_KEYS.types]: 'false', [ROUTE53_CHANGE_KEYS.actions]: 'false' });
  });

  it('excludes the build space from the persistent scope', () => {
    const change = externalDnsPolicyDocument({ zoneName, zoneArn, scope: 'persistent' }).Statement.find((s) => s.Action?.includes('route53:ChangeResourceRecordSets'));
    expect(change?.Condition?.['ForAllValues:StringNotLike']).toEqual({ [ROUTE53_CHANGE_KEYS.names]: [`b-*.${zoneName}`, `*.b-*.${zoneName}`] });
  });

  it('scopes the build policy by the principal build-id tag', () => {
    const change = externalDnsPolicyDocument({ zoneName, zoneArn, scope: 'build' }).Statement.find((s) => s.Action?.includes('route53:ChangeResourceRecordSets'));
    expect(change?.Condition?.['ForAllValues:StringLike']).toEqual({
      [ROUTE53_CHANGE_KEYS.names]: [`b-${BUILD_ID_POLICY_VARIABLE}.${zoneName}`, `*.b-${BUILD_ID_POLICY_VARIABLE}.${zoneName}`],
    });
  });
});

describe('ExternalDnsPolicy', () => {
  const synth = (scope: 'persistent' | 'build') =>
    Object.values<Record<string, string>>(
      JSON.parse(Testing.synthScope((s) => new ExternalDnsPolicy(s, 'p', { env: 'dev', zoneName, zoneArn, scope }))).resource.aws_iam_policy,
    )[0];

  it('names the policy by env and scope', () => {
    expect([synth('persistent').name, synth('build').name]).toEqual([dnsPolicyName('dev', 'external-dns-persistent'), dnsPolicyName('dev', 'external-dns-build')]);
  });

  it('hands the policy variable to Terraform escaped, so Terraform passes it on literally', () => {
    expect(synth('build').policy).toContain('b-$${aws:PrincipalTag/goldenpath.idp/build-id}.dev.goldenpathidp.io');
  });
});
