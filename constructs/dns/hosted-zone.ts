import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Construct } from 'constructs';

export interface EnvHostedZoneProps {
  /** The zone name, `{env}.{baseDomain}` (contract `envZoneName`). */
  readonly zoneName: string;
  /**
   * Hosted zone of the base domain in this account; when set, the NS delegation is written there.
   * @default none (delegate the zone by hand from its name servers)
   */
  readonly parentZoneId?: string;
  /**
   * The zone id the env records (`dns.zoneId`), to which the account plane
   * pins every build and reaper record change: the apply fails, saying how to
   * re-pin, when the zone this stack manages is another.
   * @default none (not yet recorded: builds change no record until it is)
   */
  readonly pinnedZoneId?: string;
  /**
   * What to do when the pinned zone id is not this zone's (names the env file and the account plane's deploy command).
   * @default a generic hint
   */
  readonly repinHint?: string;
  /**
   * TTL of the NS delegation record in the parent zone.
   * @default 3600 (an hour: a re-created zone's new name servers take effect the same day)
   */
  readonly delegationTtlSeconds?: number;
}

/** The environment's public hosted zone and, when the parent zone is ours, its delegation. */
export class EnvHostedZone extends Construct {
  readonly zone: Route53Zone;
  readonly delegation?: Route53Record;

  constructor(scope: Construct, id: string, props: EnvHostedZoneProps) {
    super(scope, id);
    this.zone = new Route53Zone(this, 'zone', {
      name: props.zoneName,
      comment: `goldenpath environment zone ${props.zoneName}; records below it are written by ExternalDNS under the dns stack's IAM guard`,
      // Foundational: refuse to delete a zone that still holds records.
      forceDestroy: false,
    });
    if (props.pinnedZoneId !== undefined) {
      this.zone.addOverride('lifecycle.postcondition', [
        {
          condition: `\${self.zone_id == "${props.pinnedZoneId}"}`,
          error_message: `the zone ${props.zoneName} is \${self.zone_id}, not the pinned ${props.pinnedZoneId}: ${props.repinHint ?? 'set the pinned zone id to it and redeploy the account plane'}`,
        },
      ]);
    }
    if (props.parentZoneId !== undefined) {
      this.delegation = new Route53Record(this, 'delegation', {
        zoneId: props.parentZoneId,
        name: props.zoneName,
        type: 'NS',
        ttl: props.delegationTtlSeconds ?? 3600,
        records: this.zone.nameServers,
      });
    }
  }
}
