import { buildNamePatterns, pinnedZoneArn, ROUTE53_CHANGE_KEYS } from '../dns-guard';
import type { PolicyStatement } from '../iam/policy-document';
import { envIdentity, envZoneName } from '../naming';
import type { CiEnv } from './ci-env';
import { ANY_BUILD } from './names';

/**
 * Route53 changes of names in the build space `b-*.{zone}` of the env zone
 * only: a build's certificate validation records and teardown's deletions
 * (ExternalDNS writes with its own role). None until the env pins its zone.
 */
export function buildRecordStatements(sid: string, env: CiEnv, actions: readonly string[]): PolicyStatement[] {
  const zoneArn = pinnedZoneArn(env);
  if (zoneArn === undefined) return [];
  return [
    {
      Sid: sid,
      Effect: 'Allow',
      Action: ['route53:ChangeResourceRecordSets'],
      Resource: zoneArn,
      Condition: {
        'ForAllValues:StringEquals': { [ROUTE53_CHANGE_KEYS.actions]: actions },
        'ForAllValues:StringLike': { [ROUTE53_CHANGE_KEYS.names]: buildNamePatterns(envZoneName(envIdentity(env)), ANY_BUILD) },
        // ForAllValues holds for an absent key: a change must name its records and actions.
        Null: { [ROUTE53_CHANGE_KEYS.names]: 'false', [ROUTE53_CHANGE_KEYS.actions]: 'false' },
      },
    },
  ];
}
