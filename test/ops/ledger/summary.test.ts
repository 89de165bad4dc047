import { csvLine } from '../../../ops/ledger/csv';
import { LEDGER_COLUMNS, ledgerFields, type LedgerRow } from '../../../ops/ledger/schema';
import { parseLedger, percentile, summarizeLedger } from '../../../ops/ledger/summary';

const row = (phase: string, durationS: number, env = 'dev', exitCode = 0): LedgerRow => ({
  startUtc: '2026-01-23T10:00:00.000Z',
  endUtc: '2026-01-23T10:01:00.000Z',
  phase,
  env,
  buildId: '12',
  durationS,
  exitCode,
  resourcesDeleted: 3,
  resourcesLeft: 0,
  runUrl: '',
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95)]).toEqual([10, 19]);
  });
});

describe('summarizeLedger', () => {
  it('counts rows and reports p50/p95 duration and failures per phase of one env', () => {
    const rows = [row('teardown', 100), row('teardown', 300), row('teardown', 200, 'dev', 4), row('orphans', 5), row('teardown', 999, 'staging')];
    expect(summarizeLedger(rows, 'dev')).toEqual([
      { phase: 'orphans', count: 1, p50DurationS: 5, p95DurationS: 5, failures: 0 },
      { phase: 'teardown', count: 3, p50DurationS: 200, p95DurationS: 300, failures: 1 },
    ]);
  });
});

describe('parseLedger', () => {
  it('reads back what the schema writes', () => {
    const text = csvLine(LEDGER_COLUMNS) + csvLine(ledgerFields(row('teardown', 12.5)));
    expect(parseLedger(text)).toEqual([row('teardown', 12.5)]);
  });

  it('rejects a file whose header is not the ledger schema', () => {
    expect(() => parseLedger('a,b\n1,2\n')).toThrow(/is this a goldenpath ledger file/);
  });

  it('names the line of a torn row', () => {
    expect(() => parseLedger(`${csvLine(LEDGER_COLUMNS)}2026-01-23,x\n`)).toThrow(/ledger line 2: 2 fields/);
  });
});
