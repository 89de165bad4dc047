import { classifyAwsFailure } from '../../../ops/aws/failure';
import { EXIT } from '../../../ops/exit-codes';

const named = (name: string, message: string, extra: object = {}): Error => Object.assign(new Error(message), { name, $metadata: {} }, extra);

describe('classifyAwsFailure', () => {
  it.each([
    ['no credentials', named('CredentialsProviderError', 'Could not load credentials from any providers'), 'credentials', EXIT.credentials],
    ['an expired SSO session', named('CredentialsProviderError', 'The SSO session associated with this profile has expired or is otherwise invalid.'), 'expired-credentials', EXIT.credentials],
    ['an expired token', named('ExpiredTokenException', 'The security token included in the request is expired'), 'expired-credentials', EXIT.credentials],
    ['an unknown key', named('UnrecognizedClientException', 'The security token included in the request is invalid.'), 'invalid-credentials', EXIT.credentials],
    ['EC2 denying a call', named('UnauthorizedOperation', 'You are not authorized to perform this operation.'), 'access-denied', EXIT.accessDenied],
    ['Route53 throttling', named('Throttling', 'Rate exceeded'), 'throttled', EXIT.throttled],
    ['a DNS failure', Object.assign(new Error('getaddrinfo ENOTFOUND ec2.eu-west-2.amazonaws.com'), { code: 'ENOTFOUND' }), 'network', EXIT.network],
    ['a DNS server away', Object.assign(new Error('getaddrinfo EAI_AGAIN sts.eu-west-2.amazonaws.com'), { code: 'EAI_AGAIN' }), 'network', EXIT.network],
    ['a request timeout', named('TimeoutError', 'Connection timed out after 1000 ms'), 'network', EXIT.network],
    ['every address refusing', Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' })], ''), { code: 'ECONNREFUSED' }), 'network', EXIT.network],
  ])('classifies %s', (_what, err, kind, exitCode) => {
    expect(classifyAwsFailure(err)).toMatchObject({ kind, exitCode });
  });

  it.each([
    ['a missing resource', named('ResourceNotFoundException', 'No cluster found for name: x')],
    ['a dependency', named('DependencyViolation', 'resource sg-1 has a dependent object')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ])('leaves %s to the command', (_what, err) => {
    expect(classifyAwsFailure(err)).toBeUndefined();
  });

  it('looks through the cause of a wrapped error', () => {
    expect(classifyAwsFailure(new Error('wrapped', { cause: named('ExpiredToken', 'expired') }))?.kind).toBe('expired-credentials');
  });
});
