import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendLedgerRow, readLedgerFile } from '../../../ops/ledger/ledger-file';
import { LEDGER_COLUMNS, LEDGER_HEADER, type LedgerRow } from '../../../ops/ledger/schema';

const WRITERS = 8;
const ROWS = 200;

function writer(file: string, id: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'ledger-writer.fixture.ts'), file, String(id), String(ROWS)], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

describe('ledger file', () => {
  it(`keeps every row of ${WRITERS} concurrent processes x ${ROWS} rows whole, with the header once`, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.csv');
    const codes = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(file, i)));
    expect(codes).toEqual(Array(WRITERS).fill(0));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((l) => l === LEDGER_COLUMNS.join(','))).toHaveLength(1);
    expect(text.startsWith(`${LEDGER_COLUMNS.join(',')}\n`)).toBe(true);
    const { rows, skipped } = readLedgerFile(file);
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(WRITERS * ROWS);
    const ids = new Set(rows.map((r) => r.buildId));
    for (let w = 0; w < WRITERS; w++) for (let i = 0; i < ROWS; i++) expect(ids.has(`w${w}-r${i}`)).toBe(true);
    expect(rows.every((r) => r.runUrl.endsWith(`"row"=${r.buildId.split('-r')[1]}`))).toBe(true);
  });

  const base: Omit<LedgerRow, 'buildId'> = { startUtc: '2026-01-23T10:00:00.000Z', endUtc: '2026-01-23T10:00:01.000Z', phase: 'teardown', env: 'dev', durationS: 1, exitCode: 0, resourcesDeleted: 0, resourcesLeft: 0, runUrl: '' };
  const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.csv');

  it('appends after earlier rows without rewriting them', () => {
    const file = fresh();
    appendLedgerRow(file, { ...base, buildId: 'first' });
    const before = readFileSync(file, 'utf8');
    appendLedgerRow(file, { ...base, buildId: 'second' });
    expect(readFileSync(file, 'utf8').startsWith(before)).toBe(true);
  });

  it('writes the header into a file someone left empty', () => {
    const file = fresh();
    writeFileSync(file, '');
    appendLedgerRow(file, { ...base, buildId: 'first' });
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(LEDGER_HEADER);
    expect(readLedgerFile(file).rows).toHaveLength(1);
  });

  it('starts a new line after a last line a killed writer left without one, so both neighbours survive', () => {
    const file = fresh();
    appendLedgerRow(file, { ...base, buildId: 'first' });
    writeFileSync(file, `${readFileSync(file, 'utf8')}2026-01-23T10:00:00.000Z,2026-01-2`);
    appendLedgerRow(file, { ...base, buildId: 'third' });
    const parsed = readLedgerFile(file);
    expect(parsed.rows.map((r) => r.buildId)).toEqual(['first', 'third']);
    expect(parsed.skipped).toEqual([{ where: `${file}:3`, problem: expect.stringMatching(/fields/) }]);
  });

  it('refuses a row too long to append atomically, writing nothing', () => {
    const file = fresh();
    expect(() => appendLedgerRow(file, { ...base, buildId: 'b', runUrl: `https://x.invalid/${'x'.repeat(2000)}` })).toThrow(/shorten run_url/);
    expect(() => readFileSync(file)).toThrow(/ENOENT/);
  });

  it('reads a directory as an error the command can name', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'd');
    mkdirSync(dir);
    expect(() => readLedgerFile(dir)).toThrow(/EISDIR/);
  });
});
