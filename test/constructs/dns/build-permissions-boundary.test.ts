import { Testing } from 'cdktf';
import { BOUNDARY_EXCLUDED_SERVICES, BuildPermissionsBoundary, buildPermissionsBoundaryDocument } from '../../../constructs/dns/build-permissions-boundary';
import { listOf } from '../../../contract/iam/policy-document';
import { boundaryPolicyName } from '../../../contract/ci/names';

const zoneName = 'dev.goldenpathidp.io';
const zoneArn = 'arn:aws:route53:::hostedzone/Z0TEST';
const statements = buildPermissionsBoundaryDocument({ env: 'dev', zoneName, zoneArn }).Statement;

describe('buildPermissionsBoundaryDocument', () => {
  it('never allows the "*" action', () => {
    expect(statements.flatMap((s) => s.Action ?? []).filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });

  it('keeps DNS, identity and STS out of the NotAction ceiling', () => {
    const ceiling = statements.filter((s) => s.Effect === 'Allow' && s.NotAction !== undefined);
    expect(ceiling.map((s) => s.NotAction)).toEqual([BOUNDARY_EXCLUDED_SERVICES.map((s) => `${s}:*`)]);
  });

  it('denies tag and boundary changes on roles', () => {
    const deny = statements.find((s) => s.Sid === 'DenyTagAndBoundaryChanges');
    expect(deny).toEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: ['iam:TagRole', 'iam:UntagRole', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary'],
      }),
    );
  });

  it('denies record changes in any zone but the env zone', () => {
    expect(statements.find((s) => s.Sid === 'DenyOtherZones')).toEqual(expect.objectContaining({ Effect: 'Deny', NotResource: [zoneArn] }));
  });

  it('allows no record change, nor reads a zone, while the env has not pinned its zone', () => {
    const unpinned = buildPermissionsBoundaryDocument({ env: 'dev', zoneName }).Statement;
    expect(unpinned.filter((s) => s.Effect === 'Allow' && listOf(s.Action).some((a) => a.startsWith('route53:')))).toEqual([]);
    expect(unpinned.find((s) => s.Sid === 'DenyRecordChangesUntilTheZoneIsPinned')).toEqual({
      Sid: 'DenyRecordChangesUntilTheZoneIsPinned',
      Effect: 'Deny',
      Action: ['route53:ChangeResourceRecordSets'],
      Resource: '*',
    });
  });

  it('allows only the load balancer service-linked role of IAM', () => {
    const iam = statements.filter((s) => s.Effect === 'Allow' && listOf(s.Action).some((a) => a.startsWith('iam:')));
    expect(iam.map((s) => [s.Action, s.Condition])).toEqual([
      [['iam:CreateServiceLinkedRole'], { StringEquals: { 'iam:AWSServiceName': ['elasticloadbalancing.amazonaws.com'] } }],
    ]);
  });
});

describe('BuildPermissionsBoundary', () => {
  it('is a managed policy named for the env', () => {
    const policies = Object.values<Record<string, string>>(
      JSON.parse(Testing.synthScope((s) => new BuildPermissionsBoundary(s, 'b', { env: 'dev', zoneName, zoneArn }))).resource.aws_iam_policy,
    );
    expect(policies.map((p) => p.name)).toEqual([boundaryPolicyName('dev', 'build-boundary')]);
  });
});
