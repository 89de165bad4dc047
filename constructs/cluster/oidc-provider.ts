import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { Fn, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import { IRSA_AUDIENCE } from '../../contract/service-accounts';

export interface OidcProviderProps {
  /** The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<id>`). */
  readonly issuerUrl: string;
}

/**
 * The IAM OIDC provider for the cluster's service account tokens. No
 * thumbprint is pinned: IAM fetches the issuer's CA thumbprint itself when
 * none is given, so certificate rotation at EKS cannot lock the roles out.
 */
export class OidcProvider extends Construct {
  readonly provider: IamOpenidConnectProvider;
  /** The issuer without `https://`: the prefix of `:sub`/`:aud` condition keys. */
  readonly issuerHost: string;

  constructor(scope: Construct, id: string, props: OidcProviderProps) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, 'provider', {
      url: props.issuerUrl,
      clientIdList: [IRSA_AUDIENCE],
    });
    const host = new TerraformLocal(this, 'issuer_host', Fn.replace(props.issuerUrl, 'https://', ''));
    host.overrideLogicalId('oidc_issuer_host');
    this.issuerHost = host.asString;
  }
}
