import { Command, CommanderError } from 'commander';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from './command-context';
import { CliError } from './errors';
import { EXIT, EXIT_CODE_HELP, type ExitCode } from './exit-codes';
import type { Runtime } from './runtime';

/** A command module: `ops/commands/<name>.ts` exporting `register`. Adding a file adds a command group. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

const COMMANDS_DIR = join(__dirname, 'commands');

/** Every `ops/commands/*.ts` module, in name order. */
export function commandModules(dir: string = COMMANDS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));
}

export function buildProgram(ctx: CommandContext, modules: readonly string[] = commandModules()): Command {
  const program = new Command('goldenpath')
    .description('Lifecycle of goldenpath builds: preflight, live builds, orphan cleanup, teardown, the timing ledger')
    .addHelpText('after', `\n${EXIT_CODE_HELP}`)
    .showHelpAfterError()
    // Options after a subcommand are its own (`ledger record --env` is record's --env, not ledger's).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: ctx.runtime.stdout, writeErr: ctx.runtime.stderr });
  for (const file of modules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { register?: RegisterCommand };
    if (typeof mod.register !== 'function') throw new Error(`${file} must export register(program, ctx) to be a goldenpath command module`);
    mod.register(program, ctx);
  }
  for (const command of program.commands) command.exitOverride().addHelpText('after', `\n${EXIT_CODE_HELP}`);
  return program;
}

/** Parses and runs; never exits the process itself, so tests can call it. */
export async function runCli(argv: readonly string[], runtime: Runtime, modules?: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const ctx: CommandContext = {
    runtime,
    exitWith: (c) => {
      code = Math.max(code, c) as ExitCode;
    },
  };
  try {
    await buildProgram(ctx, modules).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CliError) {
      runtime.stderr(`goldenpath: ${err.message}\n`);
      return err.exitCode;
    }
    runtime.stderr(`goldenpath: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.partialFailure;
  }
}
