import { TerraformLocal, Testing } from 'cdktf';
import { OidcProvider } from '../../../constructs/cluster/oidc-provider';

describe('OidcProvider', () => {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const issuer = new TerraformLocal(scope, 'issuer', 'https://oidc.eks.eu-west-2.amazonaws.com/id/ABC');
      new OidcProvider(scope, 'oidc', { issuerUrl: issuer.asString });
    }),
  );
  const provider = Object.values<Record<string, unknown>>(json.resource.aws_iam_openid_connect_provider)[0]!;

  it('issues tokens for STS only', () => {
    expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
  });

  it('pins no thumbprint (IAM fetches the issuer CA itself)', () => {
    expect(provider.thumbprint_list).toBeUndefined();
  });

  it('derives the condition-key prefix by dropping https:// from the issuer', () => {
    expect(json.locals.oidc_issuer_host).toBe('${replace(local.issuer, "https://", "")}');
  });
});
