import fc from 'fast-check';
import { csvLine, parseCsvLine } from '../../../ops/ledger/csv';

describe('CSV', () => {
  it('quotes fields holding commas, quotes and newlines', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny'])).toBe('a,"b,c","say ""hi""","x\ny"\n');
  });

  it('parses a line it writes, for any fields without line breaks', () => {
    const field = fc.string().filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(parseCsvLine(csvLine(fields).slice(0, -1))).toEqual(fields);
      }),
    );
  });

  it('rejects an unterminated quoted field, which ends with its line', () => {
    expect(() => parseCsvLine('a,"b')).toThrow(/unterminated/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsvLine('"a"b,c')).toThrow(/after a closing quote/);
  });
});
