import { DEFAULT_BUILD_ID_PATTERN } from './build-id';

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

function parseStart(startedAt: string): number {
  const ms = Date.parse(startedAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(startedAt) || Number.isNaN(ms)) {
    throw new Error(`GOLDENPATH_BUILD_STARTED_AT "${startedAt}" is not an ISO-8601 UTC timestamp (e.g. 2026-01-23T07:00:00Z)`);
  }
  return ms;
}

function endOfBuildDay(buildId: string): number {
  if (!DEFAULT_BUILD_ID_PATTERN.test(buildId)) {
    throw new Error(
      `buildId "${buildId}" is not in the YY-MM-DD-NN form, so its expiry cannot be derived: set GOLDENPATH_BUILD_STARTED_AT to the build's start time (ISO-8601 UTC)`,
    );
  }
  const [yy, mm, dd] = buildId.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(2000 + yy, mm - 1, dd);
  const check = new Date(day);
  if (check.getUTCMonth() !== mm - 1 || check.getUTCDate() !== dd) {
    throw new Error(`buildId "${buildId}" names no real date (YY-MM-DD-NN); use today's UTC date`);
  }
  return day + 24 * HOUR_MS;
}
