import { runCli } from './cli';
import { processRuntime } from './runtime';

// A reader that stops early (`goldenpath … | head`) is no failure: the command
// finishes its work (a teardown never stops half-way for a closed pipe) and
// what it still prints goes nowhere.
const CLOSED_PIPE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (!CLOSED_PIPE.has(err.code ?? '')) throw err;
  });
}

void runCli(process.argv.slice(2), processRuntime()).then((code) => {
  process.exitCode = code;
});
