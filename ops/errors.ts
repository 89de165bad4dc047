import { EXIT, type ExitCode } from './exit-codes';

/** An error the CLI reports as one line, a hint that names the fix, and a specific exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** What to do about it; printed after the message (and as `hint` with --json). */
    readonly hint?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
    this.name = 'UsageError';
  }
}

export class SafetyRefusal extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.safetyRefusal, hint);
    this.name = 'SafetyRefusal';
  }
}

/** The credentials (or AWS_REGION) point at another account or region than the env's. */
export class WrongAccountError extends CliError {
  constructor(message: string, hint: string) {
    super(message, EXIT.wrongAccount, hint);
    this.name = 'WrongAccountError';
  }
}
