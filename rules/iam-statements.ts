import { actionMatches, listOf as list } from '../contract/iam/policy-document';
import { isPureReference, jsonencodeArgument } from './terraform-expression';
import type { TerraformJson } from './types';

/** One IAM statement, whichever way the stack wrote its policy. */
export interface IamStatement {
  /** Address of the resource or data source holding the policy. */
  readonly address: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  /** `NotAction`: the statement covers every action except these. */
  readonly notActions: readonly string[];
  readonly hasCondition: boolean;
}

/** A policy attribute whose document cannot be read, so no rule can vouch for it. */
export interface UnreadablePolicy {
  readonly address: string;
  readonly reason: string;
}

export interface IamStatements {
  readonly statements: readonly IamStatement[];
  readonly unreadable: readonly UnreadablePolicy[];
}

/** Resource attributes that hold an IAM policy document (identity, trust, key and resource policies). */
const POLICY_ATTRIBUTES = ['policy', 'assume_role_policy'] as const;

function isObject(value: unknown): value is TerraformJson {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fromDocument(address: string, document: unknown): IamStatement[] {
  if (!isObject(document) || document.Statement === undefined) throw new Error('no Statement in the document');
  return list<unknown>(document.Statement).map((s) => {
    if (!isObject(s)) throw new Error('a statement is not an object');
    return {
      address,
      effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
      actions: list<unknown>(s.Action).map(String),
      notActions: list<unknown>(s.NotAction).map(String),
      hasCondition: isObject(s.Condition) && Object.keys(s.Condition).length > 0,
    };
  });
}

/** The statements of one policy value: a JSON string or a `${jsonencode(...)}`; undefined for a plain reference. */
function fromPolicyValue(address: string, value: unknown): IamStatement[] | undefined {
  if (typeof value !== 'string') return isObject(value) ? fromDocument(address, value) : undefined;
  if (isPureReference(value)) return undefined;
  const encoded = jsonencodeArgument(value);
  return fromDocument(address, encoded !== undefined ? encoded : JSON.parse(value));
}

/**
 * Every IAM statement of a synthesized stack: policy attributes of all
 * resources (JSON strings and jsonencode expressions, inline role policies
 * included) and `aws_iam_policy_document` data sources. A policy that is a
 * plain reference is read where it is defined; anything else that cannot be
 * parsed is reported as unreadable rather than passed.
 */
export function iamStatementsOf(tf: TerraformJson): IamStatements {
  const statements: IamStatement[] = [];
  const unreadable: UnreadablePolicy[] = [];
  const read = (address: string, value: unknown) => {
    try {
      statements.push(...(fromPolicyValue(address, value) ?? []));
    } catch (e) {
      unreadable.push({ address, reason: (e as Error).message });
    }
  };

  for (const [type, byName] of Object.entries<Record<string, TerraformJson>>(tf.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      for (const attribute of POLICY_ATTRIBUTES) {
        if (config[attribute] !== undefined) read(`${address}.${attribute}`, config[attribute]);
      }
      list<TerraformJson>(config.inline_policy).forEach((p, i) => {
        if (p.policy !== undefined) read(`${address}.inline_policy[${i}]`, p.policy);
      });
    }
  }

  for (const [name, doc] of Object.entries<TerraformJson>(tf.data?.aws_iam_policy_document ?? {})) {
    const address = `data.aws_iam_policy_document.${name}`;
    for (const s of list<TerraformJson>(doc.statement)) {
      statements.push({
        address,
        effect: s.effect === 'Deny' ? 'Deny' : 'Allow',
        actions: list<unknown>(s.actions).map(String),
        notActions: list<unknown>(s.not_actions).map(String),
        hasCondition: list(s.condition).length > 0,
      });
    }
  }
  return { statements, unreadable };
}

/** Whether a statement covers an action, through `Action` or through a `NotAction` that does not exclude it. */
export function coversAction(statement: IamStatement, action: string): boolean {
  const matches = (patterns: readonly string[]) => patterns.some((p) => actionMatches(p.trim(), action));
  return matches(statement.actions) || (statement.notActions.length > 0 && !matches(statement.notActions));
}
