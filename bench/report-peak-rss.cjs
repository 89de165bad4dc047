// Preloaded by `npm run bench` (node --require): writes the process's peak RSS
// to the file named by GOLDENPATH_BENCH_REPORT when the process exits.
const { writeFileSync } = require('node:fs');

const report = process.env.GOLDENPATH_BENCH_REPORT;
if (report) {
  process.on('exit', () => writeFileSync(report, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })));
}
