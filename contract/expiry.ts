import { DEFAULT_BUILD_ID_PATTERN } from './build-id';
import { SelectionError, SELECTION_VARIABLES } from './parse-selection';

const HOUR_MS = 3_600_000;

/**
 * When a build's resources may be reaped. Deterministic so two synths agree:
 * from the explicit start time when CI gives one, otherwise from the end of
 * the UTC day the default-form buildId names (never earlier than the real start).
 */
export function buildExpiresAt(buildId: string, ttlHours: number, startedAt?: string): string {
  const start = startedAt !== undefined ? parseStart(startedAt) : endOfBuildDay(buildId);
  return new Date(start + ttlHours * HOUR_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An explicit offset is required: without one, Date.parse reads local time and two machines would disagree. */
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseStart(startedAt: string): number {
  const parts = ISO_TIMESTAMP.exec(startedAt);
  const ms = Date.parse(startedAt);
  // Date.parse rolls impossible days over (2026-02-30 becomes March 2), so the calendar date is checked too.
  if (!parts || Number.isNaN(ms) || !isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) {
    throw new SelectionError(SELECTION_VARIABLES.buildStartedAt, `"${startedAt}" is not an ISO-8601 timestamp with a real date and an explicit offset (e.g. 2026-01-23T07:00:00Z)`);
  }
  return ms;
}

function endOfBuildDay(buildId: string): number {
  if (!DEFAULT_BUILD_ID_PATTERN.test(buildId)) {
    throw new SelectionError(
      SELECTION_VARIABLES.buildStartedAt,
      `is required because ${SELECTION_VARIABLES.buildId} "${buildId}" is not in the YY-MM-DD-NN form, so its expiry cannot be derived: set it to the build's start time (ISO-8601 UTC)`,
    );
  }
  const [yy, mm, dd] = buildId.split('-').map(Number) as [number, number, number];
  if (!isCalendarDate(2000 + yy, mm, dd)) {
    throw new SelectionError(
      SELECTION_VARIABLES.buildId,
      `"${buildId}" names no real date (YY-MM-DD-NN); use the build's UTC date, or set ${SELECTION_VARIABLES.buildStartedAt}`,
    );
  }
  return Date.UTC(2000 + yy, mm - 1, dd) + 24 * HOUR_MS;
}

/**
 * The one form `expires-at` tags are written in (buildExpiresAt): ISO-8601 in
 * UTC with seconds, `Z` and nothing else. Reading is as strict as writing:
 * Date.parse reads `1`, `0` and `12` as years and would reap a live build.
 */
const EXPIRES_AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/;

/** The instant an `expires-at` tag value names, or undefined when it is not strict ISO-8601 UTC with a real date and time. */
export function parseExpiresAt(value: string): number | undefined {
  const parts = EXPIRES_AT.exec(value);
  if (parts === null) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.parse(value);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
