import { z } from 'zod';
import { PlatformFlagsSchema, type PlatformFlags } from './capabilities';
import { EXTERNAL_DNS_REGISTRY } from './external-dns';
import { LifecycleSchema, TierSchema, tiersUpTo } from './lifecycle';
import type { Plan } from './plan';
import { wildcardDomain } from './tls';

/**
 * The bootstrap values contract: everything a cluster and its GitOps apps
 * need to know, derived from one selection. Rendered as the
 * `bootstrap_values` output, the `goldenpath-bootstrap` ConfigMap, the Argo
 * CD cluster Secret and the Helm parameters of the generated apps.
 */
export const BOOTSTRAP_SCHEMA_VERSION = 1;

export const BootstrapValuesSchema = z.object({
  schemaVersion: z.literal(BOOTSTRAP_SCHEMA_VERSION),
  env: z.string().min(1),
  lifecycle: LifecycleSchema,
  buildId: z.string().nullable(),
  maxTier: TierSchema,
  tiers: z.array(TierSchema).min(1),
  hostSuffix: z.string().min(1),
  aws: z.object({ accountId: z.string(), region: z.string() }),
  cluster: z.object({ name: z.string().min(1), vpcId: z.string().optional() }),
  dns: z.object({
    ownerId: z.string().min(1),
    domainFilters: z.tuple([z.string()]),
    zoneId: z.string().nullable(),
    txtPrefix: z.string(),
    txtWildcardReplacement: z.string(),
    policy: z.literal(EXTERNAL_DNS_REGISTRY.policy),
  }),
  platform: PlatformFlagsSchema,
  /** IRSA role ARNs by role key (e.g. `external-dns`). */
  roleArns: z.record(z.string(), z.string()),
  /** Present only when the database foundation is consumed (maxTier >= 2). */
  database: z
    .object({
      endpoint: z.string(),
      port: z.union([z.number(), z.string()]),
      secretNames: z.record(z.string(), z.string()),
    })
    .nullable(),
  /** Present only when object storage is verified (Loki, tier 2). */
  objectStorage: z.object({ bucket: z.string().min(1) }).optional(),
  /** The wildcard certificate every hostname is served with, terminated at the NLB in front of Kong. */
  tls: z.object({ domain: z.string().min(3), certificateArn: z.string().nullable() }),
  /** Tags in-cluster controllers put on the AWS resources they create, so teardown finds them by build. */
  controllerTags: z.record(z.string(), z.string()).optional(),
});
export type BootstrapValues = z.infer<typeof BootstrapValuesSchema>;

/** Values only the cluster and foundation can supply (Terraform references at synth time). */
export interface ContractWiring {
  readonly zoneId?: string;
  readonly roleArns?: Readonly<Record<string, string>>;
  readonly database?: BootstrapValues['database'];
  readonly vpcId?: string;
  readonly controllerTags?: Readonly<Record<string, string>>;
  /** ARN of the issued `*.{hostSuffix}` ACM certificate. */
  readonly certificateArn?: string;
}

export interface DeriveBootstrapInput {
  /** The selection's plan: identity, maxTier and names come from it. */
  readonly plan: Plan;
  readonly platform: PlatformFlags;
  readonly wiring?: ContractWiring;
}

export function deriveBootstrapValues(input: DeriveBootstrapInput): BootstrapValues {
  const { plan, platform, wiring = {} } = input;
  const { env, maxTier, names } = plan;
  const suffix = names.hostSuffix;
  return BootstrapValuesSchema.parse({
    schemaVersion: BOOTSTRAP_SCHEMA_VERSION,
    env: env.name,
    lifecycle: plan.lifecycle,
    buildId: plan.buildId ?? null,
    maxTier,
    tiers: tiersUpTo(maxTier),
    hostSuffix: suffix,
    aws: { accountId: env.accountId, region: env.region },
    cluster: { name: names.cluster, ...(wiring.vpcId === undefined ? {} : { vpcId: wiring.vpcId }) },
    dns: {
      ownerId: names.dnsOwnerId,
      domainFilters: [suffix],
      zoneId: wiring.zoneId ?? null,
      txtPrefix: EXTERNAL_DNS_REGISTRY.txtPrefix,
      txtWildcardReplacement: EXTERNAL_DNS_REGISTRY.txtWildcardReplacement,
      policy: EXTERNAL_DNS_REGISTRY.policy,
    },
    platform,
    roleArns: { ...(wiring.roleArns ?? {}) },
    database: wiring.database ?? null,
    ...(platform.objectStorageAvailable ? { objectStorage: { bucket: names.objectStorageBucket } } : {}),
    tls: { domain: wildcardDomain(names.hostSuffix), certificateArn: wiring.certificateArn ?? null },
    ...(wiring.controllerTags === undefined ? {} : { controllerTags: { ...wiring.controllerTags } }),
  });
}

/** The Helm-facing mapping of ADR-0179: `global.lifecycle`, `global.buildId`, `global.hostSuffix`. */
export function helmGlobals(values: BootstrapValues): { global: { lifecycle: string; buildId: string; hostSuffix: string; env: string } } {
  return {
    global: {
      lifecycle: values.lifecycle,
      buildId: values.buildId ?? '',
      hostSuffix: values.hostSuffix,
      env: values.env,
    },
  };
}
