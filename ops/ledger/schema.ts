/** The one ledger schema: every writer appends these columns, in this order. */
export const LEDGER_COLUMNS = [
  'start_utc',
  'end_utc',
  'phase',
  'env',
  'build_id',
  'duration_s',
  'exit_code',
  'resources_deleted',
  'resources_left',
  'run_url',
] as const;

export interface LedgerRow {
  readonly startUtc: string;
  readonly endUtc: string;
  readonly phase: string;
  readonly env: string;
  /** Empty for env-wide runs (e.g. the reaper). */
  readonly buildId: string;
  readonly durationS: number;
  readonly exitCode: number;
  readonly resourcesDeleted: number;
  readonly resourcesLeft: number;
  /** The CI run that wrote the row; empty outside CI. */
  readonly runUrl: string;
}

export function ledgerFields(row: LedgerRow): string[] {
  return [
    row.startUtc,
    row.endUtc,
    row.phase,
    row.env,
    row.buildId,
    row.durationS.toFixed(3),
    String(row.exitCode),
    String(row.resourcesDeleted),
    String(row.resourcesLeft),
    row.runUrl,
  ];
}

/** Parses one data record; throws naming the line and the column at fault. */
export function ledgerRowOf(fields: readonly string[], line: number): LedgerRow {
  if (fields.length !== LEDGER_COLUMNS.length) {
    throw new Error(`ledger line ${line}: ${fields.length} fields, expected ${LEDGER_COLUMNS.length} (${LEDGER_COLUMNS.join(',')})`);
  }
  const num = (i: number): number => {
    const v = Number(fields[i]);
    if (fields[i] === '' || !Number.isFinite(v)) throw new Error(`ledger line ${line}: ${LEDGER_COLUMNS[i]} "${fields[i]}" is not a number`);
    return v;
  };
  const f = (i: number): string => fields[i] ?? '';
  return {
    startUtc: f(0),
    endUtc: f(1),
    phase: f(2),
    env: f(3),
    buildId: f(4),
    durationS: num(5),
    exitCode: num(6),
    resourcesDeleted: num(7),
    resourcesLeft: num(8),
    runUrl: f(9),
  };
}
