import { runCli } from './cli';
import { processRuntime } from './runtime';

void runCli(process.argv.slice(2), processRuntime()).then((code) => {
  process.exitCode = code;
});
