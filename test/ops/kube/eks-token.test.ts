import { eksToken } from '../../../ops/kube/eks-token';

describe('eksToken', () => {
  it('is a base64url presigned STS GetCallerIdentity URL bound to the cluster name', async () => {
    const token = await eksToken('goldenpath-dev-b-12', 'eu-west-2', async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }), new Date('2026-01-01T00:00:00Z'));
    expect(token.startsWith('k8s-aws-v1.')).toBe(true);
    expect(token).not.toMatch(/=$/);
    const url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString());
    expect(url.host).toBe('sts.eu-west-2.amazonaws.com');
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20260101/eu-west-2/sts/aws4_request');
  });
});
