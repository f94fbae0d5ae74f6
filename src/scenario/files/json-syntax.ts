/**
 * Where a text stops being JSON, for an error message a person can act on ("expected "," or "}"
 * at line 12, column 5"). `JSON.parse` knows, but each browser words it differently and some
 * leave the position out (V8: `Unexpected token 'x', "..." is not valid JSON`), so this small
 * scanner (RFC 8259 grammar, no values built) says it the same way everywhere. It is iterative
 * (an explicit stack), so deeply nested input cannot overflow the call stack.
 */
export type JsonSyntaxError = {
  /** Offset in UTF-16 code units from the start of the text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters (code points). */
  column: number;
  /** What was wrong there, in plain words: `expected "," or "}"`. */
  problem: string;
};

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const LITERALS = ['true', 'false', 'null'] as const;

/**
 * The first syntax error in `text` as JSON, or null when `JSON.parse(text)` would succeed.
 *
 * @example
 * findJsonSyntaxError('{"a": 1,}')
 * // { offset: 8, line: 1, column: 9, problem: 'expected a field name in double quotes (JSON allows no comma before "}")' }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const at = (offset: number, problem: string) => locate(text, offset, problem);

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
    if (i >= text.length) {
      if (expect === 'done') return null;
      return at(i, `the text ends where ${EXPECTED[expect]} was expected`);
    }
    const ch = text[i] as string;
    switch (expect) {
      case 'done':
        return at(i, 'unexpected text after the end of the JSON value');
      case 'value':
      case 'valueOrEnd': {
        if (ch === ']' && expect === 'valueOrEnd') {
          stack.pop();
          i++;
          expect = afterValue(stack);
        } else if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return at(end.offset, end.problem);
          i = end;
          expect = afterValue(stack);
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return at(i, 'a number is malformed');
          i += m[0].length;
          expect = afterValue(stack);
        } else {
          const literal = LITERALS.find((word) => text.startsWith(word, i));
          if (literal === undefined) {
            const hint = ch === ']' ? ' (JSON allows no comma before "]")' : '';
            const quoteHint = ch === "'" ? ' (JSON text is in double quotes)' : '';
            return at(i, `expected a value${hint}${quoteHint}`);
          }
          i += literal.length;
          expect = afterValue(stack);
        }
        break;
      }
      case 'key':
      case 'keyOrEnd': {
        if (ch === '}' && expect === 'keyOrEnd') {
          stack.pop();
          i++;
          expect = afterValue(stack);
        } else if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return at(end.offset, end.problem);
          i = end;
          expect = 'colon';
        } else {
          const hint = ch === '}' ? ' (JSON allows no comma before "}")' : '';
          return at(i, `expected a field name in double quotes${hint}`);
        }
        break;
      }
      case 'colon':
        if (ch !== ':') return at(i, 'expected ":" after the field name');
        i++;
        expect = 'value';
        break;
      case 'commaOrEnd': {
        const close = stack[stack.length - 1] === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          expect = close === '}' ? 'key' : 'value';
        } else if (ch === close) {
          stack.pop();
          i++;
          expect = afterValue(stack);
        } else {
          return at(i, `expected "," or "${close}"`);
        }
        break;
      }
    }
  }
}

/** What follows a complete value: the end of the text at the top level, else "," or a bracket. */
function afterValue(stack: readonly unknown[]): Expect {
  return stack.length === 0 ? 'done' : 'commaOrEnd';
}

const EXPECTED: Record<Expect, string> = {
  value: 'a value',
  valueOrEnd: 'a value or "]"',
  key: 'a field name',
  keyOrEnd: 'a field name or "}"',
  colon: '":"',
  commaOrEnd: '"," or a closing bracket',
  done: 'nothing',
};

/** The offset just past the closing quote of the string starting at `start`, or the problem. */
function scanString(text: string, start: number): number | { offset: number; problem: string } {
  let j = start + 1;
  for (;;) {
    if (j >= text.length) {
      return { offset: start, problem: 'a text value is not closed with a double quote' };
    }
    const ch = text[j] as string;
    if (ch === '"') return j + 1;
    if (ch === '\\') {
      const next = text[j + 1] ?? '';
      if (ESCAPES.has(next)) j += 2;
      else if (next === 'u' && HEX4.test(text.slice(j + 2, j + 6))) j += 6;
      else return { offset: j, problem: 'a backslash in a text value starts no valid escape' };
    } else if (ch.charCodeAt(0) < 0x20) {
      return {
        offset: j,
        problem: 'a text value holds a line break or control character (write it as \\n or \\t)',
      };
    } else {
      j++;
    }
  }
}

function locate(text: string, offset: number, problem: string): JsonSyntaxError {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let k = before.indexOf('\n'); k !== -1; k = before.indexOf('\n', k + 1)) line++;
  // Columns count characters as an editor shows them, not UTF-16 units.
  const column = Array.from(before.slice(lineStart)).length + 1;
  return { offset, line, column, problem };
}
