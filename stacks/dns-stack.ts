import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { envZoneName } from '../contract/naming';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type DnsStackProps = Omit<GoldenpathStackProps, 'plane'>;

/** `{env}-dns`: the env zone and the IAM that scopes what ExternalDNS may write. */
export class DnsStack extends GoldenpathStack {
  constructor(scope: Construct, name: string, props: DnsStackProps) {
    super(scope, name, { ...props, plane: 'foundational' });
    new TerraformOutput(this, 'zone_name', { value: envZoneName({ name: props.env.name, baseDomain: props.env.dns.baseDomain }) });
  }
}
