import { actionMatches, listOf, policyDocument } from '../../../contract/iam/policy-document';

describe('actionMatches', () => {
  it('matches wildcards case-insensitively', () => {
    expect(actionMatches('route53:change*', 'route53:ChangeResourceRecordSets')).toBe(true);
    expect(actionMatches('route53:*', 'route53:ChangeResourceRecordSets')).toBe(true);
  });

  it('does not match another action', () => {
    expect(actionMatches('route53:List*', 'route53:ChangeResourceRecordSets')).toBe(false);
  });
});

describe('listOf', () => {
  it('reads a single value, a list and an absent field as lists', () => {
    expect(listOf('s3:GetObject')).toEqual(['s3:GetObject']);
    expect(listOf(['a', 'b'])).toEqual(['a', 'b']);
    expect(listOf(undefined)).toEqual([]);
  });
});

describe('policyDocument', () => {
  it('carries the only policy language version IAM evaluates policy variables in', () => {
    expect(policyDocument([]).Version).toBe('2012-10-17');
  });
});
