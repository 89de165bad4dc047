import { iamNoWildcardPrincipal } from '../../rules/iam-no-wildcard-principal';

const ctx = { stack: 'dev-cluster', env: { name: 'dev', database: { deletionProtection: false, finalSnapshot: false, multiAz: false } } };

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

describe('iam-no-wildcard-principal', () => {
  it('passes named principals and unreadable references', () => {
    const tf = {
      resource: {
        aws_iam_role: { r: { assume_role_policy: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) } },
        aws_s3_bucket_policy: { b: { policy: '${data.aws_iam_policy_document.b.json}' } },
      },
    };
    expect(iamNoWildcardPrincipal.check(tf, ctx)).toEqual([]);
  });

  it('passes a Deny for everyone (e.g. TLS only)', () => {
    const tf = { resource: { aws_s3_bucket_policy: { b: { policy: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*' }) } } } };
    expect(iamNoWildcardPrincipal.check(tf, ctx)).toEqual([]);
  });

  it('fails a trust policy that lets any AWS account assume the role', () => {
    const tf = { resource: { aws_iam_role: { r: { assume_role_policy: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }) } } } };
    expect(iamNoWildcardPrincipal.check(tf, ctx).map((f) => f.address)).toEqual(['aws_iam_role.r']);
  });

  it('fails a resource policy with Principal "*"', () => {
    const tf = { resource: { aws_kms_key: { k: { policy: doc({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }) } } } };
    expect(iamNoWildcardPrincipal.check(tf, ctx)).toHaveLength(1);
  });

  it('fails an Allow with NotPrincipal', () => {
    const tf = { resource: { aws_s3_bucket_policy: { b: { policy: doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, Action: 's3:GetObject' }) } } } };
    expect(iamNoWildcardPrincipal.check(tf, ctx)).toHaveLength(1);
  });

  it('fails a policy document data source that allows "*"', () => {
    const tf = { data: { aws_iam_policy_document: { d: { statement: [{ actions: ['s3:GetObject'], principals: [{ type: 'AWS', identifiers: ['*'] }] }] } } } };
    expect(iamNoWildcardPrincipal.check(tf, ctx).map((f) => f.address)).toEqual(['data.aws_iam_policy_document.d']);
  });
});
