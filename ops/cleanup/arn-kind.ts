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

/** `service:resource-type` → how cleanup handles it. */
const MAPPINGS: Readonly<Record<string, ArnMapping>> = {
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

/** The cleanup resource an ARN from the tagging API names, or undefined when cleanup has no deleter for its type. */
export function resourceFromArn(arn: string, tags: Readonly<Record<string, string>>): CloudResource | undefined {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const resource = parts.slice(5).join(':');
  const type = resource.split(/[:/]/)[0] ?? '';
  const mapping = MAPPINGS[`${service}:${type}`];
  if (mapping === undefined) return undefined;
  const region = parts[3] === '' || parts[3] === undefined ? GLOBAL_REGION : parts[3];
  return { kind: mapping.kind, id: mapping.id(resource, arn), arn, region, tags, attributes: {} };
}
