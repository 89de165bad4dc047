import type { CloudResource, ResourceKind } from './resource';
import { GLOBAL_REGION } from './resource';

interface ArnMapping {
  readonly kind: ResourceKind;
  /** The id delete calls take, from the ARN's resource part. */
  readonly id: (resource: string, arn: string) => string;
}

const afterSlash = (resource: string): string => resource.slice(resource.indexOf('/') + 1);
const lastSegment = (resource: string): string => resource.slice(resource.lastIndexOf('/') + 1);
const wholeArn = (_: string, arn: string): string => arn;
/** `nodegroup/<cluster>/<name>/<uuid>` → `<cluster>/<name>`, the pair EKS calls take. */
const clusterChild = (resource: string): string => resource.split('/').slice(1, 3).join('/');

/** `service:resource-type` → how cleanup handles it. */
const MAPPINGS: Readonly<Record<string, ArnMapping>> = {
  'eks:cluster': { kind: 'eks-cluster', id: lastSegment },
  'eks:nodegroup': { kind: 'eks-nodegroup', id: clusterChild },
  'eks:fargateprofile': { kind: 'eks-fargate-profile', id: clusterChild },
  'eks:addon': { kind: 'eks-addon', id: clusterChild },
  'ec2:instance': { kind: 'ec2-instance', id: afterSlash },
  'ec2:snapshot': { kind: 'ec2-snapshot', id: afterSlash },
  'kms:key': { kind: 'kms-key', id: afterSlash },
  'acm:certificate': { kind: 'acm-certificate', id: wholeArn },
  'iam:instance-profile': { kind: 'iam-instance-profile', id: lastSegment },
  'elasticloadbalancing:loadbalancer': { kind: 'elbv2-load-balancer', id: wholeArn },
  'elasticloadbalancing:targetgroup': { kind: 'elbv2-target-group', id: wholeArn },
  'ec2:network-interface': { kind: 'ec2-network-interface', id: afterSlash },
  'ec2:security-group': { kind: 'ec2-security-group', id: afterSlash },
  'ec2:volume': { kind: 'ec2-volume', id: afterSlash },
  'ec2:natgateway': { kind: 'ec2-nat-gateway', id: afterSlash },
  'ec2:elastic-ip': { kind: 'ec2-elastic-ip', id: afterSlash },
  'ec2:launch-template': { kind: 'ec2-launch-template', id: afterSlash },
  'ec2:subnet': { kind: 'ec2-subnet', id: afterSlash },
  'ec2:internet-gateway': { kind: 'ec2-internet-gateway', id: afterSlash },
  'ec2:vpc': { kind: 'ec2-vpc', id: afterSlash },
  'logs:log-group': { kind: 'logs-log-group', id: (resource) => resource.slice('log-group:'.length).replace(/:\*$/, '') },
  'iam:role': { kind: 'iam-role', id: lastSegment },
  'iam:policy': { kind: 'iam-policy', id: wholeArn },
  'iam:oidc-provider': { kind: 'iam-oidc-provider', id: wholeArn },
};

const S3_BUCKET: ArnMapping = { kind: 's3-bucket', id: (resource) => resource };

/** The cleanup resource an ARN from the tagging API names, or undefined when cleanup has no deleter for its type. */
export function resourceFromArn(arn: string, tags: Readonly<Record<string, string>>): CloudResource | undefined {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const resource = parts.slice(5).join(':');
  const type = resource.split(/[:/]/)[0] ?? '';
  // A bucket's ARN names the bucket alone: no type, no region, no account.
  const mapping = service === 's3' && !resource.includes('/') ? S3_BUCKET : MAPPINGS[`${service}:${type}`];
  if (mapping === undefined) return undefined;
  const region = parts[3] === '' || parts[3] === undefined ? GLOBAL_REGION : parts[3];
  return { kind: mapping.kind, id: mapping.id(resource, arn), arn, region, tags, attributes: {} };
}
