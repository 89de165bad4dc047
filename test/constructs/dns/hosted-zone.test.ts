import { Testing } from 'cdktf';
import { EnvHostedZone } from '../../../constructs/dns/hosted-zone';

function synth(props: ConstructorParameters<typeof EnvHostedZone>[2]) {
  return JSON.parse(Testing.synthScope((scope) => new EnvHostedZone(scope, 'zone', props))).resource;
}

describe('EnvHostedZone', () => {
  it('creates the zone by the given name and refuses to delete it while it holds records', () => {
    const zones = Object.values<Record<string, unknown>>(synth({ zoneName: 'dev.goldenpathidp.io' }).aws_route53_zone);
    expect(zones).toEqual([expect.objectContaining({ name: 'dev.goldenpathidp.io', force_destroy: false })]);
  });

  it('writes no delegation without a parent zone', () => {
    expect(synth({ zoneName: 'dev.goldenpathidp.io' }).aws_route53_record).toBeUndefined();
  });

  it('delegates the zone from the parent zone with its name servers', () => {
    const records = Object.values<Record<string, unknown>>(synth({ zoneName: 'dev.goldenpathidp.io', parentZoneId: 'Z0PARENT' }).aws_route53_record);
    expect(records).toEqual([
      expect.objectContaining({ zone_id: 'Z0PARENT', name: 'dev.goldenpathidp.io', type: 'NS', ttl: 3600, records: expect.stringMatching(/^\$\{aws_route53_zone\.\w+\.name_servers\}$/) }),
    ]);
  });

  it('takes the delegation TTL from props', () => {
    const records = Object.values<Record<string, unknown>>(
      synth({ zoneName: 'dev.goldenpathidp.io', parentZoneId: 'Z0PARENT', delegationTtlSeconds: 172800 }).aws_route53_record,
    );
    expect(records[0].ttl).toBe(172800);
  });
});
