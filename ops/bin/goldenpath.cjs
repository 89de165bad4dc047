#!/usr/bin/env node
/**
 * The CLI precompiled into dist/goldenpath.cjs (bin/build.cjs, rebuilt when a
 * source changes): no TypeScript compiler at start-up, and each command loads
 * its SDK clients, pg, … only when it runs. Where no build can be made (an
 * image without bin/build.cjs or esbuild, files that are read-only), tsx
 * compiles the TypeScript on load instead: slower, same behaviour.
 */
// Node >= 22.1 keeps the compiled code of every module the CLI loads (the AWS SDK clients are most of it) between runs.
require('node:module').enableCompileCache?.();

async function compiled() {
  try {
    return await require('../../bin/build.cjs').built('goldenpath');
  } catch {
    return undefined;
  }
}

compiled().then((cli) => {
  if (cli !== undefined) {
    require(cli);
    return;
  }
  require('../../bin/typescript-loader.cjs')();
  require('../main.ts');
});
