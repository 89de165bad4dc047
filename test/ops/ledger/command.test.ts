import { runCli } from '../../../ops/cli';
import { EXIT } from '../../../ops/exit-codes';
import { appendLedgerRow } from '../../../ops/ledger/ledger-file';
import { testRuntime } from '../support/runtime';

describe('goldenpath ledger', () => {
  it('prints count and p50/p95 per phase', async () => {
    const rt = testRuntime(undefined);
    for (const durationS of [10, 20, 30]) {
      appendLedgerRow(`${rt.ledgerDir}/ledger.csv`, { startUtc: 's', endUtc: 'e', phase: 'teardown', env: 'dev', buildId: 'b', durationS, exitCode: 0, resourcesDeleted: 0, resourcesLeft: 0, runUrl: '' });
    }
    expect(await runCli(['ledger', '--env', 'dev', '--json'], rt)).toBe(EXIT.ok);
    expect(JSON.parse(rt.out.join('')).phases).toEqual([{ phase: 'teardown', count: 3, p50DurationS: 20, p95DurationS: 30, failures: 0 }]);
  });

  it('exits 2 naming the file when there is no ledger', async () => {
    const rt = testRuntime(undefined);
    expect(await runCli(['ledger', '--env', 'dev', '--file', '/nonexistent/ledger.csv'], rt)).toBe(EXIT.usage);
    expect(rt.err.join('')).toMatch(/no ledger at \/nonexistent\/ledger.csv/);
  });
});
