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
  /** Imports the command module; only the command that runs is loaded (its AWS SDK clients, pg, …). */
  readonly load: () => Promise<CommandModule>;
}

/** Every goldenpath command, in help order. Adding a command = a folder `ops/<name>/` with a command.ts, and one line here. */
/*
 * require, not import(): the packaged CLI (ops/bin/goldenpath.cjs, the image's
 * entrypoint) registers only tsx's CommonJS hook, and Node's ESM loader, which
 * import() goes through, cannot resolve an extensionless TypeScript module.
 * Inside an async loader require stays as lazy as import().
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'builds', load: async () => require('./builds/command') as CommandModule },
  { name: 'db', load: async () => require('./db/command') as CommandModule },
  { name: 'ledger', load: async () => require('./ledger/command') as CommandModule },
  { name: 'orphans', load: async () => require('./orphans/command') as CommandModule },
  { name: 'preflight', load: async () => require('./preflight/command') as CommandModule },
  { name: 'teardown', load: async () => require('./teardown/command') as CommandModule },
  { name: 'verify', load: async () => require('./verify/command') as CommandModule },
];
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The entries a command line needs: only the named command when the first
 * argument names one, else all of them (top-level help, an unknown command's
 * suggestions).
 */
export function entriesFor(argv: readonly string[], entries: readonly CommandEntry[] = COMMANDS): readonly CommandEntry[] {
  const named = entries.find((e) => e.name === argv[0]);
  return named === undefined ? entries : [named];
}
