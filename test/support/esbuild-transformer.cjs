/**
 * Jest's TypeScript transform: esbuild strips the types of one file at a time
 * (tsconfig's isolatedModules makes that exact) for a fraction of the CPU of
 * ts-jest, which loads the TypeScript compiler in every worker. Type-checking
 * is `npm run typecheck`. No test uses jest.mock, so nothing needs babel's hoisting.
 */
const { readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { transformSync, version } = require('esbuild');

const SELF = readFileSync(__filename);
const TSCONFIG_RAW = { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, esModuleInterop: true } };
/** esbuild's CommonJS exports are getters that cannot be redefined; jest.spyOn on a module's export needs them configurable. */
const EXPORT_GETTER = /__defProp\((target|to), (name|key), \{ get: /g;

module.exports = {
  canInstrument: false,
  getCacheKey(source, path) {
    return createHash('sha1').update(version).update(SELF).update('\0').update(path).update('\0').update(source).digest('hex');
  },
  process(source, path) {
    const { code, map } = transformSync(source, {
      loader: path.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      platform: 'node',
      sourcemap: 'external',
      sourcefile: path,
      tsconfigRaw: TSCONFIG_RAW,
    });
    return { code: code.replace(EXPORT_GETTER, '__defProp($1, $2, { configurable: true, get: '), map };
  },
};
