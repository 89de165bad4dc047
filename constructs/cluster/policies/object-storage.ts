import type { PolicyDocument } from '../../../contract/iam/policy-document';

/** What Loki needs on its own bucket, and on no other. */
export function objectStoragePolicy(bucketArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
      { Sid: 'ReadWriteObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${bucketArn}/*` },
    ],
  };
}
