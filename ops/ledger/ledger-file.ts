import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { csvLine } from './csv';
import { LEDGER_COLUMNS, ledgerFields, type LedgerRow } from './schema';
import { parseLedger } from './summary';

/** Linux guarantees atomic appends up to PIPE_BUF; rows must stay far below it. */
export const MAX_ROW_BYTES = 4096 / 4;

/**
 * Creates the file with its header exactly once. The header is written to a
 * private temp file and hard-linked into place: link() fails with EEXIST like
 * O_EXCL, but the file never exists without its header, so a concurrent
 * writer cannot append a row before the header.
 */
function ensureHeader(file: string): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.ledger-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  writeFileSync(temp, csvLine(LEDGER_COLUMNS), { flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temp);
  }
}

/** Appends one row with a single write on an O_APPEND descriptor; earlier rows are never rewritten. */
export function appendLedgerRow(file: string, row: LedgerRow): void {
  const line = Buffer.from(csvLine(ledgerFields(row)));
  if (line.length > MAX_ROW_BYTES) throw new Error(`ledger row is ${line.length} bytes, over the ${MAX_ROW_BYTES}-byte limit for atomic appends: shorten run_url`);
  ensureHeader(file);
  const fd = openSync(file, 'a');
  try {
    const written = writeSync(fd, line);
    if (written !== line.length) throw new Error(`short write to ledger ${file}: ${written} of ${line.length} bytes`);
  } finally {
    closeSync(fd);
  }
}

export function readLedger(file: string): LedgerRow[] {
  return parseLedger(readFileSync(file, 'utf8'));
}
