// Preloaded by `npm run bench` (NODE_OPTIONS=--require): every Node process of a
// timed run writes its peak RSS to <GOLDENPATH_BENCH_REPORT>.<pid>.json on exit
// (`npm run synth` is npm and the node it starts; the bench takes the largest).
const { writeFileSync } = require('node:fs');

const report = process.env.GOLDENPATH_BENCH_REPORT;
if (report) {
  process.on('exit', () => writeFileSync(`${report}.${process.pid}.json`, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
}
