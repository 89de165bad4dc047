import fc from 'fast-check';
import { quoteIdent } from '../../../ops/db/quote-ident';
import { describeWithPostgres, startTlsPostgres, type TlsPostgres } from './support/tls-postgres';

describe('quoteIdent', () => {
  it('wraps a name in double quotes', () => {
    expect(quoteIdent('keycloak')).toBe('"keycloak"');
  });

  it('doubles embedded double quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });

  it('refuses an empty name', () => {
    expect(() => quoteIdent('')).toThrow('a PostgreSQL identifier cannot be empty');
  });

  it('refuses a NUL character', () => {
    expect(() => quoteIdent('a\0b')).toThrow('cannot contain a NUL character');
  });
});

describeWithPostgres('quoteIdent against PostgreSQL', () => {
  let pg: TlsPostgres;

  beforeAll(async () => {
    pg = await startTlsPostgres();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  it('makes the server read back exactly the name given, whatever quotes or semicolons it holds', async () => {
    const session = await pg.superSession();
    const hostileChar = fc.constantFrom('"', "'", ';', ' ', '-', '$', '\\', '\n', '(', ')', 'a', 'Z', '_', 'é');
    try {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: hostileChar, minLength: 1, maxLength: 30 }), async (name) => {
          const r = await session.query(`SELECT 1 AS ${quoteIdent(name)}`);
          expect(r.fields.map((f) => f.name)).toEqual([name]);
        }),
        { numRuns: 200 },
      );
    } finally {
      await session.end();
    }
  });
});
