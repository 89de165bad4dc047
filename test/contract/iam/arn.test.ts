import {
  accountScope,
  awsManagedPolicyArn,
  eksAccessPolicyArn,
  hostedZoneArn,
  logGroupArns,
  policyArn,
  regionalArn,
  roleArn,
  s3BucketArn,
  s3ObjectArn,
  secretArn,
  ssmParameterArn,
} from '../../../contract/iam/arn';

const london = accountScope({ id: '123456789012', region: 'eu-west-2' });
const china = accountScope({ id: '123456789012', region: 'cn-north-1' });
const govcloud = accountScope({ id: '123456789012', region: 'us-gov-west-1' });

describe('accountScope', () => {
  it('derives the partition from the region', () => {
    expect([london, china, govcloud].map((s) => s.partition)).toEqual(['aws', 'aws-cn', 'aws-us-gov']);
  });
});

describe('ARN builders', () => {
  it('name IAM resources without a region', () => {
    expect(roleArn(london, 'goldenpath-dev-ci-deploy')).toBe('arn:aws:iam::123456789012:role/goldenpath-dev-ci-deploy');
    expect(policyArn(govcloud, 'p')).toBe('arn:aws-us-gov:iam::123456789012:policy/p');
  });

  it('name AWS-owned policies with the account "aws"', () => {
    expect(awsManagedPolicyArn('aws-cn', 'service-role/AmazonEBSCSIDriverPolicy')).toBe('arn:aws-cn:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy');
    expect(eksAccessPolicyArn('aws', 'AmazonEKSClusterAdminPolicy')).toBe('arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy');
  });

  it('name S3 buckets and objects without region or account', () => {
    expect(s3BucketArn('aws-cn', 'b')).toBe('arn:aws-cn:s3:::b');
    expect(s3ObjectArn('aws', 'b', 'tf/dev/*')).toBe('arn:aws:s3:::b/tf/dev/*');
  });

  it('name hosted zones without region or account', () => {
    expect(hostedZoneArn('aws-us-gov', 'Z123')).toBe('arn:aws-us-gov:route53:::hostedzone/Z123');
  });

  it('name regional resources in the scope region and account', () => {
    expect(regionalArn(china, 'eks', 'cluster/c')).toBe('arn:aws-cn:eks:cn-north-1:123456789012:cluster/c');
    expect(ssmParameterArn(london, '/goldenpath/dev/foundation/network')).toBe('arn:aws:ssm:eu-west-2:123456789012:parameter/goldenpath/dev/foundation/network');
    expect(secretArn(london, 'goldenpath/dev/*')).toBe('arn:aws:secretsmanager:eu-west-2:123456789012:secret:goldenpath/dev/*');
  });

  it('name a log group and its streams', () => {
    expect(logGroupArns(london, '/aws/eks/c/cluster')).toEqual([
      'arn:aws:logs:eu-west-2:123456789012:log-group:/aws/eks/c/cluster',
      'arn:aws:logs:eu-west-2:123456789012:log-group:/aws/eks/c/cluster:*',
    ]);
  });
});
