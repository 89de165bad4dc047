/**
 * What the CI identities of an env are generated from: the fields of an env
 * definition they read (envs/schema.ts `Environment` satisfies it). Declared
 * here so contract needs nothing from the layers above it.
 */
export interface CiEnv {
  readonly name: string;
  readonly account: { readonly id: string; readonly region: string };
  /** The env zone's id once `{env}-dns` created it: the only zone build and reaper roles may change records in. */
  readonly dns: { readonly baseDomain: string; readonly zoneId?: string };
  /** A cluster admin role the env already has; absent: the bootstrap stack's platform admin role. */
  readonly cluster: { readonly adminRoleArn?: string };
  /** Builds run in the env only when enabled: no build role otherwise. */
  readonly ephemeral: { readonly enabled: boolean };
  readonly stateBackend?: { readonly bucket: string; readonly region: string; readonly keyPrefix: string };
}
