/**
 * A PostgreSQL quoted identifier (the client-side twin of `format('%I')`):
 * always wrapped in double quotes with embedded quotes doubled, so no input
 * can end the identifier early. Statements that take no bind parameters
 * (CREATE DATABASE, GRANT, ALTER ROLE) name objects only through this.
 */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error('a PostgreSQL identifier cannot be empty');
  if (name.includes('\0')) throw new Error('a PostgreSQL identifier cannot contain a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}
