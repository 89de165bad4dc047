import { z } from 'zod';

/**
 * The hand-off documents each foundational stack publishes to SSM and every
 * consumer (disposable stacks, preflight) validates with the same schema.
 */
export const FOUNDATION_SCHEMA_VERSION = 1;

const Id = z.string().min(1);

export const NetworkFoundationSchema = z.object({
  schemaVersion: z.literal(FOUNDATION_SCHEMA_VERSION),
  vpcId: Id,
  vpcCidr: z.string(),
  availabilityZones: z.array(z.string()).min(2),
  publicSubnetIds: z.array(Id).min(2),
  privateSubnetIds: z.array(Id).min(2),
});
export type NetworkFoundation = z.infer<typeof NetworkFoundationSchema>;

export const DnsFoundationSchema = z.object({
  schemaVersion: z.literal(FOUNDATION_SCHEMA_VERSION),
  zoneId: Id,
  zoneName: Id,
  persistentPolicyArn: Id,
  buildPolicyArn: Id,
  buildBoundaryArn: Id,
});
export type DnsFoundation = z.infer<typeof DnsFoundationSchema>;

export const DatabaseFoundationSchema = z.object({
  schemaVersion: z.literal(FOUNDATION_SCHEMA_VERSION),
  endpoint: Id,
  address: Id,
  port: z.number().int(),
  masterSecretArn: Id,
  appSecretArns: z.record(z.string(), Id),
  securityGroupId: Id,
});
export type DatabaseFoundation = z.infer<typeof DatabaseFoundationSchema>;

export const FOUNDATION_SCHEMAS = {
  network: NetworkFoundationSchema,
  dns: DnsFoundationSchema,
  database: DatabaseFoundationSchema,
} as const;

export interface FoundationDocumentsOf {
  readonly network: NetworkFoundation;
  readonly dns: DnsFoundation;
  readonly database: DatabaseFoundation;
}
