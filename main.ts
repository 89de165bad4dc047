import { App } from 'cdktf';
import { parseSelection } from './contract/parse-selection';
import { loadEnvironment } from './envs';
import { composeStacks } from './stacks/compose';

/** Read from the process environment; the cdktf CLI strips TF_VAR_* from the synth process. */
const BUILD_STARTED_AT = 'GOLDENPATH_BUILD_STARTED_AT';

function main(): void {
  let app: App;
  try {
    const selection = parseSelection(process.env, (name) => {
      const env = loadEnvironment(name);
      return { name: env.name, baseDomain: env.dns.baseDomain };
    });
    const env = loadEnvironment(selection.env);
    app = new App();
    composeStacks(app, { env, selection, buildStartedAt: process.env[BUILD_STARTED_AT] || undefined });
  } catch (err) {
    // Nothing has been written yet: synthesis only happens below.
    process.stderr.write(`goldenpath: invalid selection\n  ${(err as Error).message.replace(/\n/g, '\n  ')}\n`);
    process.exit(2);
  }
  app.synth();
}

main();
