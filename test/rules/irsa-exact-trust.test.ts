import { irsaTrustPolicy } from '../../constructs/cluster/policies/irsa-trust';
import { irsaExactTrust } from '../../rules/irsa-exact-trust';

const ctx = { stack: 'dev-cluster', env: { name: 'dev', database: { deletionProtection: false, finalSnapshot: false, multiAz: false } } };

const HOST = '${local.oidc_issuer_host}';
const exact = irsaTrustPolicy({
  providerArn: '${aws_iam_openid_connect_provider.p.arn}',
  issuerHost: HOST,
  serviceAccount: { namespace: 'external-dns', serviceAccount: 'external-dns' },
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mutated = (change: (p: any) => void) => {
  const p = JSON.parse(JSON.stringify(exact));
  change(p);
  return p;
};
const role = (policy: unknown) => ({ resource: { aws_iam_role: { r: { name: 'r', assume_role_policy: typeof policy === 'string' ? policy : JSON.stringify(policy) } } } });

describe('irsa-exact-trust', () => {
  it('passes a trust of one service account with StringEquals on sub and aud', () => {
    expect(irsaExactTrust.check(role(exact), ctx)).toEqual([]);
  });

  it('ignores roles trusted by AWS services', () => {
    const service = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    expect(irsaExactTrust.check(role(service), ctx)).toEqual([]);
  });

  it('fails a trust without the aud condition', () => {
    const findings = irsaExactTrust.check(role(mutated((p) => delete p.Statement[0].Condition.StringEquals[`${HOST}:aud`])), ctx);
    expect(findings[0]!.message).toContain(':sub and :aud');
  });

  it('fails a trust that matches service accounts with StringLike', () => {
    const p = mutated((q) => {
      q.Statement[0].Condition = { StringLike: { [`${HOST}:sub`]: 'system:serviceaccount:external-dns:*', [`${HOST}:aud`]: 'sts.amazonaws.com' } };
    });
    expect(irsaExactTrust.check(role(p), ctx)[0]!.message).toContain('StringEquals');
  });

  it('fails a trust of a whole namespace', () => {
    const p = mutated((q) => (q.Statement[0].Condition.StringEquals[`${HOST}:sub`] = 'system:serviceaccount:external-dns:*'));
    expect(irsaExactTrust.check(role(p), ctx)[0]!.message).toContain('exactly one service account');
  });

  it('fails a trust of several service accounts', () => {
    const p = mutated((q) => (q.Statement[0].Condition.StringEquals[`${HOST}:sub`] = ['system:serviceaccount:a:a', 'system:serviceaccount:b:b']));
    expect(irsaExactTrust.check(role(p), ctx)).toHaveLength(1);
  });

  it('fails an audience other than STS', () => {
    const p = mutated((q) => (q.Statement[0].Condition.StringEquals[`${HOST}:aud`] = 'other'));
    expect(irsaExactTrust.check(role(p), ctx)[0]!.message).toContain('sts.amazonaws.com');
  });

  it('fails a second statement', () => {
    const p = mutated((q) => q.Statement.push(q.Statement[0]));
    expect(irsaExactTrust.check(role(p), ctx)[0]!.message).toContain('exactly one');
  });

  it('fails a web-identity trust it cannot read', () => {
    const tf = {
      ...role('${data.aws_iam_policy_document.trust.json}'),
      data: { aws_iam_policy_document: { trust: { statement: [{ actions: ['sts:AssumeRoleWithWebIdentity'], principals: [{ type: 'Federated', identifiers: ['x'] }] }] } } },
    };
    expect(irsaExactTrust.check(tf, ctx)[0]!.message).toContain('not a literal JSON document');
  });

  it('fails a web-identity trust written as a jsonencode expression', () => {
    const tf = role('${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = "sts:AssumeRoleWithWebIdentity", "Principal" = {"Federated" = "x"}}]})}');
    expect(irsaExactTrust.check(tf, ctx)).toEqual([expect.objectContaining({ rule: 'irsa-exact-trust', address: 'aws_iam_role.r' })]);
  });
});
