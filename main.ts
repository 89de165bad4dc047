import { App } from 'cdktf';
import { envIdentity } from './contract/naming';
import { parseSelection, SELECTION_VARIABLES } from './contract/parse-selection';
import { derivePlan, type Plan } from './contract/plan';
import { loadEnvironment } from './envs';
import type { Environment } from './envs/schema';
import { composeStacks } from './stacks/compose';

function main(): void {
  let env: Environment | undefined;
  let plan: Plan;
  try {
    const selection = parseSelection(process.env, (name) => {
      env = loadEnvironment(name);
      return envIdentity(env);
    });
    plan = derivePlan({ env: env!, selection, buildStartedAt: process.env[SELECTION_VARIABLES.buildStartedAt] || undefined });
    // The App constructor creates the output folder, so every check that can reject the selection runs before it.
    void plan.expiresAt;
  } catch (err) {
    process.stderr.write(`goldenpath: invalid selection\n  ${(err as Error).message.replace(/\n/g, '\n  ')}\n`);
    process.exit(2);
  }
  // Construct stack traces are never synthesized; capturing them is a measurable part of synth time.
  const app = new App({ stackTraces: false });
  composeStacks(app, { env: env!, plan });
  app.synth();
}

main();
