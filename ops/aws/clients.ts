import type { ACMClient } from '@aws-sdk/client-acm';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { PricingClient } from '@aws-sdk/client-pricing';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { STSClient } from '@aws-sdk/client-sts';

/** IAM is global; the tagging API lists its resources only from this region. */
export const GLOBAL_SERVICES_REGION = 'us-east-1';

/** The Price List API answers in us-east-1 (also eu-central-1, ap-south-1); prices of every region come from there. */
export const PRICE_LIST_REGION = 'us-east-1';

export interface AwsClients {
  readonly region: string;
  readonly tagging: ResourceGroupsTaggingAPIClient;
  readonly globalTagging: ResourceGroupsTaggingAPIClient;
  readonly ec2: EC2Client;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly route53: Route53Client;
  readonly logs: CloudWatchLogsClient;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly ssm: SSMClient;
  readonly eks: EKSClient;
  readonly rds: RDSClient;
  readonly kms: KMSClient;
  readonly acm: ACMClient;
  /** For the state bucket's ledger and the build's buckets: pinned to the env's region. */
  readonly s3: S3Client;
  /** The Price List API, served from us-east-1 whatever the env's region. */
  readonly pricing: PricingClient;
  readonly secretsManager: SecretsManagerClient;
}

type ClientFactories = { readonly [K in Exclude<keyof AwsClients, 'region'>]: () => AwsClients[K] };

/**
 * Clients as properties that create their client, and load its SDK package,
 * on first use: each package costs tens of milliseconds to load, and a
 * command calls a few of them.
 */
function lazyClients(region: string, factories: ClientFactories): AwsClients {
  const clients: Record<string, unknown> = { region };
  for (const [name, create] of Object.entries(factories)) {
    let client: unknown;
    Object.defineProperty(clients, name, { enumerable: true, get: () => (client ??= create()) });
  }
  return clients as unknown as AwsClients;
}

/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load every SDK package when the CLI starts. */
/** Every client pinned to the env's region, whatever the shell's AWS_REGION says. */
export function createAwsClients(region: string): AwsClients {
  // The SDK's own retries stay on for transient network errors; cleanup adds its own backoff on top for throttling and dependencies.
  const config = { region, maxAttempts: 3 };
  const tagging = (): typeof import('@aws-sdk/client-resource-groups-tagging-api') => require('@aws-sdk/client-resource-groups-tagging-api');
  return lazyClients(region, {
    tagging: () => new (tagging().ResourceGroupsTaggingAPIClient)(config),
    globalTagging: () => new (tagging().ResourceGroupsTaggingAPIClient)({ ...config, region: GLOBAL_SERVICES_REGION }),
    ec2: () => new (require('@aws-sdk/client-ec2') as typeof import('@aws-sdk/client-ec2')).EC2Client(config),
    elbv2: () => new (require('@aws-sdk/client-elastic-load-balancing-v2') as typeof import('@aws-sdk/client-elastic-load-balancing-v2')).ElasticLoadBalancingV2Client(config),
    route53: () => new (require('@aws-sdk/client-route-53') as typeof import('@aws-sdk/client-route-53')).Route53Client({ ...config, region: GLOBAL_SERVICES_REGION }),
    logs: () => new (require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient(config),
    iam: () => new (require('@aws-sdk/client-iam') as typeof import('@aws-sdk/client-iam')).IAMClient({ ...config, region: GLOBAL_SERVICES_REGION }),
    sts: () => new (require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts')).STSClient(config),
    ssm: () => new (require('@aws-sdk/client-ssm') as typeof import('@aws-sdk/client-ssm')).SSMClient(config),
    eks: () => new (require('@aws-sdk/client-eks') as typeof import('@aws-sdk/client-eks')).EKSClient(config),
    rds: () => new (require('@aws-sdk/client-rds') as typeof import('@aws-sdk/client-rds')).RDSClient(config),
    kms: () => new (require('@aws-sdk/client-kms') as typeof import('@aws-sdk/client-kms')).KMSClient(config),
    acm: () => new (require('@aws-sdk/client-acm') as typeof import('@aws-sdk/client-acm')).ACMClient(config),
    s3: () => new (require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3')).S3Client(config),
    pricing: () => new (require('@aws-sdk/client-pricing') as typeof import('@aws-sdk/client-pricing')).PricingClient({ ...config, region: PRICE_LIST_REGION }),
    secretsManager: () => new (require('@aws-sdk/client-secrets-manager') as typeof import('@aws-sdk/client-secrets-manager')).SecretsManagerClient(config),
  });
}
/* eslint-enable @typescript-eslint/no-require-imports */
