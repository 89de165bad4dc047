import { csvLine } from '../../../ops/ledger/csv';
import { LEDGER_COLUMNS, LEDGER_HEADER, ledgerFields, ledgerRowProblems, type LedgerPhase, type LedgerRow } from '../../../ops/ledger/schema';
import { lastBuilds, parseLedgerText, percentile, rowsSince, summarizeLedger } from '../../../ops/ledger/summary';

const row = (phase: LedgerPhase, durationS: number, env = 'dev', exitCode = 0, buildId = '12', startUtc = '2026-01-23T10:00:00.000Z'): LedgerRow => ({
  startUtc,
  endUtc: new Date(Date.parse(startUtc) + durationS * 1000).toISOString(),
  phase,
  env,
  buildId,
  durationS,
  exitCode,
  resourcesDeleted: 3,
  resourcesLeft: 0,
  runUrl: '',
});
const line = (r: LedgerRow): string => csvLine(ledgerFields(r));
const header = csvLine(LEDGER_COLUMNS);

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

describe('lastBuilds', () => {
  it('lists the most recently started builds first, each with its phases in order', () => {
    const rows = [
      row('teardown', 50, 'dev', 0, 'a', '2026-01-23T11:00:00.000Z'),
      row('deploy-cluster', 900, 'dev', 0, 'a', '2026-01-23T10:00:00.000Z'),
      row('deploy-cluster', 800, 'dev', 1, 'b', '2026-01-24T10:00:00.000Z'),
      row('orphans', 5, 'dev', 0, '', '2026-01-25T10:00:00.000Z'),
      row('deploy-cluster', 800, 'staging', 0, 'c', '2026-01-26T10:00:00.000Z'),
    ];
    const builds = lastBuilds(rows, 'dev', 5);
    expect(builds.map((b) => b.buildId)).toEqual(['b', 'a']);
    expect(builds[1]?.phases.map((p) => p.phase)).toEqual(['deploy-cluster', 'teardown']);
    expect(lastBuilds(rows, 'dev', 1).map((b) => b.buildId)).toEqual(['b']);
  });
});

describe('rowsSince', () => {
  it('keeps rows that started at or after the instant', () => {
    const rows = [row('teardown', 1, 'dev', 0, 'a', '2026-01-22T23:59:59.999Z'), row('teardown', 1, 'dev', 0, 'b', '2026-01-23T00:00:00.000Z')];
    expect(rowsSince(rows, new Date('2026-01-23T00:00:00Z')).map((r) => r.buildId)).toEqual(['b']);
  });
});

describe('parseLedgerText', () => {
  it('reads back what the schema writes', () => {
    expect(parseLedgerText(header + line(row('teardown', 12.5)), 'f')).toEqual({ rows: [row('teardown', 12.5)], skipped: [], headerSeen: true });
  });

  it('skips and counts a corrupt line, naming it, and keeps the rows around it', () => {
    const parsed = parseLedgerText(header + line(row('teardown', 1)) + '2026-01-23,x\n' + line(row('orphans', 2)), 'ledger.csv');
    expect(parsed.rows.map((r) => r.phase)).toEqual(['teardown', 'orphans']);
    expect(parsed.skipped).toEqual([{ where: 'ledger.csv:3', problem: expect.stringMatching(/2 fields, expected 10/) }]);
  });

  it('never lets a truncated line swallow the next one, even inside an open quote', () => {
    const torn = line(row('teardown', 1)).slice(0, 30);
    const parsed = parseLedgerText(`${header}${torn}\n"2026,${'\n'}${line(row('orphans', 2))}`, 'f');
    expect(parsed.rows.map((r) => r.phase)).toEqual(['orphans']);
    expect(parsed.skipped).toHaveLength(2);
  });

  it('accepts a header that starts with a byte order mark', () => {
    expect(parseLedgerText(`\uFEFF${header}${line(row('teardown', 1))}`, 'f')).toMatchObject({ headerSeen: true, skipped: [] });
  });

  it('accepts a repeated header (two writers that found the same empty file)', () => {
    expect(parseLedgerText(header + line(row('teardown', 1)) + header, 'f').skipped).toEqual([]);
  });

  it('reads CRLF line ends', () => {
    expect(parseLedgerText((header + line(row('teardown', 1))).replace(/\n/g, '\r\n'), 'f').rows).toHaveLength(1);
  });

  it.each([
    ['a hex duration', { duration: '0x10' }, /duration_s "0x10"/],
    ['a negative duration', { duration: '-5.000' }, /duration_s "-5.000"/],
    ['an exponent duration', { duration: '1e3' }, /duration_s "1e3"/],
    ['an impossible date', { start: '2026-02-30T10:00:00.000Z' }, /start_utc/],
    ['an end before the start', { end: '2026-01-23T09:00:00.000Z' }, /before start_utc/],
    ['an unknown phase', { phase: 'deploy' }, /phase "deploy"/],
    ['an exit code over 255', { exit: '256' }, /exit_code "256"/],
    ['a build id with capitals', { build: 'B-12' }, /build_id "B-12"/],
    ['a run url that is not https', { url: 'javascript:alert(1)' }, /run_url/],
  ])('skips a row with %s', (_what, change, problem) => {
    const c = change as Partial<Record<'duration' | 'start' | 'end' | 'phase' | 'exit' | 'build' | 'url', string>>;
    const fields = [c.start ?? '2026-01-23T10:00:00.000Z', c.end ?? '2026-01-23T10:01:00.000Z', c.phase ?? 'teardown', 'dev', c.build ?? '12', c.duration ?? '60.000', c.exit ?? '0', '0', '0', c.url ?? ''];
    const parsed = parseLedgerText(header + csvLine(fields), 'f');
    expect(parsed.rows).toEqual([]);
    expect(parsed.skipped[0]?.problem).toMatch(problem);
  });

  it('sees no header in text that is not a ledger', () => {
    expect(parseLedgerText('{"name": "x"}\n', 'package.json')).toMatchObject({ rows: [], headerSeen: false });
  });
});

describe('ledgerRowProblems', () => {
  it('accepts a good row', () => {
    expect(ledgerRowProblems(row('teardown', 1))).toEqual([]);
  });

  it('refuses a row over 1024 bytes, naming run_url', () => {
    expect(ledgerRowProblems({ ...row('teardown', 1), runUrl: `https://github.com/o/r/actions/runs/${'1'.repeat(1100)}` })).toEqual([expect.stringMatching(/over the 1024-byte limit.*shorten run_url/)]);
  });

  it('refuses a negative or non-finite duration', () => {
    expect(ledgerRowProblems({ ...row('teardown', 1), durationS: -1 }).join()).toMatch(/duration_s/);
    expect(ledgerRowProblems({ ...row('teardown', 1), durationS: Number.NaN }).join()).toMatch(/duration_s/);
  });

  it('keeps the header the column list', () => {
    expect(LEDGER_HEADER).toBe(LEDGER_COLUMNS.join(','));
  });
});
