import { EXIT, type ExitCode } from '../exit-codes';
import { awsErrorCode, isThrottling } from './errors';

/** An AWS call that failed for a reason the operator can fix: one line, a hint, its own exit code. */
export interface AwsFailure {
  readonly kind: 'credentials' | 'expired-credentials' | 'invalid-credentials' | 'network' | 'throttled' | 'access-denied';
  readonly message: string;
  readonly hint: string;
  readonly exitCode: ExitCode;
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const INVALID = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AuthFailure', 'InvalidToken']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException', 'Forbidden', 'AuthorizationError']);
const NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT']);

const NETWORK_CODE = new RegExp(`\\b(${[...NETWORK].join('|')})\\b`);

function fields(err: unknown): { name: string; code: string; message: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; code?: unknown; message?: unknown; errors?: unknown };
  let message = typeof e.message === 'string' ? e.message : String(err);
  // Node's happy-eyeballs connect gives an AggregateError with an empty message; its parts say what failed.
  if (message === '' && Array.isArray(e.errors)) message = e.errors.map((x: unknown) => (x as Error).message).join('; ');
  message = message.split('\n')[0]!.replace(/^AWS SDK error wrapper for (\w*Error: )?/, '').trim();
  const code = typeof e.code === 'string' ? e.code : (NETWORK_CODE.exec(message)?.[0] ?? '');
  return { name: typeof e.name === 'string' ? e.name : '', code, message };
}

/** What went wrong with an AWS call, when it is something outside the tool; undefined for anything else (a bug, a missing resource). */
export function classifyAwsFailure(err: unknown): AwsFailure | undefined {
  // The SDK wraps a non-Error rejection (or one from another realm) as "AWS SDK error wrapper for …" with the original as cause.
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (cause !== undefined && cause !== err) {
    const inner = classifyAwsFailure(cause);
    if (inner !== undefined) return inner;
  }
  const { name, code, message } = fields(err);
  const awsCode = awsErrorCode(err) ?? '';
  const profile = 'set AWS_PROFILE to a configured profile (run aws sso login --profile <profile> for an SSO one), or assume the env role';
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    if (/expired|refresh/i.test(message)) return { kind: 'expired-credentials', message: `the AWS credentials have expired (${message})`, hint: `run aws sso login (or assume the role again), then re-run`, exitCode: EXIT.credentials };
    return { kind: 'credentials', message: `no AWS credentials found (${message})`, hint: profile, exitCode: EXIT.credentials };
  }
  if (EXPIRED.has(awsCode)) return { kind: 'expired-credentials', message: `the AWS credentials have expired (${awsCode}: ${message})`, hint: 'run aws sso login, or assume the role again, then re-run', exitCode: EXIT.credentials };
  if (INVALID.has(awsCode)) return { kind: 'invalid-credentials', message: `AWS does not accept these credentials (${awsCode}: ${message})`, hint: `the key is unknown, revoked or mistyped: ${profile}`, exitCode: EXIT.credentials };
  if (DENIED.has(awsCode)) return { kind: 'access-denied', message: `AWS denied the call (${awsCode}: ${message})`, hint: "the identity lacks this permission: run with the env's CI role (its policy: node --import tsx ops/ci/print-iam-policies.ts --env <env>)", exitCode: EXIT.accessDenied };
  if (isThrottling(err)) return { kind: 'throttled', message: `AWS kept throttling the calls after every retry (${awsCode}: ${message})`, hint: 'wait a few minutes and re-run; another job may be calling the same account', exitCode: EXIT.throttled };
  if (NETWORK.has(code) || name === 'TimeoutError' || awsCode === 'TimeoutError' || /getaddrinfo|socket hang up/.test(message)) {
    return { kind: 'network', message: `cannot reach AWS (${code || name}: ${message || 'no answer'})`, hint: 'check the network, DNS, HTTPS_PROXY and any AWS_ENDPOINT_URL variable, then re-run', exitCode: EXIT.network };
  }
  return undefined;
}

/** One line for a failed call: the classified message, or the error's own first line. */
export function describeAwsFailure(err: unknown): string {
  return classifyAwsFailure(err)?.message ?? fields(err).message;
}
