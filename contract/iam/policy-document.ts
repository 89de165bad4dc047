/**
 * The one IAM vocabulary of the program: policy documents and statements as
 * AWS reads them. Every identity, trust, boundary and resource policy the
 * program writes is typed with these, whichever layer builds it.
 */

/** `StringEquals`, `ForAllValues:StringLike`, … → condition key → value(s). */
export type PolicyConditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  /** Trust and resource policies only. */
  readonly Principal?: Readonly<Record<string, string | readonly string[]>> | '*';
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  /** Absent only in trust policies, which name a Principal instead. */
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: PolicyConditions;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export const POLICY_VERSION = '2012-10-17';

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: POLICY_VERSION, Statement: statements };
}

/** A policy field (`Action`, `Resource`, …) as a list, whether it was written as one value or several. */
export function listOf<T>(value: T | readonly T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as T[])] : [value as T];
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(action);
}
