import { appendLedgerRow } from '../../../ops/ledger/ledger-file';

/** A child process that appends `count` rows tagged with its writer id to one ledger file. */
const [file, writer, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  appendLedgerRow(file ?? '', {
    startUtc: new Date().toISOString(),
    endUtc: new Date().toISOString(),
    phase: 'orphans',
    env: 'dev',
    buildId: `w${writer}-r${i}`,
    durationS: i / 10,
    exitCode: 0,
    resourcesDeleted: i,
    resourcesLeft: 0,
    runUrl: `https://example.invalid/run?writer=${writer},"row"=${i}`,
  });
}
