import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { GetHostedZoneCommand } from '@aws-sdk/client-route-53';
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { GetParametersCommand } from '@aws-sdk/client-ssm';
import { DnsFoundationSchema } from '../../contract/foundation';
import { FOUNDATION_KINDS, foundationParameterName, type FoundationKind } from '../../contract/naming';
import type { AwsClients } from '../aws/clients';
import { isNotFound } from '../aws/errors';
import { TAG_KEYS } from '../../contract/tags';
import type { PreflightFacts } from './checks';
import type { ExternalDnsRoleFacts, PlatformFacts, ReachFacts } from './platform-checks';

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

/** What the platform stage looks up, and where. */
export interface PlatformLookups {
  readonly externalDnsRoleName: string;
  readonly appSecretNames: readonly string[];
  /** The one-shot in-cluster connection to the database; undefined below tier 2. */
  readonly probeDatabase?: () => Promise<ReachFacts>;
  /** `namespace/name` of the Keycloak admin Secret and how to read it; undefined below tier 3. */
  readonly keycloakAdminSecret?: { readonly path: string; readonly get: (path: string) => Promise<unknown> };
}

async function externalDnsRole(clients: AwsClients, roleName: string): Promise<ExternalDnsRoleFacts | null> {
  const role = await unlessGone(() => clients.iam.send(new GetRoleCommand({ RoleName: roleName })));
  if (role === null) return null;
  const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
  return {
    attachedPolicyArns: (attached.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn === undefined ? [] : [p.PolicyArn])),
    boundaryArn: role.Role?.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    buildIdTag: role.Role?.Tags?.find((t) => t.Key === TAG_KEYS.buildId)?.Value ?? null,
  };
}

/** Gathers the platform stage's facts: the dns document, ExternalDNS's role, app secrets, the in-cluster probes. */
export async function gatherPlatformFacts(clients: AwsClients, env: string, lookups: PlatformLookups): Promise<PlatformFacts> {
  const [params, role, secrets] = await Promise.all([
    clients.ssm.send(new GetParametersCommand({ Names: [foundationParameterName(env, 'dns')] })),
    externalDnsRole(clients, lookups.externalDnsRoleName),
    Promise.all(lookups.appSecretNames.map(async (name) => [name, (await unlessGone(() => clients.secretsManager.send(new DescribeSecretCommand({ SecretId: name })))) !== null] as const)),
  ]);
  const dns = DnsFoundationSchema.safeParse(safeJson(params.Parameters?.[0]?.Value));
  return {
    dns: dns.success ? dns.data : null,
    externalDnsRole: role,
    appSecrets: Object.fromEntries(secrets),
    ...(lookups.probeDatabase === undefined ? {} : { databaseReach: await lookups.probeDatabase() }),
    ...(lookups.keycloakAdminSecret === undefined ? {} : { keycloakAdminSecret: (await lookups.keycloakAdminSecret.get(lookups.keycloakAdminSecret.path)) !== undefined }),
  };
}
