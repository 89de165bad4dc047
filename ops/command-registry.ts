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

/**
 * A command module, required when its command runs. CommonJS on purpose: the
 * CLI's loader compiles TypeScript for require(), while a dynamic import()
 * goes to Node's ESM resolver, which finds no extensionless `.ts` module.
 */
function lazy(path: string): () => Promise<CommandModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return async () => require(path) as CommandModule;
}

/** Every goldenpath command, in help order. Adding a command = a folder `ops/<name>/` with a command.ts, and one line here. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'builds', load: lazy('./builds/command') },
  { name: 'db', load: lazy('./db/command') },
  { name: 'ledger', load: lazy('./ledger/command') },
  { name: 'orphans', load: lazy('./orphans/command') },
  { name: 'preflight', load: lazy('./preflight/command') },
  { name: 'teardown', load: lazy('./teardown/command') },
  { name: 'verify', load: lazy('./verify/command') },
];

/**
 * The entries a command line needs: only the named command when the first
 * argument names one, else all of them (top-level help, an unknown command's
 * suggestions).
 */
export function entriesFor(argv: readonly string[], entries: readonly CommandEntry[] = COMMANDS): readonly CommandEntry[] {
  const named = entries.find((e) => e.name === argv[0]);
  return named === undefined ? entries : [named];
}
