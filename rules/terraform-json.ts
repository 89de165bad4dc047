import type { TerraformJson } from './types';

/** A nested block as cdktf writes it: an object for single blocks, an array for repeated ones. */
export function blocks(value: unknown): TerraformJson[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as TerraformJson[];
}

/** Every resource of every type, with its address. */
export function allResources(tf: TerraformJson): { type: string; address: string; config: TerraformJson }[] {
  const byType: Record<string, Record<string, TerraformJson>> = tf.resource ?? {};
  return Object.entries(byType).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, config]) => ({ type, address: `${type}.${name}`, config })),
  );
}

/** True when an attribute is `false` in either of the forms the provider accepts (boolean or "false"). */
export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** An IAM policy document written as a JSON string, or undefined when the attribute is a Terraform reference or expression. */
export function literalPolicy(value: unknown): TerraformJson | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed !== null && typeof parsed === 'object' && 'Statement' in parsed ? (parsed as TerraformJson) : undefined;
  } catch {
    return undefined;
  }
}

export function asList<T>(value: T | readonly T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value as T];
}
