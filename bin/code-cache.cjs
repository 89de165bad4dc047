/**
 * Runs a CommonJS bundle with V8's code cache. Compiling the megabytes of
 * dist/synth.cjs is a tenth of a synth; the bytecode of the bundle, including
 * every function its run compiled lazily, is kept beside it
 * (`<bundle>.v8cache`), so later runs skip that work. V8 rejects a cache made
 * for another source or Node version; the run then writes a fresh one. (What
 * Node 22's module.enableCompileCache does, but with the lazily compiled
 * functions too, and on every Node the project runs on.)
 */
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

/** Runs `file` as a CommonJS module; call save() once its work is done, so the cache holds what that work compiled. */
function runWithCodeCache(file) {
  const cacheFile = `${file}.v8cache`;
  const source = readFileSync(file, 'utf8');
  const sourceHash = createHash('sha1').update(source).digest();
  let cachedData;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, sourceHash.length).equals(sourceHash)) cachedData = cache.subarray(sourceHash.length);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return {
    /** Writes the cache when there was none or V8 refused it; never fails the run that used it. */
    save() {
      if (cachedData !== undefined && !script.cachedDataRejected) return;
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([sourceHash, script.createCachedData()]));
        renameSync(tmp, cacheFile);
      } catch {
        // A read-only checkout only loses the speed-up.
        rmSync(tmp, { force: true });
      }
    },
  };
}

module.exports = { runWithCodeCache };
