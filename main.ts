import { App } from 'cdktf';
import { parseSelection, SELECTION_VARIABLES } from './contract/parse-selection';
import { loadEnvironment } from './envs';
import { composeStacks, disposableExpiresAt, type CompositionInput } from './stacks/compose';

function main(): void {
  let input: CompositionInput;
  try {
    const selection = parseSelection(process.env, (name) => {
      const env = loadEnvironment(name);
      return { name: env.name, baseDomain: env.dns.baseDomain };
    });
    input = { env: loadEnvironment(selection.env), selection, buildStartedAt: process.env[SELECTION_VARIABLES.buildStartedAt] || undefined };
    // The App constructor creates the output folder, so every check that can reject the selection runs before it.
    disposableExpiresAt(input);
  } catch (err) {
    process.stderr.write(`goldenpath: invalid selection\n  ${(err as Error).message.replace(/\n/g, '\n  ')}\n`);
    process.exit(2);
  }
  // Construct stack traces are never synthesized; capturing them is a measurable part of synth time.
  const app = new App({ stackTraces: false });
  composeStacks(app, input);
  app.synth();
}

main();
