import { Command, CommanderError } from 'commander';
import { classifyAwsFailure } from './aws/failure';
import type { CommandContext } from './command-context';
import { COMMANDS, entriesFor, type CommandEntry } from './command-registry';
import { CliError } from './errors';
import { EXIT, EXIT_CODE_HELP, EXIT_CODE_MEANINGS, type ExitCode } from './exit-codes';
import type { Runtime } from './runtime';

/**
 * The program with the given commands registered, in registry order. With
 * `summariesOnly` a command is its name and summary alone, and no command
 * module (nor the SDK clients, pg, … it imports) is loaded: enough for the
 * top-level help and an unknown command's suggestions.
 */
export async function buildProgram(ctx: CommandContext, entries: readonly CommandEntry[] = COMMANDS, options: { readonly summariesOnly?: boolean } = {}): Promise<Command> {
  const program = new Command('goldenpath')
    .description('Lifecycle of goldenpath builds: preflight, live builds, orphan cleanup, teardown, the timing ledger')
    .option('--debug', 'print stack traces of errors (also GOLDENPATH_DEBUG=1); accepted anywhere on the line')
    .addHelpText('after', `\n${EXIT_CODE_HELP}`)
    .showHelpAfterError()
    // Options after a subcommand are its own (`ledger record --env` is record's --env, not ledger's).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: ctx.runtime.stdout, writeErr: ctx.runtime.stderr });
  if (options.summariesOnly === true) {
    for (const entry of entries) program.command(entry.name).description(entry.summary);
  } else {
    const modules = await Promise.all(entries.map((e) => e.load()));
    for (const mod of modules) mod.register(program, ctx);
    for (const entry of entries) program.commands.find((c) => c.name() === entry.name)?.description(entry.summary);
  }
  for (const command of program.commands) command.exitOverride().addHelpText('after', `\n${EXIT_CODE_HELP}`);
  return program;
}

/** An outcome as the operator sees it: one line naming the cause, a hint naming the fix, the exit code. */
interface Failure {
  readonly code: ExitCode;
  readonly message: string;
  readonly hint: string;
  /** The stack, printed only with --debug. */
  readonly detail?: string;
}

/** `--debug` may stand anywhere before `--`; it is the CLI's, not a command's. */
function splitDebug(argv: readonly string[]): { args: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end === -1 ? [...argv] : argv.slice(0, end);
  const tail = end === -1 ? [] : argv.slice(end);
  return { args: [...head.filter((a) => a !== '--debug'), ...tail], debug: head.includes('--debug') };
}

/** The env named on the command line, for hints that name its account and role; undefined when there is none or it does not load. */
async function envHint(args: readonly string[]): Promise<string> {
  const i = args.indexOf('--env');
  const name = i === -1 ? args.find((a) => a.startsWith('--env='))?.slice(6) : args[i + 1];
  if (name === undefined) return '';
  try {
    // Loaded only for a hint; require(), as the command registry, so the CLI's TypeScript loader compiles it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadEnvironment } = require('../envs') as typeof import('../envs');
    const env = loadEnvironment(name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ciRoleArn } = require('../contract/ci/cluster-access') as typeof import('../contract/ci/cluster-access');
    return ` (env ${env.name}: account ${env.account.id}, ${env.account.region}; deploy role ${ciRoleArn(env, 'deploy')})`;
  } catch {
    return '';
  }
}

async function failureOf(err: unknown, args: readonly string[]): Promise<Failure> {
  const detail = err instanceof Error ? err.stack : undefined;
  if (err instanceof CliError) return { code: err.exitCode, message: err.message, hint: err.hint ?? '', detail };
  const aws = classifyAwsFailure(err);
  if (aws !== undefined) {
    const env = aws.kind === 'network' || aws.kind === 'throttled' ? '' : await envHint(args);
    return { code: aws.exitCode, message: aws.message, hint: `${aws.hint}${env}`, detail };
  }
  const e = err as { name?: string; message?: string };
  return {
    code: EXIT.partialFailure,
    message: `unexpected error: ${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0]}`,
    hint: 're-run with --debug for the stack trace, and report it with the command line',
    detail,
  };
}

/** Parses and runs; never exits the process itself, so tests can call it. */
export async function runCli(argv: readonly string[], runtime: Runtime, entries: readonly CommandEntry[] = COMMANDS): Promise<ExitCode> {
  const { args, debug: debugFlag } = splitDebug(argv);
  const debug = debugFlag || runtime.vars.GOLDENPATH_DEBUG === '1';
  const json = args.includes('--json');
  let code: ExitCode = EXIT.ok;
  let result: { data: object; text: string } | undefined;
  const ctx: CommandContext = {
    runtime,
    exitWith: (c) => {
      code = Math.max(code, c) as ExitCode;
    },
    jsonResult: (data, text) => {
      result = { data, text };
    },
  };
  const emit = (failure: Omit<Failure, 'detail'>, data: object = {}): void => {
    if (json) runtime.stdout(`${JSON.stringify({ code: failure.code, message: failure.message, hint: failure.hint, ...data }, null, 2)}\n`);
  };
  const fail = (failure: Failure): ExitCode => {
    runtime.stderr(`goldenpath: ${failure.message}${failure.hint === '' ? '' : ` — ${failure.hint}`}\n`);
    if (debug && failure.detail !== undefined) runtime.stderr(`${failure.detail}\n`);
    emit(failure);
    return failure.code;
  };

  try {
    if (args.filter((a) => a !== '--json').length === 0) {
      const program = await buildProgram({ ...ctx, runtime: { ...runtime, stdout: runtime.stderr } }, entries, { summariesOnly: true });
      program.outputHelp({ error: true });
      return fail({ code: EXIT.usage, message: 'no command given', hint: `run one of: ${entries.map((e) => e.name).join(', ')} (goldenpath <command> --help)` });
    }
    const needed = entriesFor(args, entries);
    const program = await buildProgram(ctx, needed, { summariesOnly: needed.length > 1 });
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return EXIT.ok;
      // commander has printed the error and the usage on stderr already.
      emit({ code: EXIT.usage, message: err.message.replace(/^error: /, ''), hint: EXIT_CODE_MEANINGS[EXIT.usage].hint });
      return EXIT.usage;
    }
    return fail(await failureOf(err, args));
  }
  if (result !== undefined) {
    const message = result.text.split('\n')[0] ?? '';
    emit({ code, message, hint: EXIT_CODE_MEANINGS[code].hint }, result.data);
  }
  return code;
}
