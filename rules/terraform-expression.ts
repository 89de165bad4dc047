/**
 * Reads the argument of a cdktf `Fn.jsonencode(...)` back into plain data.
 * cdktf renders the argument as an HCL object expression (`{"Action" = [...],
 * "Resource" = aws_route53_zone.zone.arn}`); literals come back as values and
 * every non-literal expression as the string `${<expression>}`, so rules can
 * inspect policy documents and secret values whichever way a stack wrote them.
 */
const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/** True for a string that is exactly one Terraform reference such as `${data.aws_iam_policy_document.x.json}`. */
export function isPureReference(value: string): boolean {
  return /^\$\{[A-Za-z_][\w.\-[\]"*]*\}$/.test(value);
}

/** The decoded argument of a `${jsonencode(...)}` string, or undefined when the string is not one. */
export function jsonencodeArgument(value: string): unknown {
  const match = JSONENCODE.exec(value.trim());
  if (match === null) return undefined;
  const parser = new HclLiteralParser(match[1]!);
  const result = parser.value();
  parser.end();
  return result;
}

class HclLiteralParser {
  private pos = 0;

  constructor(private readonly src: string) {}

  value(): unknown {
    this.skipSpace();
    const c = this.src[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    return this.bare();
  }

  end(): void {
    this.skipSpace();
    if (this.pos !== this.src.length) throw new Error(`unexpected "${this.src.slice(this.pos, this.pos + 20)}" after the jsonencode argument`);
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    for (;;) {
      this.skipSeparators();
      if (this.src[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const key = this.value();
      this.skipSpace();
      const sep = this.src[this.pos];
      if (sep !== '=' && sep !== ':') throw new Error(`expected "=" after object key ${JSON.stringify(key)}`);
      this.pos++;
      out[String(key)] = this.value();
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    for (;;) {
      this.skipSeparators();
      if (this.src[this.pos] === ']') {
        this.pos++;
        return out;
      }
      out.push(this.value());
    }
  }

  /** A quoted HCL string; `${...}` inside it may hold further quotes. */
  private string(): string {
    const start = this.pos;
    this.pos++;
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (depth === 0 && c === '"') break;
      if ((c === '$' || c === '%') && this.src[this.pos + 1] === '{' && this.src[this.pos - 1] !== c) {
        depth++;
        this.pos += 2;
        continue;
      }
      if (depth > 0 && c === '}') depth--;
      if (depth > 0 && c === '"') {
        this.skipNestedString();
        continue;
      }
      this.pos++;
    }
    if (this.src[this.pos] !== '"') throw new Error('unterminated string in the jsonencode argument');
    this.pos++;
    const raw = this.src.slice(start, this.pos);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }

  private skipNestedString(): void {
    this.pos++;
    while (this.pos < this.src.length && this.src[this.pos] !== '"') this.pos += this.src[this.pos] === '\\' ? 2 : 1;
    this.pos++;
  }

  /** A number, bool, null, or any other expression (reference, function call), kept as `${expression}`. */
  private bare(): unknown {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '"') {
        this.skipNestedString();
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ',' || c === '\n' || c === '=' || c === ':')) break;
      this.pos++;
    }
    const text = this.src.slice(start, this.pos).trim();
    if (text === '') throw new Error(`expected a value at "${this.src.slice(start, start + 20)}"`);
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
    return `\${${text}}`;
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  private skipSeparators(): void {
    while (this.pos < this.src.length && /[\s,]/.test(this.src[this.pos]!)) this.pos++;
  }
}
