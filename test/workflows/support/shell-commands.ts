/**
 * Just enough of shell syntax to find the commands a `run:` script invokes:
 * words (quotes removed, `$VAR` left as written), split into simple commands at
 * `;`, `&&`, `||`, `|`, newlines and `$(`/`)`, with redirections dropped.
 */
export interface ShellCommand {
  readonly words: readonly string[];
}

const OPERATORS = ['&&', '||', ';', '|', '(', ')', '\n'];
/** Reserved words that can stand before a command. */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);
const REDIRECT = /^\d*(>>|>|<)/;

/** The `$( )` command substitutions inside a double-quoted string, as scripts of their own. */
function substitutions(quoted: string): string[] {
  const found: string[] = [];
  for (let i = quoted.indexOf('$('); i >= 0; i = quoted.indexOf('$(', i + 1)) {
    let depth = 0;
    for (let j = i + 1; j < quoted.length; j++) {
      if (quoted[j] === '(') depth++;
      else if (quoted[j] === ')' && --depth === 0) {
        found.push(quoted.slice(i + 2, j));
        break;
      }
    }
  }
  return found;
}

function tokens(script: string, nested: string[]): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) out.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === '\\' && script[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${script}`);
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < script.length && script[j] !== '"') j += script[j] === '\\' ? 2 : 1;
      if (j >= script.length) throw new Error(`unterminated " in: ${script}`);
      nested.push(...substitutions(script.slice(i + 1, j)));
      word += script.slice(i + 1, j);
      inWord = true;
      i = j;
      continue;
    }
    if (c === '#' && !inWord) {
      const end = script.indexOf('\n', i);
      i = end < 0 ? script.length : end - 1;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      flush();
      out.push('(');
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => script.startsWith(o, i));
    if (op !== undefined) {
      flush();
      out.push(op);
      i += op.length - 1;
      continue;
    }
    if (c === ' ' || c === '\t') {
      flush();
      continue;
    }
    word += c;
    inWord = true;
  }
  flush();
  return out;
}

export function shellCommands(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let skipNext = false;
  const end = () => {
    while (words.length > 0 && LEADING_KEYWORDS.has(words[0]!)) words.shift();
    if (words.length > 0) commands.push({ words });
    words = [];
  };
  const nested: string[] = [];
  for (const t of tokens(script, nested)) {
    if (OPERATORS.includes(t)) {
      end();
      continue;
    }
    if (skipNext) {
      skipNext = false;
      continue;
    }
    const redirect = t.match(REDIRECT);
    if (redirect !== null) {
      // `> file` names its target in the next word; `>file` and `2>&1` carry it.
      if (t === redirect[0]) skipNext = true;
      continue;
    }
    words.push(t);
  }
  end();
  return [...commands, ...nested.flatMap(shellCommands)];
}

/** The arguments after `program` (or `npx program`) for every command that runs it. */
export function invocationsOf(script: string, program: string): string[][] {
  return shellCommands(script).flatMap(({ words }) => {
    const w = words[0] === 'npx' ? words.slice(1) : words;
    return w[0] === program ? [w.slice(1)] : [];
  });
}

/** Expands `$NAME` and `${NAME}`; throws naming any variable it has no value for. */
export function expandVars(word: string, values: Readonly<Record<string, string>>): string {
  return word.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = values[name];
    if (value === undefined) throw new Error(`"${word}" uses $${name}, which has no known value here`);
    return value;
  });
}
