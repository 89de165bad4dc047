import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendLedgerRow, readLedger } from '../../../ops/ledger/ledger-file';
import { LEDGER_COLUMNS } from '../../../ops/ledger/schema';

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
    const rows = readLedger(file);
    expect(rows).toHaveLength(WRITERS * ROWS);
    const ids = new Set(rows.map((r) => r.buildId));
    for (let w = 0; w < WRITERS; w++) for (let i = 0; i < ROWS; i++) expect(ids.has(`w${w}-r${i}`)).toBe(true);
    expect(rows.every((r) => r.runUrl.endsWith(`"row"=${r.buildId.split('-r')[1]}`))).toBe(true);
  });

  it('appends after earlier rows without rewriting them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.csv');
    const base = { startUtc: 's', endUtc: 'e', phase: 'teardown', env: 'dev', durationS: 1, exitCode: 0, resourcesDeleted: 0, resourcesLeft: 0, runUrl: '' };
    appendLedgerRow(file, { ...base, buildId: 'first' });
    const before = readFileSync(file, 'utf8');
    appendLedgerRow(file, { ...base, buildId: 'second' });
    expect(readFileSync(file, 'utf8').startsWith(before)).toBe(true);
  });

  it('refuses a row too long to append atomically', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.csv');
    const long = { startUtc: 's', endUtc: 'e', phase: 'teardown', env: 'dev', buildId: 'b', durationS: 1, exitCode: 0, resourcesDeleted: 0, resourcesLeft: 0, runUrl: 'x'.repeat(2000) };
    expect(() => appendLedgerRow(file, long)).toThrow(/shorten run_url/);
  });
});
