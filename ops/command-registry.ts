import type { Command } from 'commander';
import type { CommandContext } from './command-context';

/** What a command module (`ops/<command>/command.ts`) exports: it adds its command group to the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

export interface CommandModule {
  readonly register: RegisterCommand;
}

export interface CommandEntry {
  /** The command group's name on the command line; the module registers exactly this command. */
  readonly name: string;
  /** Its one-line description: top-level help lists it without loading the module. */
  readonly summary: string;
  /** Imports the command module; only the command that runs is loaded (its AWS SDK clients, pg, …). */
  readonly load: () => Promise<CommandModule>;
}

/**
 * A command module, required when its command runs. CommonJS on purpose: the
 * CLI's loader compiles TypeScript for require(), while a dynamic import()
 * goes to Node's ESM resolver, which finds no extensionless `.ts` module.
 */
function lazy(load: () => unknown): () => Promise<CommandModule> {
  return async () => load() as CommandModule;
}

/** Every goldenpath command, in help order. Adding a command = a folder `ops/<name>/` with a command.ts, and one line here. */
/* eslint-disable @typescript-eslint/no-require-imports -- see lazy(); each path is a literal, so the bundle (bin/build.cjs) and the image check follow it. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'builds', summary: 'Live builds of an env found by tags: age, expiry, resources by type, hourly cost from the AWS Price List API (kept a day; a dated built-in table when offline)', load: lazy(() => require('./builds/command')) },
  { name: 'db', summary: 'App databases on the environment PostgreSQL', load: lazy(() => require('./db/command')) },
  { name: 'ledger', summary: "Timings per phase (count, p50/p95, failures) and the last builds, from the env's shared ledger in its state bucket", load: lazy(() => require('./ledger/command')) },
  { name: 'orphans', summary: 'Find (and with --delete --yes, delete) what a build left behind; dry run by default', load: lazy(() => require('./orphans/command')) },
  { name: 'preflight', summary: 'Check that an env (and a new build) can be deployed: foundation documents, zone, database, build id, capacity', load: lazy(() => require('./preflight/command')) },
  { name: 'teardown', summary: 'Drain (best-effort), destroy platform then cluster, clean up orphans and record one ledger row; every stage runs, a re-run resumes what failed', load: lazy(() => require('./teardown/command')) },
  { name: 'verify', summary: 'Check a running cluster: every selected app (from --min-tier up) Synced and Healthy, nodes Ready, every hostname over HTTPS with a valid certificate and plain HTTP redirected, the OIDC realm at tier 3', load: lazy(() => require('./verify/command')) },
];
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The entries a command line needs: only the named command when the first
 * argument names one (or `help <command>` does), else all of them (top-level
 * help, an unknown command's suggestions: their summaries suffice).
 */
export function entriesFor(argv: readonly string[], entries: readonly CommandEntry[] = COMMANDS): readonly CommandEntry[] {
  const name = argv[0] === 'help' ? argv[1] : argv[0];
  const named = entries.find((e) => e.name === name);
  return named === undefined ? entries : [named];
}
