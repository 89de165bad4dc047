/**
 * Security rules over synthesized (or planned) Terraform JSON. Pure: each
 * rule is its own file with one exported `Rule`, tested with a good and a bad
 * input; `rules/index.ts` lists them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

export interface RuleContext {
  /** Stack name, e.g. `dev-database`. */
  readonly stack: string;
  /** Env-driven expectations (e.g. prod demands deletion protection). */
  readonly env: {
    readonly name: string;
    readonly database: { readonly deletionProtection: boolean; readonly finalSnapshot: boolean; readonly multiAz: boolean };
  };
}

export interface Finding {
  readonly rule: string;
  /** Terraform address, e.g. `aws_db_instance.database_instance_1234`. */
  readonly address: string;
  readonly message: string;
}

export interface Rule {
  readonly id: string;
  readonly description: string;
  check(tf: TerraformJson, ctx: RuleContext): Finding[];
}

/** Every resource of a type in a synthesized stack, with its address. */
export function resourcesOf(tf: TerraformJson, type: string): { address: string; config: TerraformJson }[] {
  const byName: Record<string, TerraformJson> = tf.resource?.[type] ?? {};
  return Object.entries(byName).map(([name, config]) => ({ address: `${type}.${name}`, config }));
}
