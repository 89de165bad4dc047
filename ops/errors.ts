import { EXIT, type ExitCode } from './exit-codes';

/** An error the CLI reports as one message and a specific exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

export class SafetyRefusal extends CliError {
  constructor(message: string) {
    super(message, EXIT.safetyRefusal);
    this.name = 'SafetyRefusal';
  }
}
