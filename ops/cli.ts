import { Command, CommanderError } from 'commander';
import type { CommandContext } from './command-context';
import { COMMANDS, entriesFor, type CommandEntry } from './command-registry';
import { CliError } from './errors';
import { EXIT, EXIT_CODE_HELP, type ExitCode } from './exit-codes';
import type { Runtime } from './runtime';

/** The program with the given commands registered, in registry order. */
export async function buildProgram(ctx: CommandContext, entries: readonly CommandEntry[] = COMMANDS): Promise<Command> {
  const program = new Command('goldenpath')
    .description('Lifecycle of goldenpath builds: preflight, live builds, orphan cleanup, teardown, the timing ledger')
    .addHelpText('after', `\n${EXIT_CODE_HELP}`)
    .showHelpAfterError()
    // Options after a subcommand are its own (`ledger record --env` is record's --env, not ledger's).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: ctx.runtime.stdout, writeErr: ctx.runtime.stderr });
  const modules = await Promise.all(entries.map((e) => e.load()));
  for (const mod of modules) mod.register(program, ctx);
  for (const command of program.commands) command.exitOverride().addHelpText('after', `\n${EXIT_CODE_HELP}`);
  return program;
}

/** Parses and runs; never exits the process itself, so tests can call it. */
export async function runCli(argv: readonly string[], runtime: Runtime, entries: readonly CommandEntry[] = COMMANDS): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const ctx: CommandContext = {
    runtime,
    exitWith: (c) => {
      code = Math.max(code, c) as ExitCode;
    },
  };
  try {
    const program = await buildProgram(ctx, entriesFor(argv, entries));
    await program.parseAsync([...argv], { from: 'user' });
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
