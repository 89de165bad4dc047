import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const CODE_CACHE = resolve(__dirname, '../../bin/code-cache.cjs');

/** Runs `file` through bin/code-cache.cjs in a fresh Node, as bin/synth.cjs does; returns what it printed. */
function run(file: string): string {
  const script = `const run = require(${JSON.stringify(CODE_CACHE)}).runWithCodeCache(${JSON.stringify(file)}); run.save();`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

function bundle(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gp-code-cache-'));
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, text);
  return file;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest();

describe('the V8 code cache of a bundle (bin/code-cache.cjs)', () => {
  it('runs the bundle as a CommonJS module and writes its cache, led by the SHA-1 of the source', () => {
    const source = "process.stdout.write(typeof require('node:path').join + ' ' + typeof module.exports + ' ' + require('node:path').basename(__filename));";
    const file = bundle(source);
    expect(run(file)).toBe('function object bundle.cjs');
    const cache = readFileSync(`${file}.v8cache`);
    expect(cache.subarray(0, 20).equals(sha1(source))).toBe(true);
    expect(cache.length).toBeGreaterThan(20);
  });

  it('leaves a cache V8 accepted untouched on the next run', () => {
    const file = bundle("process.stdout.write('same');");
    run(file);
    const before = statSync(`${file}.v8cache`).mtimeMs;
    expect(run(file)).toBe('same');
    expect(statSync(`${file}.v8cache`).mtimeMs).toBe(before);
  });

  it('ignores and replaces the cache of another source of the same length (which V8 alone would accept)', () => {
    const first = "process.stdout.write('aaaa');";
    const second = "process.stdout.write('bbbb');";
    expect(second.length).toBe(first.length);
    const file = bundle(first);
    expect(run(file)).toBe('aaaa');
    writeFileSync(file, second);
    expect(run(file)).toBe('bbbb');
    expect(readFileSync(`${file}.v8cache`).subarray(0, 20).equals(sha1(second))).toBe(true);
  });

  it('runs from a garbage cache and replaces it', () => {
    const source = "process.stdout.write('ok');";
    const file = bundle(source);
    writeFileSync(`${file}.v8cache`, Buffer.concat([sha1(source), Buffer.from('not bytecode')]));
    expect(run(file)).toBe('ok');
    expect(readFileSync(`${file}.v8cache`).length).toBeGreaterThan(20 + 'not bytecode'.length);
  });

  it('still runs where the cache cannot be written', () => {
    const file = bundle("process.stdout.write('unwritable');");
    // A folder where the cache file would go: no user, root included, can write the cache there.
    mkdirSync(`${file}.v8cache`);
    expect(run(file)).toBe('unwritable');
    expect(statSync(`${file}.v8cache`).isDirectory()).toBe(true);
    expect(readdirSync(dirname(file)).sort()).toEqual(['bundle.cjs', 'bundle.cjs.v8cache']);
  });
});
