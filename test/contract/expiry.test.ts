import { buildExpiresAt, parseExpiresAt } from '../../contract/expiry';
import { SelectionError } from '../../contract/parse-selection';

describe('buildExpiresAt', () => {
  it('counts the TTL from the end of the UTC day a YY-MM-DD-NN buildId names', () => {
    expect(buildExpiresAt('26-01-23-01', 8)).toBe('2026-01-24T08:00:00Z');
  });

  it('counts the TTL from an explicit start time', () => {
    expect(buildExpiresAt('26-01-23-01', 8, '2026-01-23T07:30:00Z')).toBe('2026-01-23T15:30:00Z');
  });

  it('honours the offset of an explicit start time', () => {
    expect(buildExpiresAt('feature-x', 4, '2026-01-23T09:00:00+02:00')).toBe('2026-01-23T11:00:00Z');
  });

  it('gives the same answer on every call (deterministic, no clock)', () => {
    expect(buildExpiresAt('26-12-31-07', 8)).toBe(buildExpiresAt('26-12-31-07', 8));
  });

  it('rolls over month and year ends', () => {
    expect(buildExpiresAt('26-12-31-07', 8)).toBe('2027-01-01T08:00:00Z');
  });

  it('accepts 29 February in a leap year', () => {
    expect(buildExpiresAt('28-02-29-01', 1)).toBe('2028-03-01T01:00:00Z');
  });

  it('asks for GOLDENPATH_BUILD_STARTED_AT when the buildId is not in the default form', () => {
    expect(() => buildExpiresAt('feature-x', 8)).toThrow(SelectionError);
    expect(() => buildExpiresAt('feature-x', 8)).toThrow(/^GOLDENPATH_BUILD_STARTED_AT: is required because GOLDENPATH_BUILD_ID "feature-x" is not in the YY-MM-DD-NN form/);
  });

  it.each(['26-02-30-01', '25-02-29-01', '26-13-01-01', '26-00-10-01', '26-04-31-01'])(
    'rejects %s, which names no real date, naming GOLDENPATH_BUILD_ID',
    (id) => {
      expect(() => buildExpiresAt(id, 8)).toThrow(new SelectionError('GOLDENPATH_BUILD_ID', `"${id}" names no real date (YY-MM-DD-NN); use the build's UTC date, or set GOLDENPATH_BUILD_STARTED_AT`));
    },
  );

  it.each([
    ['no offset (would be read as local time)', '2026-01-23T07:00:00'],
    ['an impossible day', '2026-02-30T07:00:00Z'],
    ['a date without a time', '2026-01-23'],
    ['free text', 'yesterday'],
  ])('rejects a start time with %s, naming GOLDENPATH_BUILD_STARTED_AT', (_what, start) => {
    expect(() => buildExpiresAt('26-01-23-01', 8, start)).toThrow(/^GOLDENPATH_BUILD_STARTED_AT: ".*" is not an ISO-8601 timestamp/);
  });
});

describe('parseExpiresAt', () => {
  it('reads the form buildExpiresAt writes', () => {
    expect(parseExpiresAt(buildExpiresAt('26-01-23-01', 8))).toBe(Date.UTC(2026, 0, 24, 8));
  });

  it.each(['1', '0', '12', '2026-01-24', '2026-01-24T08:00:00', '2026-01-24T08:00:00+01:00', '2026-02-30T08:00:00Z', ' 2026-01-24T08:00:00Z', ''])(
    'refuses %j (not strict ISO-8601 UTC with a real date)',
    (value) => {
      expect(parseExpiresAt(value)).toBeUndefined();
    },
  );
});
