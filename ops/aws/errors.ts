/** The error code of an AWS SDK v3 error (its name), or undefined for other errors. */
export function awsErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [e.Code, e.code, e.name]) if (typeof v === 'string' && v !== 'Error') return v;
  return undefined;
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'TooManyRequestsException',
  'PriorRequestNotComplete',
  'SlowDown',
]);

/** Dependencies still draining: AWS finishes them on its own, so waiting and retrying resolves them. */
const DEPENDENCY = new Set(['DependencyViolation', 'ResourceInUse', 'InvalidNetworkInterface.InUse', 'DeleteConflict', 'IncorrectState', 'InvalidIPAddress.InUse', 'VolumeInUse', 'InvalidVolume.InUse', 'ResourceInUseException', 'BucketNotEmpty']);

export function isThrottling(err: unknown): boolean {
  const code = awsErrorCode(err);
  return code !== undefined && THROTTLING.has(code);
}

export function isDependencyViolation(err: unknown): boolean {
  const code = awsErrorCode(err);
  return code !== undefined && DEPENDENCY.has(code);
}

export function isRetryable(err: unknown): boolean {
  return isThrottling(err) || isDependencyViolation(err);
}

/** Gone already: for a cleanup that is what we wanted, so it counts as done. */
export function isNotFound(err: unknown): boolean {
  const code = awsErrorCode(err);
  if (code === undefined) return false;
  return code.endsWith('NotFound') || code.includes('.NotFound') || code.endsWith('NotFoundException') || code === 'NoSuchEntity' || code === 'NoSuchHostedZone' || code === 'NoSuchBucket';
}
