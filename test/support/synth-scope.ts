import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { TerraformJson } from './synth';

/** Synthesizes the constructs `build` adds to a bare test stack and returns its Terraform JSON. */
export function synthConstructs(build: (scope: Construct) => void): TerraformJson {
  return JSON.parse(Testing.synthScope(build)) as TerraformJson;
}

/** Terraform JSON strings are templates: undo the `%%{` / `$${` escapes to read a value as Terraform will. */
export function terraformUnescape<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/%%\{/g, '%{').replace(/\$\$\{/g, '${') as T;
  if (Array.isArray(value)) return value.map((v) => terraformUnescape(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terraformUnescape(k), terraformUnescape(v)])) as T;
  }
  return value;
}

/** The single resource (or data source) of a type in synthesized JSON. */
export function only(json: TerraformJson, kind: 'resource' | 'data', type: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const entries = Object.values(json[kind]?.[type] ?? {});
  if (entries.length !== 1) throw new Error(`expected one ${kind} ${type}, found ${entries.length}`);
  return entries[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
