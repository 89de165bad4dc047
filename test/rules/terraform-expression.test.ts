import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Fn, Testing, TerraformStack, Token } from 'cdktf';
import { isPureReference, jsonencodeArgument } from '../../rules/terraform-expression';

/** What cdktf really writes for a jsonencode'd policy with a reference and an IAM policy variable. */
function synthesizedPolicy(): string {
  const stack = new TerraformStack(Testing.app(), 'expr');
  const zoneArn = Token.asString(Fn.join('', ['arn:aws:route53:::hostedzone/', 'Z1']));
  new IamPolicy(stack, 'p', {
    name: 'p',
    policy: Fn.jsonencode({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['route53:ChangeResourceRecordSets'], Resource: zoneArn, Condition: { StringLike: { k: ['a', 'b'] } } }],
    }),
  });
  return JSON.parse(Testing.synth(stack)).resource.aws_iam_policy.p.policy;
}

describe('jsonencodeArgument', () => {
  it('reads back the literal parts of a cdktf jsonencode and keeps expressions as ${...}', () => {
    const decoded = jsonencodeArgument(synthesizedPolicy()) as { Statement: { Action: string[]; Resource: string; Condition: unknown }[] };
    expect(decoded.Statement[0]!.Action).toEqual(['route53:ChangeResourceRecordSets']);
    expect(decoded.Statement[0]!.Condition).toEqual({ StringLike: { k: ['a', 'b'] } });
    expect(decoded.Statement[0]!.Resource).toMatch(/^\$\{join\(/);
  });

  it('reads numbers, booleans and null as values', () => {
    expect(jsonencodeArgument('${jsonencode({"a" = 1, "b" = true, "c" = null, "d" = [2.5]})}')).toEqual({ a: 1, b: true, c: null, d: [2.5] });
  });

  it('returns undefined for a string that is not a jsonencode call', () => {
    expect(jsonencodeArgument('{"Statement": []}')).toBeUndefined();
  });

  it('throws on a malformed argument', () => {
    expect(() => jsonencodeArgument('${jsonencode({"a" = })}')).toThrow();
  });
});

describe('isPureReference', () => {
  it('accepts a single reference', () => {
    expect(isPureReference('${data.aws_iam_policy_document.doc.json}')).toBe(true);
  });

  it('rejects a function call or a template with literal text', () => {
    expect(isPureReference('${jsonencode({})}')).toBe(false);
    expect(isPureReference('arn:${aws_s3_bucket.b.arn}')).toBe(false);
  });
});
