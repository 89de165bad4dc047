import { Fn, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { deriveBootstrapValues } from '../contract/bootstrap-values';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';
import { terraformLiteral } from './terraform-literal';

export type PlatformStackProps = Omit<GoldenpathStackProps, 'plane'>;

/** `{env}-platform` / `{env}-b-{buildId}-platform`: Argo CD, the contract, the bootstrap apps. */
export class PlatformStack extends GoldenpathStack {
  constructor(scope: Construct, name: string, props: PlatformStackProps) {
    super(scope, name, { ...props, plane: 'disposable' });
    const { env } = props;
    const values = deriveBootstrapValues({
      env: { name: env.name, baseDomain: env.dns.baseDomain, accountId: env.account.id, region: env.account.region, tierCeiling: env.tierCeiling },
      selection: props.selection,
      platform: { irsaConfigured: false, storageClassReady: false, rdsAvailable: false, objectStorageAvailable: false },
    });
    new TerraformOutput(this, 'bootstrap_values', { value: Fn.jsonencode(terraformLiteral(values)) });
  }
}
