/** Quotes a field when it holds a comma, quote, CR or LF (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * Splits one line into fields; quoted fields may hold commas and quotes. A
 * ledger line never holds a line break (the schema forbids one in every
 * field), so a torn quote ends with its line and never swallows the next.
 */
export function parseCsvLine(line: string): string[] {
  if (/[\r\n]/.test(line)) throw new Error('a line break inside a record');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (wasQuoted) throw new Error(`text after a closing quote in field ${fields.length + 1}`);
    else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  fields.push(field);
  return fields;
}
