/**
 * Runs a module in this process and reports its peak RSS on exit, so the
 * benchmark measures a real synth process from start to finish.
 * Usage: node --import tsx bench/measure-process.ts <module> <report-file>
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [target, report] = process.argv.slice(2);
if (!target || !report) {
  process.stderr.write('usage: measure-process.ts <module> <report-file>\n');
  process.exit(2);
}
process.on('exit', () => {
  writeFileSync(report, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(resolve(target));
