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
