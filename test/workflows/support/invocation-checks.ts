import { CommanderError, type Command } from 'commander';
import { buildProgram } from '../../../ops/cli';
import { processRuntime } from '../../../ops/runtime';

/**
 * Parses `goldenpath <args>` with the real commander program of ops/ (every
 * command of ops/command-registry.ts), its actions replaced so nothing runs. Returns the
 * problem commander reports (unknown command or option, missing value or
 * required option, extra arguments), or undefined when it parses.
 */
export async function goldenpathProblem(args: readonly string[]): Promise<string | undefined> {
  let errors = '';
  const runtime = { ...processRuntime(), stdout: () => undefined, stderr: (t: string) => void (errors += t) };
  const program = await buildProgram({ runtime, exitWith: () => undefined });
  let ran = false;
  const silence = (cmd: Command): void => {
    cmd.action(() => {
      ran = true;
    });
    cmd.commands.forEach(silence);
  };
  program.commands.forEach(silence);
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return errors.split('\n')[0] || err.message;
    throw err;
  }
  return ran ? undefined : `"goldenpath ${args.join(' ')}" names no command that runs`;
}

interface CdktfCommandSpec {
  readonly flags: readonly string[];
  readonly valueOptions: readonly string[];
  /** Takes stack names as positionals. */
  readonly stacks: boolean;
}

/** The cdktf 0.21 commands CI uses, with their options (`cdktf <command> --help`). */
export const CDKTF_COMMANDS: Readonly<Record<string, CdktfCommandSpec>> = {
  synth: { flags: ['--check-code-maker-output', '--hcl'], valueOptions: ['--app', '--output'], stacks: false },
  deploy: {
    flags: ['--auto-approve', '--skip-synth', '--ignore-missing-stack-dependencies', '--refresh-only', '--no-color', '--migrate-state', '--skip-provider-lock', '--outputs-file-include-sensitive-outputs'],
    valueOptions: ['--app', '--output', '--outputs-file', '--parallelism', '--terraform-parallelism', '--var', '--var-file'],
    stacks: true,
  },
  destroy: {
    flags: ['--auto-approve', '--skip-synth', '--ignore-missing-stack-dependencies', '--no-color', '--migrate-state', '--skip-provider-lock'],
    valueOptions: ['--app', '--output', '--parallelism', '--terraform-parallelism', '--var', '--var-file'],
    stacks: true,
  },
  output: {
    flags: ['--skip-synth', '--skip-provider-lock', '--outputs-file-include-sensitive-outputs'],
    valueOptions: ['--app', '--output', '--outputs-file'],
    stacks: true,
  },
};

/** Commands that change infrastructure and would wait for a "yes" nobody types in CI. */
const NEEDS_AUTO_APPROVE = new Set(['deploy', 'destroy']);

export interface CdktfInvocation {
  readonly command: string;
  readonly flags: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  readonly stacks: readonly string[];
}

/** Parses `cdktf <args>` against the known commands; throws naming the problem. */
export function parseCdktf(args: readonly string[]): CdktfInvocation {
  const [command, ...rest] = args;
  const spec = command === undefined ? undefined : CDKTF_COMMANDS[command];
  if (spec === undefined) throw new Error(`"cdktf ${args.join(' ')}": unknown command ${command ?? '(none)'}; known: ${Object.keys(CDKTF_COMMANDS).join(', ')}`);
  const flags: string[] = [];
  const options: Record<string, string> = {};
  const stacks: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('-')) {
      if (!spec.stacks) throw new Error(`"cdktf ${args.join(' ')}": ${command} takes no stack names (got "${arg}")`);
      stacks.push(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags.includes(name) && inline === undefined) flags.push(name);
    else if (spec.valueOptions.includes(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value.startsWith('-')) throw new Error(`"cdktf ${args.join(' ')}": ${name} needs a value`);
      options[name] = value;
    } else throw new Error(`"cdktf ${args.join(' ')}": unknown option ${name} for ${command}`);
  }
  if (spec.stacks && stacks.length === 0) throw new Error(`"cdktf ${args.join(' ')}": name the stacks (the app has several)`);
  if (NEEDS_AUTO_APPROVE.has(command!) && !flags.includes('--auto-approve')) {
    throw new Error(`"cdktf ${args.join(' ')}": ${command} in CI needs --auto-approve (no one answers the prompt)`);
  }
  return { command: command!, flags, options, stacks };
}
