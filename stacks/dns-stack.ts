import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { boundaryArn } from '../contract/ci/boundaries';
import { bootstrapDeployCommand } from '../contract/deploy-command';
import { ExternalDnsPolicy } from '../constructs/dns/external-dns-policy';
import { EnvHostedZone } from '../constructs/dns/hosted-zone';
import { FoundationDocument } from '../constructs/foundation/foundation-document';
import { GoldenpathStack, type GoldenpathStackProps } from './goldenpath-stack';

export type DnsStackProps = GoldenpathStackProps;

/** `{env}-dns`: the env zone and the IAM that scopes what ExternalDNS may write. */
export class DnsStack extends GoldenpathStack {
  readonly zone: EnvHostedZone;
  readonly persistentPolicy: ExternalDnsPolicy;
  readonly buildPolicy: ExternalDnsPolicy;

  constructor(scope: Construct, props: DnsStackProps) {
    super(scope, 'dns', props);
    const env = props.env.name;
    const zoneName = props.plan.names.envZone;

    this.zone = new EnvHostedZone(this, 'zone', {
      zoneName,
      parentZoneId: props.env.dns.parentZoneId,
      pinnedZoneId: props.env.dns.zoneId,
      repinHint: `set dns.zoneId in envs/${env}.ts to it, then redeploy the account plane (${bootstrapDeployCommand(env)}) so builds may change records in it`,
    });
    const zoneArn = this.zone.zone.arn;
    this.persistentPolicy = new ExternalDnsPolicy(this, 'external_dns_persistent', { env, zoneName, zoneArn, scope: 'persistent' });
    this.buildPolicy = new ExternalDnsPolicy(this, 'external_dns_build', { env, zoneName, zoneArn, scope: 'build' });
    // The build roles' boundary is the account plane's ({env}-bootstrap): no CI role may create or change it.
    const buildBoundaryArn = boundaryArn(props.env, 'build-boundary');

    new FoundationDocument(this, 'foundation', {
      env,
      kind: 'dns',
      document: {
        zoneId: this.zone.zone.zoneId,
        zoneName,
        persistentPolicyArn: this.persistentPolicy.policy.arn,
        buildPolicyArn: this.buildPolicy.policy.arn,
        buildBoundaryArn,
      },
    });

    new TerraformOutput(this, 'zone_id', { value: this.zone.zone.zoneId });
    new TerraformOutput(this, 'zone_name', { value: zoneName });
    new TerraformOutput(this, 'name_servers', { value: this.zone.zone.nameServers, description: 'Delegate the zone to these when the parent zone is not in this account' });
    new TerraformOutput(this, 'persistent_policy_arn', { value: this.persistentPolicy.policy.arn });
    new TerraformOutput(this, 'build_policy_arn', { value: this.buildPolicy.policy.arn });
    new TerraformOutput(this, 'build_boundary_arn', { value: buildBoundaryArn });
  }
}
