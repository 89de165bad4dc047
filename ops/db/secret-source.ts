/**
 * Where `db provision` reads its inputs: the database foundation document
 * (an SSM parameter in AWS) and secrets by ARN (Secrets Manager in AWS).
 * Production reads AWS; tests and local development read a JSON file.
 * Both return the parsed JSON value; callers validate it with the contract schemas.
 */
export interface SecretSource {
  /** Human name of the source for messages, e.g. `AWS eu-west-2` or a file path. */
  readonly description: string;
  parameterJson(name: string): Promise<unknown>;
  secretJson(id: string): Promise<unknown>;
}

/** The named parameter or secret does not exist in the source. */
export class SecretNotFoundError extends Error {
  constructor(
    readonly kind: 'parameter' | 'secret',
    readonly id: string,
    source: string,
  ) {
    super(`${kind} "${id}" not found in ${source}`);
    this.name = 'SecretNotFoundError';
  }
}

/** A secret or parameter value that is not JSON: name it without echoing the value. */
export function parseJsonValue(kind: 'parameter' | 'secret', id: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${kind} "${id}" is not valid JSON (its value is not shown because it may hold credentials)`);
  }
}
