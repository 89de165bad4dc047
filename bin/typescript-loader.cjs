/**
 * Registers tsx (transpile only, no type-check) for this project's
 * TypeScript, while files under node_modules keep Node's own loader.
 *
 * tsx's CommonJS hook lexes every plain .js file it loads to detect ESM
 * syntax. cdktf, the provider bindings, zod and the AWS SDK are large
 * CommonJS packages: lexing them cost about a third of a synth. Every
 * dependency the program loads is CommonJS, so Node's handler is the right one.
 */
const Module = require('node:module');
const { sep } = require('node:path');

const NODE_MODULES = `${sep}node_modules${sep}`;

module.exports = function registerTypeScript() {
  const nodeJs = Module._extensions['.js'];
  require('tsx/cjs');
  const tsxJs = Module._extensions['.js'];
  Module._extensions['.js'] = function loadJs(module, filename) {
    return (filename.includes(NODE_MODULES) ? nodeJs : tsxJs).call(this, module, filename);
  };
};
