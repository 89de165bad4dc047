import { Testing } from 'cdktf';
import { IrsaRole, type IrsaRoleProps } from '../../../constructs/cluster/irsa-role';
import { OidcProvider } from '../../../constructs/cluster/oidc-provider';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const SA = { namespace: 'external-dns', serviceAccount: 'external-dns' };

function synth(props: Partial<IrsaRoleProps> = {}): Json {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const oidc = new OidcProvider(scope, 'oidc', { issuerUrl: 'https://oidc.eks.eu-west-2.amazonaws.com/id/ABC' });
      new IrsaRole(scope, 'irsa', { roleName: 'goldenpath-dev-external-dns', oidc, serviceAccount: SA, ...props });
    }),
  ).resource;
}

const role = (r: Json) => Object.values<Json>(r.aws_iam_role)[0]!;

describe('IrsaRole', () => {
  it('trusts exactly the one service account, with StringEquals on sub and aud', () => {
    const trust = JSON.parse(role(synth()).assume_role_policy);
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0].Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: {
        '${local.oidc_issuer_host}:sub': 'system:serviceaccount:external-dns:external-dns',
        '${local.oidc_issuer_host}:aud': 'sts.amazonaws.com',
      },
    });
  });

  it('creates its own policy named like the role and attaches it', () => {
    const r = synth({ policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' }] } });
    const [policyName, policy] = Object.entries<Json>(r.aws_iam_policy)[0]!;
    expect(policy.name).toBe('goldenpath-dev-external-dns');
    expect(Object.values<Json>(r.aws_iam_role_policy_attachment).map((a) => a.policy_arn)).toEqual([`\${aws_iam_policy.${policyName}.arn}`]);
  });

  it('attaches existing policies by ARN without creating one', () => {
    const r = synth({ managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'] });
    expect(r.aws_iam_policy).toBeUndefined();
    expect(Object.values<Json>(r.aws_iam_role_policy_attachment).map((a) => a.policy_arn)).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']);
  });

  it('sets the permissions boundary and the role tags it is given', () => {
    const r = role(synth({ permissionsBoundaryArn: 'arn:aws:iam::1:policy/boundary', tags: { 'goldenpath.idp/build-id': '26-01-23-01' } }));
    expect(r.permissions_boundary).toBe('arn:aws:iam::1:policy/boundary');
    expect(r.tags).toEqual({ 'goldenpath.idp/build-id': '26-01-23-01' });
  });

  it('has no boundary unless given one', () => {
    expect(role(synth()).permissions_boundary).toBeUndefined();
  });
});
