import { isPureReference, jsonencodeArgument } from './terraform-expression';
import type { Finding, Rule, TerraformJson } from './types';

const ID = 'no-plaintext-password';

/** Attribute names that carry a password or a whole secret, write-only variants included. */
const SECRET_ATTRIBUTE = /(^|_)(password|passwd|secret_string)(_wo)?$/i;

/** Top-level blocks that are not configuration values. */
const SKIPPED_BLOCKS = new Set(['//', 'terraform']);

/** The literal secret inside a value, if any: reference and expressions are fine, a typed-in value is not. */
function literalIn(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  if (isPureReference(value)) return false;
  const encoded = jsonencodeArgument(value);
  if (encoded !== undefined) return typeof encoded === 'object' && encoded !== null ? secretKeysWithLiterals(encoded).length > 0 : literalIn(encoded);
  if (value.includes('${')) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === 'object') return secretKeysWithLiterals(parsed).length > 0;
  } catch {
    // Not JSON: the string itself is the secret.
  }
  return true;
}

/** Paths of secret-named keys whose value is a literal, anywhere under `node`. */
function secretKeysWithLiterals(node: unknown, path: string[] = []): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => secretKeysWithLiterals(v, [...path, String(i)]));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node as TerraformJson).flatMap(([key, value]) => {
    if (key === '//') return [];
    const here = [...path, key];
    if (SECRET_ATTRIBUTE.test(key) && literalIn(value)) return [here.join('.')];
    return secretKeysWithLiterals(value, here);
  });
}

/**
 * No password or secret string is typed into the configuration: a literal
 * lands in the synthesized JSON, the plan and (unless write-only) the state.
 * Secret-named attributes must be references (RDS-managed secrets, ephemeral
 * values); JSON secret values are searched for literal password keys too.
 */
export const noPlaintextPassword: Rule = {
  id: ID,
  description: 'No attribute named like a password or secret string holds a literal value',
  check(tf) {
    const findings: Finding[] = [];
    for (const [block, content] of Object.entries(tf)) {
      if (SKIPPED_BLOCKS.has(block)) continue;
      for (const path of secretKeysWithLiterals(content, [block])) {
        findings.push({ rule: ID, address: path, message: `${path} holds a literal secret: generate it (manage_master_user_password, an ephemeral password into a write-only argument) instead of typing it in` });
      }
    }
    return findings;
  },
};
