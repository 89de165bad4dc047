import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetHostedZoneCommand } from '@aws-sdk/client-route-53';
import { GetParametersCommand } from '@aws-sdk/client-ssm';
import { DnsFoundationSchema } from '../../contract/foundation';
import { FOUNDATION_KINDS, foundationParameterName, type FoundationKind } from '../../contract/naming';
import type { AwsClients } from '../aws/clients';
import { isNotFound } from '../aws/errors';
import type { PreflightFacts } from './checks';

async function unlessGone<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (err) {
    if (isNotFound(err) || (err as Error).name === 'DBInstanceNotFoundFault') return null;
    throw err;
  }
}

export async function gatherPreflightFacts(
  clients: AwsClients,
  env: string,
  databaseIdentifier: string,
  needsDatabase: boolean,
  liveBuildIds: () => Promise<string[]>,
): Promise<PreflightFacts> {
  const names = FOUNDATION_KINDS.map((k) => foundationParameterName(env, k));
  const [params, database, live] = await Promise.all([
    clients.ssm.send(new GetParametersCommand({ Names: names })),
    needsDatabase ? unlessGone(() => clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: databaseIdentifier }))) : Promise.resolve(undefined),
    liveBuildIds(),
  ]);
  const documents: Partial<Record<FoundationKind, string | null>> = {};
  FOUNDATION_KINDS.forEach((k, i) => {
    documents[k] = params.Parameters?.find((p) => p.Name === names[i])?.Value ?? null;
  });
  const dns = DnsFoundationSchema.safeParse(safeJson(documents.dns));
  let zone: PreflightFacts['zone'];
  if (dns.success) {
    const out = await unlessGone(() => clients.route53.send(new GetHostedZoneCommand({ Id: dns.data.zoneId })));
    zone = { id: dns.data.zoneId, name: out?.HostedZone?.Name?.replace(/\.$/, '') ?? null };
  }
  return {
    documents,
    zone,
    databaseStatus: database === undefined ? undefined : (database?.DBInstances?.[0]?.DBInstanceStatus ?? null),
    liveBuildIds: live,
  };
}

function safeJson(raw: string | null | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}
