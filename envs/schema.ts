import { z } from 'zod';
import { parseCidr } from '../contract/cidr';
import { EKS_MAX_PUBLIC_ACCESS_CIDRS, GITHUB_HOSTED_RUNNER } from '../contract/cluster-api-access';
import { AppNamespaceSchema } from '../contract/gitops/app-namespaces';
import { TierSchema } from '../contract/lifecycle';
import { NAT_STRATEGIES } from '../contract/nat-strategy';
import { NODE_GROUP_NAME_MAX } from '../contract/naming';
import { VPC_PREFIX_RANGE } from '../contract/subnet-plan';

const cidr = z.string().refine(
  (v) => {
    try {
      parseCidr(v);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IPv4 CIDR block with no host bits set, e.g. 10.20.0.0/16' },
);

const hostname = z
  .string()
  .regex(/^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lowercase DNS name such as goldenpathidp.io');

// Every partition the region pattern admits (aws, aws-cn, aws-us-gov).
const roleArn = z.string().regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,64}$/, 'must be an IAM role ARN such as arn:aws:iam::111111111111:role/ci-deploy');

/** CloudWatch Logs accepts only these retention values. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
const logRetention = z
  .number()
  .int()
  .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), { message: `must be one of ${LOG_RETENTION_DAYS.join(', ')}` });

/** A database name and login role inside PostgreSQL: a plain lowercase identifier. */
export const AppNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,30}$/, 'must be a lowercase PostgreSQL identifier (letters, digits, underscore; starts with a letter; at most 31 characters)');

const runnerLabels = z
  .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a runner label such as ubuntu-24.04 or goldenpath-dev'))
  .min(1)
  .describe('The runs-on labels of the jobs that talk to the cluster API');

/** How CI reaches one cluster's Kubernetes API (contract/cluster-api-access). */
export const ClusterApiAccessSchema = z
  .discriminatedUnion('via', [
    z
      .object({
        via: z.literal('static-egress'),
        runsOn: runnerLabels.describe('Labels of the runners with static egress addresses (e.g. a larger runner)'),
        egressCidrs: z
          .array(cidr)
          .min(1, 'must list the runners\' egress CIDRs')
          .max(EKS_MAX_PUBLIC_ACCESS_CIDRS, `EKS takes at most ${EKS_MAX_PUBLIC_ACCESS_CIDRS} public access CIDRs`)
          .describe(`The runners' static egress CIDRs: the endpoint's public access CIDRs (at most ${EKS_MAX_PUBLIC_ACCESS_CIDRS})`),
      })
      .describe('Runners with static egress addresses, listed in the public access CIDRs'),
    z
      .object({
        via: z.literal('self-hosted'),
        runsOn: runnerLabels.describe('Labels of a self-hosted runner inside the VPC'),
      })
      .describe('A self-hosted runner inside the VPC; the endpoint is private only'),
    z
      .object({
        via: z.literal('public-endpoint'),
        runsOn: runnerLabels.default([GITHUB_HOSTED_RUNNER]).describe(`Runner labels (@default ["${GITHUB_HOSTED_RUNNER}"])`),
      })
      .describe('Builds only: the public endpoint open to every address; IAM authentication still applies'),
  ])
  .describe('How CI reaches the cluster API: static-egress | self-hosted | public-endpoint (builds only)');

export const NodeGroupSchema = z
  .object({
    name: z.string().regex(new RegExp(`^[a-z][a-z0-9-]{0,${NODE_GROUP_NAME_MAX - 1}}$`)).describe('Node group key, unique in the cluster, embedded in launch template names'),
    instanceTypes: z.array(z.string().regex(/^[a-z0-9]+\.[a-z0-9]+$/)).min(1).describe('EC2 instance types, first preferred'),
    capacityType: z.enum(['ON_DEMAND', 'SPOT']).describe('On-demand or spot capacity'),
    minSize: z.number().int().min(0).describe('Smallest node count'),
    desiredSize: z.number().int().min(0).describe('Node count at creation'),
    maxSize: z.number().int().min(1).describe('Largest node count the autoscaler may reach'),
    diskSizeGb: z.number().int().min(20).max(2000).describe('Encrypted gp3 root volume size'),
  })
  .refine((g) => g.minSize <= g.desiredSize && g.desiredSize <= g.maxSize, { message: 'must satisfy minSize <= desiredSize <= maxSize' });

export const EnvironmentSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9]{1,9}$/, 'must be 2-10 lowercase letters or digits, starting with a letter').describe('Short environment name embedded in every derived name'),
    account: z
      .object({
        id: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').describe('AWS account the environment lives in'),
        region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as eu-west-2').describe('AWS region of every resource'),
      })
      .describe('Where the environment lives; ops commands refuse any other account or region'),
    dns: z
      .object({
        baseDomain: hostname.describe('Parent domain; the env zone is {env}.{baseDomain}'),
        parentZoneId: z.string().regex(/^Z[A-Z0-9]{1,32}$/).optional().describe('Hosted zone of baseDomain to write the NS delegation into, when it is in this account'),
        zoneId: z
          .string()
          .regex(/^Z[A-Z0-9]{1,32}$/, 'must be a Route53 hosted zone id such as Z0123456789ABCDEFGHIJ (the zone_id output of {env}-dns)')
          .optional()
          .describe('Id of the env zone once {env}-dns created it (its zone_id output); {env}-bootstrap pins every build and reaper record change to it. Until set, builds change no record'),
      })
      .describe('DNS of the environment'),
    network: z
      .object({
        vpcCidr: cidr.describe(`VPC CIDR, /${VPC_PREFIX_RANGE.min} to /${VPC_PREFIX_RANGE.max}`),
        availabilityZones: z.array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/)).min(2).max(3).describe('Explicit AZ names (2 or 3) so plans need no API call'),
        natStrategy: z.enum(NAT_STRATEGIES).describe('One shared NAT gateway, or one per AZ for zone-independent egress'),
        flowLogRetentionDays: logRetention.describe('Retention of the VPC flow log group'),
      })
      .describe('The VPC'),
    database: z
      .object({
        instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/).describe('RDS instance class'),
        allocatedStorageGb: z.number().int().min(20).describe('Initial gp3 storage'),
        maxAllocatedStorageGb: z.number().int().describe('Storage autoscaling limit'),
        multiAz: z.boolean().describe('Standby in a second AZ'),
        deletionProtection: z.boolean().describe('Refuse deletion of the instance'),
        finalSnapshot: z.boolean().describe('Take a final snapshot on deletion'),
        backupRetentionDays: z.number().int().min(1).max(35).describe('Automated backup retention'),
        performanceInsightsRetentionDays: z.union([z.literal(7), z.literal(731)]).describe('Performance Insights retention (7 is the free tier)'),
        apps: z
          .array(
            z.object({
              name: AppNameSchema.describe('App name: database, login role and secret goldenpath/{env}/{app}/postgres'),
              createDb: z.boolean().default(false).describe('Grant CREATEDB (e.g. backstage creates plugin databases)'),
            }),
          )
          .describe('App databases provisioned on the instance'),
      })
      .refine((d) => d.maxAllocatedStorageGb >= d.allocatedStorageGb, { message: 'maxAllocatedStorageGb must be >= allocatedStorageGb' })
      .refine((d) => new Set(d.apps.map((a) => a.name)).size === d.apps.length, { message: 'app names must be unique', path: ['apps'] })
      .describe('The environment PostgreSQL'),
    cluster: z
      .object({
        nodeGroups: z.array(NodeGroupSchema).min(1).describe('Managed node groups'),
        apiAccess: z
          .object({
            persistent: ClusterApiAccessSchema.describe('How CI reaches the persistent cluster (never public-endpoint)'),
            builds: ClusterApiAccessSchema.describe("How CI reaches a build's cluster"),
          })
          .describe("How CI reaches each cluster's API; sets the endpoint access and the runs-on of every job that talks to the API"),
        adminRoleArn: roleArn
          .optional()
          .describe('Role granted cluster admin through an access entry; absent: the {env}-bootstrap stack creates goldenpath-{env}-platform-admin'),
        logRetentionDays: logRetention.describe('Retention of the control plane log group'),
      })
      .describe('EKS clusters of the environment'),
    tierCeiling: TierSchema.optional().describe('Lowers the lifecycle-derived maxTier; can never raise it'),
    ephemeral: z
      .object({
        enabled: z.boolean().describe('Whether CI may build ephemeral clusters in the env: without it there is no build role, and pull requests can assume nothing'),
        ttlHours: z.number().int().min(1).max(168).describe('Hours after which the reaper removes a build'),
        maxConcurrentBuilds: z.number().int().min(1).max(50).describe('Preflight refuses a new build beyond this many live ones'),
      })
      .describe('CI builds'),
    github: z
      .object({
        repository: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must be a GitHub owner/name such as goldenpath-idp/goldenpath-infra').describe('The repository whose workflows the CI roles trust'),
        oidcProviderArn: z
          .string()
          .regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/, 'must be the ARN of the account\'s GitHub OIDC provider, arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com')
          .optional()
          .describe('An OIDC provider for GitHub the account already has (one per account): adopted instead of created by {env}-bootstrap'),
      })
      .describe('GitHub Actions, which the CI roles trust'),
    gitops: z
      .object({
        repoUrl: z.string().url().describe('Git repository Argo CD reads app configuration from'),
        highAvailability: z.boolean().default(false).describe('Run Argo CD highly available on persistent clusters (redis-ha, replicated controller, server, repo server)'),
        appNamespaces: z
          .array(AppNamespaceSchema)
          .default([])
          .describe("Namespaces the GitOps repository's own apps (outside the catalog) deploy to: destinations of its Argo CD project, which their Applications create"),
      })
      .describe('The GitOps repository'),
    stateBackend: z
      .object({
        bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/).describe('S3 bucket for Terraform state'),
        region: z.string().describe('Region of the state bucket'),
        keyPrefix: z.string().regex(/^[a-z0-9][a-z0-9/_-]*[a-z0-9]$/).describe('Key prefix; keys are {prefix}/{env}/{stack}.tfstate'),
      })
      .optional()
      .describe('Remote state; absent means the local backend'),
  })
  .superRefine((env, ctx) => {
    const oidcAccount = env.github.oidcProviderArn?.split(':')[4];
    if (oidcAccount !== undefined && oidcAccount !== env.account.id) {
      ctx.addIssue({ code: 'custom', path: ['github', 'oidcProviderArn'], message: `is in account ${oidcAccount}, not the env's account ${env.account.id}` });
    }
    const adminAccount = env.cluster.adminRoleArn?.split(':')[4];
    if (adminAccount !== undefined && adminAccount !== env.account.id) {
      ctx.addIssue({ code: 'custom', path: ['cluster', 'adminRoleArn'], message: `is in account ${adminAccount}, not the env's account ${env.account.id}` });
    }
    env.network.availabilityZones.forEach((az, i) => {
      if (!az.startsWith(env.account.region)) {
        ctx.addIssue({ code: 'custom', path: ['network', 'availabilityZones', i], message: `"${az}" is not in region ${env.account.region}` });
      }
    });
    if (new Set(env.network.availabilityZones).size !== env.network.availabilityZones.length) {
      ctx.addIssue({ code: 'custom', path: ['network', 'availabilityZones'], message: 'availability zones must be distinct' });
    }
    const prefix = Number(env.network.vpcCidr.split('/')[1]);
    if (prefix < VPC_PREFIX_RANGE.min || prefix > VPC_PREFIX_RANGE.max) {
      ctx.addIssue({ code: 'custom', path: ['network', 'vpcCidr'], message: `must be between /${VPC_PREFIX_RANGE.min} and /${VPC_PREFIX_RANGE.max}` });
    }
    if (env.cluster.apiAccess.persistent.via === 'public-endpoint') {
      ctx.addIssue({
        code: 'custom',
        path: ['cluster', 'apiAccess', 'persistent', 'via'],
        message: 'public-endpoint is for builds only; a persistent cluster uses static-egress (listed CIDRs) or self-hosted (private endpoint)',
      });
    }
    const groups = env.cluster.nodeGroups.map((g) => g.name);
    if (new Set(groups).size !== groups.length) {
      ctx.addIssue({ code: 'custom', path: ['cluster', 'nodeGroups'], message: 'node group names must be unique' });
    }
  });

export type EnvironmentInput = z.input<typeof EnvironmentSchema>;
export type Environment = z.output<typeof EnvironmentSchema>;

/** A definition that failed its schema, with every zod path and message. */
export class EnvironmentDefinitionError extends Error {
  constructor(
    readonly envName: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`environment "${envName}" is invalid:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}\nFix envs/${envName}.ts.`);
    this.name = 'EnvironmentDefinitionError';
  }
}

export function defineEnvironment(input: EnvironmentInput): Environment {
  const parsed = EnvironmentSchema.safeParse(input);
  if (!parsed.success) {
    const name = typeof input?.name === 'string' ? input.name : '<unnamed>';
    throw new EnvironmentDefinitionError(
      name,
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    );
  }
  return Object.freeze(parsed.data);
}
