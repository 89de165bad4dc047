import { closeSync, existsSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, readSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { csvLine } from './csv';
import { LEDGER_COLUMNS, ledgerFields, ledgerRowProblems, type LedgerRow } from './schema';
import { parseLedgerText, type ParsedLedger } from './summary';

/** A row the schema refuses; the commands check theirs before any work, so this names a bug or a bad CI variable. */
export class LedgerRowError extends Error {
  constructor(problems: readonly string[]) {
    super(`ledger row refused: ${problems.join('; ')}`);
    this.name = 'LedgerRowError';
  }
}

export function assertLedgerRow(row: LedgerRow): void {
  const problems = ledgerRowProblems(row);
  if (problems.length > 0) throw new LedgerRowError(problems);
}

/**
 * Creates the file with its header exactly once. The header is written to a
 * private temp file and hard-linked into place: link() fails with EEXIST like
 * O_EXCL, but the file never exists without its header, so a concurrent
 * writer cannot append a row before the header.
 */
function ensureFile(file: string): void {
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

/**
 * What must precede a row so it starts on a line of its own: the header for a
 * file someone left empty, a newline after a last line a killed writer left
 * without one (so the torn line is skipped alone and this row survives).
 */
function separatorFor(fd: number): string {
  const size = fstatSync(fd).size;
  if (size === 0) return csvLine(LEDGER_COLUMNS);
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a ? '' : '\n';
}

/** Appends one row with a single write on an O_APPEND descriptor; earlier rows are never rewritten. */
export function appendLedgerRow(file: string, row: LedgerRow): void {
  assertLedgerRow(row);
  ensureFile(file);
  const fd = openSync(file, 'a+');
  try {
    const text = Buffer.from(separatorFor(fd) + csvLine(ledgerFields(row)));
    const written = writeSync(fd, text);
    if (written !== text.length) throw new Error(`short write to ledger ${file}: ${written} of ${text.length} bytes`);
  } finally {
    closeSync(fd);
  }
}

export function readLedgerFile(file: string): ParsedLedger {
  return parseLedgerText(readFileSync(file, 'utf8'), file);
}
