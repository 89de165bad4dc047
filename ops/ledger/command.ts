import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { envOrUsage, ledgerFile, printResult, type CommandContext } from '../command-context';
import { UsageError } from '../errors';
import { readLedger } from './ledger-file';
import { summarizeLedger } from './summary';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('ledger')
    .description('Count and p50/p95 duration per phase from the timing ledger')
    .requiredOption('--env <env>', 'environment name (envs/)')
    .option('--file <file>', 'ledger CSV (default: $GOLDENPATH_LEDGER_DIR/ledger.csv, .goldenpath/ledger.csv)')
    .option('--json', 'machine-readable output on stdout')
    .action((opts: { env: string; file?: string; json?: boolean }) => {
      const env = envOrUsage(opts.env);
      const file = opts.file ?? ledgerFile(ctx.runtime.vars);
      if (!existsSync(file)) throw new UsageError(`no ledger at ${file}: run a teardown first, or pass --file`);
      let rows;
      try {
        rows = readLedger(file);
      } catch (err) {
        throw new UsageError(`${file}: ${(err as Error).message}`);
      }
      const phases = summarizeLedger(rows, env.name);
      const text =
        phases.length === 0
          ? `no ledger rows for env ${env.name} in ${file}`
          : [
              `ledger ${file}, env ${env.name}`,
              'phase          count  p50_s     p95_s     failed',
              ...phases.map((p) => `${p.phase.padEnd(14)} ${String(p.count).padStart(5)}  ${p.p50DurationS.toFixed(1).padStart(8)}  ${p.p95DurationS.toFixed(1).padStart(8)}  ${String(p.failures).padStart(6)}`),
            ].join('\n');
      printResult(ctx, opts.json === true, { file, env: env.name, phases }, text);
    });
}
