import { ACMClient } from '@aws-sdk/client-acm';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { PricingClient } from '@aws-sdk/client-pricing';
import { RDSClient } from '@aws-sdk/client-rds';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';

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

/** Every client pinned to the env's region, whatever the shell's AWS_REGION says. */
export function createAwsClients(region: string): AwsClients {
  // The SDK's own retries stay on for transient network errors; cleanup adds its own backoff on top for throttling and dependencies.
  const config = { region, maxAttempts: 3 };
  return {
    region,
    tagging: new ResourceGroupsTaggingAPIClient(config),
    globalTagging: new ResourceGroupsTaggingAPIClient({ ...config, region: GLOBAL_SERVICES_REGION }),
    ec2: new EC2Client(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    route53: new Route53Client({ ...config, region: GLOBAL_SERVICES_REGION }),
    logs: new CloudWatchLogsClient(config),
    iam: new IAMClient({ ...config, region: GLOBAL_SERVICES_REGION }),
    sts: new STSClient(config),
    ssm: new SSMClient(config),
    eks: new EKSClient(config),
    rds: new RDSClient(config),
    kms: new KMSClient(config),
    acm: new ACMClient(config),
    s3: new S3Client(config),
    pricing: new PricingClient({ ...config, region: PRICE_LIST_REGION }),
    secretsManager: new SecretsManagerClient(config),
  };
}
