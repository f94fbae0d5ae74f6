import { Dec } from '../../src/core/decimal';
import type { XlsxCell, XlsxWorkbook } from '../../src/scenario/files/xlsx-workbook';

/**
 * A tiny spreadsheet for the tests: evaluates the formula subset the workbook writes (SUM, MAX,
 * CEILING, ROUNDUP, IF, INDEX, MATCH, LOOKUP, + - * / ^, unary minus, comparisons, "" and cell
 * references with or without a sheet and `$`) in exact decimals, so the workbook can be checked
 * against the engine without a spreadsheet program. Strict where a spreadsheet is lenient: a
 * reference to a cell that holds nothing, an unknown sheet or function, text in arithmetic and a
 * circular reference all throw.
 *
 * `numbers: 'double'` reads every number cell as the binary double a spreadsheet stores
 * (`Number(value)`), the way Excel or LibreOffice would see the file; `'exact'` reads the decimal
 * text as written.
 */
export type Value = Dec | string | boolean;
type CellAddress = { sheet: string; column: number; row: number };
type Range = { sheet: string; from: CellAddress; to: CellAddress };

type Node =
  | { type: 'number'; value: Dec }
  | { type: 'string'; value: string }
  | { type: 'ref'; at: CellAddress }
  | { type: 'range'; range: Range }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'unary'; op: '-' | '+'; arg: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

export type WorkbookEvaluator = {
  /** The value of a cell, e.g. `'Run-rate'!C12` or `Inputs!$C$5`. */
  valueAt: (address: string) => Value;
  /** Every formula cell of the workbook, evaluated (throws on the first that cannot be). */
  evaluateAll: () => number;
  /** Every cell every formula references, by sheet and address. */
  referencedCells: () => { sheet: string; address: string }[];
  /** Replaces a number cell's value (a what-if), clearing the computed values. */
  setNumber: (address: string, value: string) => void;
};

export function evaluateWorkbook(
  workbook: XlsxWorkbook,
  numbers: 'exact' | 'double' = 'exact',
): WorkbookEvaluator {
  const sheets = new Map<string, (XlsxCell | null)[][]>(
    workbook.sheets.map((s) => [s.name, s.rows.map((r) => [...r])]),
  );
  const memo = new Map<string, Value>();
  const parsed = new Map<string, Node>();
  const visiting = new Set<string>();
  const referenced: { sheet: string; address: string }[] = [];

  const cellAt = (at: CellAddress): XlsxCell | null => {
    const rows = sheets.get(at.sheet);
    if (!rows) throw new Error(`no sheet ${at.sheet}`);
    return rows[at.row - 1]?.[at.column - 1] ?? null;
  };

  const valueOf = (at: CellAddress): Value => {
    const key = `${at.sheet}!${columnName(at.column)}${at.row}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const cell = cellAt(at);
    if (!cell) throw new Error(`${key} is referenced but holds nothing`);
    let value: Value;
    if (cell.kind === 'text') value = cell.text;
    else if (cell.kind === 'number') {
      value = numbers === 'exact' ? new Dec(cell.value) : new Dec(String(Number(cell.value)));
    } else {
      if (visiting.has(key)) throw new Error(`circular reference at ${key}`);
      visiting.add(key);
      try {
        let node = parsed.get(key);
        if (!node) parsed.set(key, (node = parseFormula(cell.formula, at.sheet)));
        value = evaluate(node);
      } catch (error) {
        throw new Error(`${key} = ${cell.formula}: ${(error as Error).message}`, { cause: error });
      } finally {
        visiting.delete(key);
      }
    }
    memo.set(key, value);
    return value;
  };

  const cellsOf = (range: Range): CellAddress[] => {
    const out: CellAddress[] = [];
    for (let row = range.from.row; row <= range.to.row; row++) {
      for (let column = range.from.column; column <= range.to.column; column++) {
        out.push({ sheet: range.sheet, row, column });
      }
    }
    return out;
  };

  const numeric = (v: Value): Dec => {
    if (v instanceof Dec) return v;
    if (typeof v === 'boolean') return new Dec(v ? 1 : 0);
    throw new Error(`text ${JSON.stringify(v)} in arithmetic`);
  };

  const evaluate = (node: Node): Value => {
    switch (node.type) {
      case 'number':
      case 'string':
        return node.value;
      case 'ref':
        return valueOf(node.at);
      case 'range':
        throw new Error('a range outside a function');
      case 'unary': {
        const v = numeric(evaluate(node.arg));
        return node.op === '-' ? v.neg() : v;
      }
      case 'binary':
        return binary(node.op, evaluate(node.left), evaluate(node.right));
      case 'call':
        return call(node.name, node.args);
    }
  };

  const binary = (op: string, a: Value, b: Value): Value => {
    switch (op) {
      case '+':
        return numeric(a).plus(numeric(b));
      case '-':
        return numeric(a).minus(numeric(b));
      case '*':
        return numeric(a).mul(numeric(b));
      case '/': {
        const d = numeric(b);
        if (d.isZero()) throw new Error('#DIV/0!');
        return numeric(a).div(d);
      }
      case '^':
        return numeric(a).pow(numeric(b));
      default:
        return compare(op, a, b);
    }
  };

  const compare = (op: string, a: Value, b: Value): boolean => {
    let c: number;
    if (a instanceof Dec && b instanceof Dec) c = a.comparedTo(b);
    else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
    else if (typeof a === 'boolean' && typeof b === 'boolean') c = Number(a) - Number(b);
    // Excel orders numbers before text before booleans.
    else c = rank(a) - rank(b);
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      case '>=':
        return c >= 0;
    }
    throw new Error(`unknown operator ${op}`);
  };

  const rangeValues = (node: Node): Value[] =>
    node.type === 'range' ? cellsOf(node.range).map(valueOf) : [evaluate(node)];

  const call = (name: string, args: Node[]): Value => {
    const arg = (i: number) => {
      const a = args[i];
      if (!a) throw new Error(`${name} needs argument ${i + 1}`);
      return a;
    };
    switch (name) {
      case 'SUM': {
        let sum = new Dec(0);
        for (const a of args) {
          for (const v of rangeValues(a)) {
            // Like a spreadsheet, SUM skips text in a range; a direct text argument is an error.
            if (typeof v === 'string' && a.type === 'range') continue;
            sum = sum.plus(numeric(v));
          }
        }
        return sum;
      }
      case 'MAX': {
        const values = args.flatMap(rangeValues).map(numeric);
        if (values.length === 0) throw new Error('MAX of nothing');
        return values.reduce((m, v) => (v.greaterThan(m) ? v : m));
      }
      case 'CEILING': {
        const x = numeric(evaluate(arg(0)));
        const significance = args[1] ? numeric(evaluate(arg(1))) : new Dec(1);
        if (significance.isZero()) return new Dec(0);
        return x.div(significance).ceil().mul(significance);
      }
      case 'ROUNDUP': {
        const x = numeric(evaluate(arg(0)));
        const digits = numeric(evaluate(arg(1))).toNumber();
        return x.toDecimalPlaces(digits, Dec.ROUND_UP);
      }
      case 'IF': {
        const condition = evaluate(arg(0));
        const truthy =
          typeof condition === 'boolean'
            ? condition
            : condition instanceof Dec
              ? !condition.isZero()
              : (() => {
                  throw new Error('text as a condition');
                })();
        return evaluate(truthy ? arg(1) : arg(2));
      }
      case 'INDEX': {
        const range = rangeOf(arg(0));
        const n = numeric(evaluate(arg(1))).toNumber();
        const cells = cellsOf(range);
        const at = cells[n - 1];
        if (!Number.isInteger(n) || !at) throw new Error(`INDEX ${n} out of range`);
        return valueOf(at);
      }
      case 'MATCH': {
        const x = evaluate(arg(0));
        const type = args[2] ? numeric(evaluate(arg(2))).toNumber() : 1;
        if (type !== 1) throw new Error('only MATCH(..., 1) is in the subset');
        const values = cellsOf(rangeOf(arg(1))).map(valueOf);
        return new Dec(approximatePosition(x, values, compare));
      }
      case 'LOOKUP': {
        const x = evaluate(arg(0));
        const keys = cellsOf(rangeOf(arg(1)));
        const results = cellsOf(rangeOf(arg(2)));
        const at = results[approximatePosition(x, keys.map(valueOf), compare) - 1];
        if (!at) throw new Error('LOOKUP result range too short');
        return valueOf(at);
      }
      default:
        throw new Error(`function ${name} is not in the subset`);
    }
  };

  const rangeOf = (node: Node): Range => {
    if (node.type === 'range') return node.range;
    if (node.type === 'ref') return { sheet: node.at.sheet, from: node.at, to: node.at };
    throw new Error('a range was expected');
  };

  const parseFormula = (formula: string, sheet: string): Node => {
    const node = new Parser(formula, sheet, sheets).parse();
    collectRefs(node, referenced);
    return node;
  };

  const forEachFormula = (visit: (at: CellAddress) => void) => {
    for (const [sheet, rows] of sheets) {
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.kind === 'formula') visit({ sheet, row: r + 1, column: c + 1 });
        }),
      );
    }
  };

  return {
    valueAt: (address) => valueOf(parseAddress(address)),
    evaluateAll: () => {
      let count = 0;
      forEachFormula((at) => {
        valueOf(at);
        count++;
      });
      return count;
    },
    referencedCells: () => {
      forEachFormula((at) => {
        valueOf(at);
      });
      return referenced;
    },
    setNumber: (address, value) => {
      const at = parseAddress(address);
      const rows = sheets.get(at.sheet);
      const row = rows?.[at.row - 1];
      const cell = row?.[at.column - 1];
      if (!row || cell?.kind !== 'number') throw new Error(`${address} is not a number cell`);
      row[at.column - 1] = { ...cell, value };
      memo.clear();
    },
  };
}

function rank(v: Value): number {
  return v instanceof Dec ? 0 : typeof v === 'string' ? 1 : 2;
}

/** MATCH type 1: the position of the largest value <= x in an ascending list. */
function approximatePosition(
  x: Value,
  values: Value[],
  compare: (op: string, a: Value, b: Value) => boolean,
): number {
  let position = 0;
  values.forEach((v, i) => {
    if (compare('<=', v, x)) position = i + 1;
  });
  if (position === 0) throw new Error('#N/A: no value at or below the one looked up');
  return position;
}

function collectRefs(node: Node, out: { sheet: string; address: string }[]): void {
  switch (node.type) {
    case 'ref':
      out.push({ sheet: node.at.sheet, address: `${columnName(node.at.column)}${node.at.row}` });
      return;
    case 'range':
      out.push({
        sheet: node.range.sheet,
        address: `${columnName(node.range.from.column)}${node.range.from.row}:${columnName(node.range.to.column)}${node.range.to.row}`,
      });
      return;
    case 'unary':
      collectRefs(node.arg, out);
      return;
    case 'binary':
      collectRefs(node.left, out);
      collectRefs(node.right, out);
      return;
    case 'call':
      node.args.forEach((a) => collectRefs(a, out));
      return;
    default:
      return;
  }
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/** `'Run-rate'!C12`, `Inputs!$C$5`: a sheet-qualified address. */
export function parseAddress(address: string): CellAddress {
  const m = /^(?:'([^']+)'|([A-Za-z]+))!(.+)$/.exec(address);
  const cell = m?.[3] ? CELL.exec(m[3]) : null;
  if (!m || !cell?.[1] || !cell[2]) throw new Error(`not an address: ${address}`);
  return { sheet: m[1] ?? m[2] ?? '', column: columnNumber(cell[1]), row: Number(cell[2]) };
}

type Token =
  | { t: 'num'; v: string }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | null; from: string; to: string | null }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(?:(?:'([^']+)'|([A-Za-z]+))!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![A-Za-z0-9(])|([A-Z]+)\(|(\d+(?:\.\d+)?)|(<>|<=|>=|[-+*/^(),=<>]))/y;

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) {
      if (/^\s*$/.test(formula.slice(start))) break;
      throw new Error(`cannot read the formula at ${JSON.stringify(formula.slice(start))}`);
    }
    if (m[1] !== undefined) tokens.push({ t: 'str', v: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[4] !== undefined) {
      tokens.push({ t: 'ref', sheet: m[2] ?? m[3] ?? null, from: m[4], to: m[5] ?? null });
    } else if (m[6] !== undefined) {
      tokens.push({ t: 'fn', v: m[6] });
      tokens.push({ t: 'op', v: '(' });
    } else if (m[7] !== undefined) tokens.push({ t: 'num', v: m[7] });
    else if (m[8] !== undefined) tokens.push({ t: 'op', v: m[8] });
  }
  return tokens;
}

/** Recursive descent with a spreadsheet's precedence: comparison < + - < * / < ^ < unary minus. */
class Parser {
  private readonly tokens: Token[];
  private at = 0;
  constructor(
    formula: string,
    private readonly sheet: string,
    private readonly sheets: ReadonlyMap<string, unknown>,
  ) {
    this.tokens = tokenize(formula);
  }

  parse(): Node {
    const node = this.comparison();
    if (this.at !== this.tokens.length) throw new Error('unexpected text after the formula');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t?.t === 'op' && ops.includes(t.v) ? t.v : null;
  }
  private expect(op: string): void {
    if (!this.isOp(op)) throw new Error(`expected ${op}`);
    this.at++;
  }

  private comparison(): Node {
    let left = this.additive();
    for (
      let op = this.isOp('=', '<>', '<', '>', '<=', '>=');
      op;
      op = this.isOp('=', '<>', '<', '>', '<=', '>=')
    ) {
      this.at++;
      left = { type: 'binary', op, left, right: this.additive() };
    }
    return left;
  }
  private additive(): Node {
    let left = this.term();
    for (let op = this.isOp('+', '-'); op; op = this.isOp('+', '-')) {
      this.at++;
      left = { type: 'binary', op, left, right: this.term() };
    }
    return left;
  }
  private term(): Node {
    let left = this.power();
    for (let op = this.isOp('*', '/'); op; op = this.isOp('*', '/')) {
      this.at++;
      left = { type: 'binary', op, left, right: this.power() };
    }
    return left;
  }
  private power(): Node {
    // Left-associative, as in Excel: 2^3^2 is (2^3)^2.
    let left = this.unary();
    while (this.isOp('^')) {
      this.at++;
      left = { type: 'binary', op: '^', left, right: this.unary() };
    }
    return left;
  }
  private unary(): Node {
    const op = this.isOp('-', '+');
    if (op === '-' || op === '+') {
      this.at++;
      return { type: 'unary', op, arg: this.unary() };
    }
    return this.primary();
  }
  private primary(): Node {
    const t = this.peek();
    if (!t) throw new Error('the formula ends too early');
    this.at++;
    switch (t.t) {
      case 'num':
        return { type: 'number', value: new Dec(t.v) };
      case 'str':
        return { type: 'string', value: t.v };
      case 'ref': {
        const sheet = t.sheet ?? this.sheet;
        if (!this.sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
        const from = parseAddress(`'${sheet}'!${t.from}`);
        if (t.to === null) return { type: 'ref', at: from };
        return { type: 'range', range: { sheet, from, to: parseAddress(`'${sheet}'!${t.to}`) } };
      }
      case 'fn': {
        this.expect('(');
        const args: Node[] = [];
        if (!this.isOp(')')) {
          do {
            if (args.length > 0) this.at++;
            args.push(this.comparison());
          } while (this.isOp(','));
        }
        this.expect(')');
        return { type: 'call', name: t.v, args };
      }
      case 'op':
        if (t.v === '(') {
          const inner = this.comparison();
          this.expect(')');
          return inner;
        }
        throw new Error(`unexpected ${t.v}`);
    }
  }
}
