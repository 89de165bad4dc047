import fc from 'fast-check';
import { csvLine, parseCsv } from '../../../ops/ledger/csv';

describe('CSV', () => {
  it('quotes fields holding commas, quotes and newlines', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny'])).toBe('a,"b,c","say ""hi""","x\ny"\n');
  });

  it('parses what it writes, for any fields', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (records) => {
        expect(parseCsv(records.map(csvLine).join(''))).toEqual(records);
      }),
    );
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
  });
});
