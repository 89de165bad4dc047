import { parseCsvLine } from './csv';
import { LEDGER_HEADER, ledgerRowOf, type LedgerRow } from './schema';

/** A line or object that is not a ledger row: skipped and counted, never fatal. */
export interface SkippedRecord {
  /** `file:line` or the object key. */
  readonly where: string;
  readonly problem: string;
}

export interface ParsedLedger {
  readonly rows: LedgerRow[];
  readonly skipped: SkippedRecord[];
  /** Whether a header line was seen: text with neither a header nor a row is not a ledger. */
  readonly headerSeen: boolean;
}

/**
 * Parses ledger text line by line. A header may repeat (two writers that
 * found the same empty file); a blank line is nothing; every other line that
 * is not a valid row (torn, truncated, foreign, hand-edited) is skipped and
 * counted, and the lines around it still count.
 */
export function parseLedgerText(text: string, source: string): ParsedLedger {
  const rows: LedgerRow[] = [];
  const skipped: SkippedRecord[] = [];
  let headerSeen = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (line === LEDGER_HEADER) {
      headerSeen = true;
      return;
    }
    const where = `${source}:${i + 1}`;
    let fields: string[];
    try {
      fields = parseCsvLine(line);
    } catch (err) {
      skipped.push({ where, problem: (err as Error).message });
      return;
    }
    const parsed = ledgerRowOf(fields);
    if ('row' in parsed) rows.push(parsed.row);
    else skipped.push({ where, problem: parsed.problem });
  });
  return { rows, skipped, headerSeen };
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

export interface BuildTimeline {
  readonly buildId: string;
  /** The earliest start of any of its rows. */
  readonly startedUtc: string;
  /** Every row of the build, oldest first. */
  readonly phases: readonly { readonly phase: string; readonly durationS: number; readonly exitCode: number; readonly startUtc: string }[];
}

/** The `count` most recently started builds of an env, newest first; env-wide rows (no build id) are not builds. */
export function lastBuilds(rows: readonly LedgerRow[], env: string, count: number): BuildTimeline[] {
  const byBuild = new Map<string, LedgerRow[]>();
  for (const row of rows) if (row.env === env && row.buildId !== '') byBuild.set(row.buildId, [...(byBuild.get(row.buildId) ?? []), row]);
  return [...byBuild.entries()]
    .map(([buildId, list]) => {
      const sorted = [...list].sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc));
      return {
        buildId,
        startedUtc: sorted[0]!.startUtc,
        phases: sorted.map((r) => ({ phase: r.phase, durationS: r.durationS, exitCode: r.exitCode, startUtc: r.startUtc })),
      };
    })
    .sort((a, b) => Date.parse(b.startedUtc) - Date.parse(a.startedUtc) || b.buildId.localeCompare(a.buildId))
    .slice(0, count);
}

/** Rows that started at or after `since`. */
export function rowsSince(rows: readonly LedgerRow[], since: Date | undefined): LedgerRow[] {
  return since === undefined ? [...rows] : rows.filter((r) => Date.parse(r.startUtc) >= since.getTime());
}
