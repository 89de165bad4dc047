/**
 * Jest's TypeScript transform: esbuild strips the types of one file at a time
 * (tsconfig's isolatedModules makes that exact) for a fraction of the CPU of
 * ts-jest, which loads the TypeScript compiler in every worker. Type-checking
 * is `npm run typecheck`. No test uses jest.mock, so nothing needs babel's hoisting.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

const SELF = readFileSync(__filename);
/** The project's own compiler options (target, class fields, interop), as `tsc --noEmit` reads them. */
const TSCONFIG = readFileSync(join(__dirname, '../../tsconfig.json'), 'utf8');
/** esbuild's CommonJS exports are getters that cannot be redefined; jest.spyOn on a module's export needs them configurable. */
const EXPORT_GETTER = /__defProp\((target|to), (name|key), \{ get: /g;

module.exports = {
  canInstrument: false,
  getCacheKey(source, path) {
    return createHash('sha1').update(version).update(SELF).update(TSCONFIG).update('\0').update(path).update('\0').update(source).digest('hex');
  },
  process(source, path) {
    const { code, map } = transformSync(source, {
      loader: path.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcemap: 'external',
      sourcefile: path,
      tsconfigRaw: TSCONFIG,
    });
    const patched = code.replace(EXPORT_GETTER, '__defProp($1, $2, { configurable: true, get: ');
    // A newer esbuild that spells its export helper otherwise must fail here, not as a puzzling spyOn error later.
    if (patched === code && code.includes('__export(')) throw new Error(`esbuild ${version} no longer writes exports as the transformer expects (test/support/esbuild-transformer.cjs): ${path}`);
    return { code: patched, map };
  },
};
