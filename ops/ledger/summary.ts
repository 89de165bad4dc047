import { parseCsv } from './csv';
import { LEDGER_COLUMNS, ledgerRowOf, type LedgerRow } from './schema';

/** Parses a ledger file's text; the header must be the schema's. */
export function parseLedger(text: string): LedgerRow[] {
  const [header, ...records] = parseCsv(text);
  if (header === undefined) return [];
  if (header.join(',') !== LEDGER_COLUMNS.join(',')) {
    throw new Error(`ledger header is "${header.join(',')}", expected "${LEDGER_COLUMNS.join(',')}": is this a goldenpath ledger file?`);
  }
  return records.map((fields, i) => ledgerRowOf(fields, i + 2));
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface PhaseSummary {
  readonly phase: string;
  readonly count: number;
  readonly p50DurationS: number;
  readonly p95DurationS: number;
  readonly failures: number;
}

/** Count and p50/p95 duration per phase, phases in name order. */
export function summarizeLedger(rows: readonly LedgerRow[], env: string): PhaseSummary[] {
  const byPhase = new Map<string, LedgerRow[]>();
  for (const row of rows.filter((r) => r.env === env)) byPhase.set(row.phase, [...(byPhase.get(row.phase) ?? []), row]);
  return [...byPhase.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([phase, list]) => {
      const durations = list.map((r) => r.durationS);
      return {
        phase,
        count: list.length,
        p50DurationS: percentile(durations, 50),
        p95DurationS: percentile(durations, 95),
        failures: list.filter((r) => r.exitCode !== 0).length,
      };
    });
}
