import { Dec } from './decimal';
import { toFloat } from './float-filter';

/**
 * A decimal that is computed only when a result or a close decision needs it.
 *
 * Each `Lazy` carries a float estimate `f` and a bound `e` on how far the exact decimal may be
 * from it, and knows how to compute the exact decimal: with the same decimal.js operation, on
 * the exact values of its operands, so an exact value is the very decimal the eager code would
 * have computed (DESIGN section 2: money stays exact). A comparison is read from the floats only
 * when the two intervals `f ± e` are apart; otherwise both sides are computed exactly and
 * compared. So every decision is the one exact arithmetic makes, and code written on `Lazy`
 * returns exactly what the same code on `Dec` returns, while most of its arithmetic costs a few
 * float operations (the break-even scan, DESIGN 3.5, decides thousands of signs of which only a
 * handful are close).
 *
 * Why the bounds hold: decimal.js rounds every operation correctly to 40 significant digits
 * (a relative 1e-39) and floats to 53 bits (a relative 1.1e-16). Each operation below adds both
 * roundings, with room (`EPS` is 8 times the float's), to the bounds it inherits; products and
 * quotients propagate them to first order plus the second-order term, and every comparison asks
 * for twice the bounds as a gap. `TINY` is added to every inexact bound so a value below the
 * float range (rounded to 0 or a denormal) is never trusted. Anything not finite gives a NaN
 * bound, which decides nothing. Whole numbers up to 2^50 are exact in a float, and so are their
 * sums and products up to that size: those carry `e = 0`.
 *
 * @example
 * const third = lazy(new Dec(1)).div(lazy(new Dec(3)));
 * third.greaterThan(lazy(new Dec('0.3'))) // true, from the floats alone
 * third.exact().toFixed() // '0.3333333333333333333333333333333333333333'
 */
export class Lazy {
  private value: Dec | null;

  private constructor(
    /** Float estimate of the exact value. */
    readonly f: number,
    /** |exact - f| <= e. Zero only when f is the exact value (a whole number up to 2^50). */
    readonly e: number,
    value: Dec | null,
    private readonly op: number,
    private readonly x: Lazy | null = null,
    private readonly y: Lazy | null = null,
  ) {
    this.value = value;
  }

  /**
   * The exact whole number f, the result of `op` on x and y: computed as `new Dec(f)`, except a
   * zero, which keeps its operation for the sign decimal.js gives it.
   */
  static whole(f: number, op: number, x: Lazy, y: Lazy): Lazy {
    return new Lazy(f + 0, 0, null, f === 0 ? op : WHOLE, x, y);
  }

  /** A known decimal. */
  static of(value: Dec): Lazy {
    if (value.isZero()) return new Lazy(0, 0, value, KNOWN);
    const f = toFloat(value);
    const exact = Number.isInteger(f) && Math.abs(f) <= MAX_EXACT && value.isInteger();
    return new Lazy(f, exact ? 0 : bound(Math.abs(f) * EPS), value, KNOWN);
  }

  /** The exact decimal, computed once (from the exact operands) when first asked for. */
  exact(): Dec {
    if (this.value === null) this.value = this.run();
    return this.value;
  }

  plus(y: Lazy): Lazy {
    const f = this.f + y.f;
    if (isWhole(this, y, f)) return Lazy.whole(f, PLUS, this, y);
    return new Lazy(f, sumBound(this.f, this.e, y.f, y.e), null, PLUS, this, y);
  }

  minus(y: Lazy): Lazy {
    const f = this.f - y.f;
    if (isWhole(this, y, f)) return Lazy.whole(f, MINUS, this, y);
    return new Lazy(f, sumBound(this.f, this.e, y.f, y.e), null, MINUS, this, y);
  }

  mul(y: Lazy): Lazy {
    const f = this.f * y.f;
    if (isWhole(this, y, f)) return Lazy.whole(f, MUL, this, y);
    return new Lazy(f, productBound(this.f, this.e, y.f, y.e, f), null, MUL, this, y);
  }

  div(y: Lazy): Lazy {
    const f = this.f / y.f;
    const room = abs(y.f) - y.e;
    // A divisor whose interval reaches 0 bounds nothing: then only exact decisions are made.
    const e =
      room > 0 ? bound(((this.e + abs(f) * y.e) / room) * (1 + EPS) + abs(f) * 2 * EPS) : NaN;
    return new Lazy(f, e, null, DIV, this, y);
  }

  neg(): Lazy {
    return new Lazy(-this.f, this.e, null, NEG, this);
  }

  abs(): Lazy {
    return new Lazy(abs(this.f), this.e, null, ABS, this);
  }

  ceil(): Lazy {
    return this.round(Math.ceil, CEIL);
  }

  floor(): Lazy {
    return this.round(Math.floor, FLOOR);
  }

  /** -1, 0 or 1 as `Dec#comparedTo` would say, or null when the floats cannot tell. */
  clearComparedTo(y: Lazy): number | null {
    return this === y ? 0 : clearSide(this.f, this.e, y.f, y.e);
  }

  /** -1, 0 or 1 as `Dec#comparedTo`; exact whenever the floats cannot tell. */
  comparedTo(y: Lazy): number {
    return this.clearComparedTo(y) ?? this.exact().comparedTo(y.exact());
  }

  greaterThan(y: Lazy): boolean {
    return this.comparedTo(y) > 0;
  }

  greaterThanOrEqualTo(y: Lazy): boolean {
    return this.comparedTo(y) >= 0;
  }

  lessThan(y: Lazy): boolean {
    return this.comparedTo(y) < 0;
  }

  lessThanOrEqualTo(y: Lazy): boolean {
    return this.comparedTo(y) <= 0;
  }

  equals(y: Lazy): boolean {
    return this.comparedTo(y) === 0;
  }

  isZero(): boolean {
    return this.comparedTo(LAZY_ZERO) === 0;
  }

  /** As `Dec#isPositive`: > 0, or a zero with a plus sign. */
  isPositive(): boolean {
    const side = this.comparedTo(LAZY_ZERO);
    return side > 0 || (side === 0 && this.exact().isPositive());
  }

  /** As `Dec#isNegative`: < 0, or a zero with a minus sign. */
  isNegative(): boolean {
    const side = this.comparedTo(LAZY_ZERO);
    return side < 0 || (side === 0 && this.exact().isNegative());
  }

  /** As `Dec#toNumber`: the float itself when it is exact. */
  toNumber(): number {
    return this.e === 0 ? this.f : this.exact().toNumber();
  }

  private round(float: (v: number) => number, op: number): Lazy {
    const low = float(this.f - 2 * this.e);
    const high = float(this.f + 2 * this.e);
    if (!(abs(low) <= MAX_EXACT && abs(high) <= MAX_EXACT)) return Lazy.of(this.roundExactly(op));
    // Both ends round to the same whole number, so the exact value does too.
    if (low === high) return Lazy.whole(high, op, this, this);
    // Otherwise the exact value is one of the whole numbers low..high (at a replica step, the
    // step's count or the next): an interval that still decides whatever it is clear of.
    return new Lazy((low + high) / 2, (high - low) / 2, null, op, this);
  }

  private roundExactly(op: number): Dec {
    const x = this.exact();
    return op === CEIL ? x.ceil() : x.floor();
  }

  private run(): Dec {
    const x = this.x as Lazy;
    const y = this.y as Lazy;
    switch (this.op) {
      case WHOLE:
        // A whole number, nonzero (a zero keeps its operation, for the sign decimal.js gives).
        return new Dec(this.f);
      case PLUS:
        return x.exact().plus(y.exact());
      case MINUS:
        return x.exact().minus(y.exact());
      case MUL:
        return x.exact().mul(y.exact());
      case DIV:
        return x.exact().div(y.exact());
      case NEG:
        return x.exact().neg();
      case ABS:
        return x.exact().abs();
      default:
        return x.roundExactly(this.op);
    }
  }
}

const KNOWN = 0;
const WHOLE = 1;
const PLUS = 2;
const MINUS = 3;
const MUL = 4;
const DIV = 5;
const NEG = 6;
const ABS = 7;
const CEIL = 8;
const FLOOR = 9;

/** Whole numbers up to this are exact in a float, and so are sums and products up to it. */
const MAX_EXACT = 2 ** 50;
/**
 * 8 float roundings: more than a float operation (2^-53) plus a decimal one (1e-39) together,
 * and more than `toFloat`'s 6 roundings.
 */
const EPS = 2 ** -50;
/** Below any amount or volume the engine works with; keeps underflow from looking exact. */
const TINY = 1e-290;

const abs = Math.abs;

/** An inexact bound: never below `TINY`; NaN (deciding nothing) when not finite. */
function bound(e: number): number {
  return Number.isFinite(e) ? e + TINY : NaN;
}

/** The bound of `x ± y` from those of x (`xf ± xe`) and y, not counting whole-number cases. */
function sumBound(xf: number, xe: number, yf: number, ye: number): number {
  return bound(xe + ye + (abs(xf) + abs(yf)) * EPS);
}

/** The bound of `x · y` (float product `f`), not counting whole-number cases. */
function productBound(xf: number, xe: number, yf: number, ye: number, f: number): number {
  return bound((abs(xf) * ye + abs(yf) * xe + xe * ye) * (1 + EPS) + abs(f) * 2 * EPS);
}

/**
 * The side of y that x falls on (-1, 0, 1) from their floats and bounds, or null when the
 * intervals overlap (as `Lazy#clearComparedTo`).
 */
function clearSide(xf: number, xe: number, yf: number, ye: number): number | null {
  const gap = xf - yf;
  const room = 2 * (xe + ye);
  if (gap > room) return 1;
  if (gap < -room) return -1;
  if (xe === 0 && ye === 0) return 0;
  return null;
}

/** Both operands exact whole numbers and the float result a whole number up to 2^50: exact. */
function isWhole(x: Lazy, y: Lazy, f: number): boolean {
  return x.e === 0 && y.e === 0 && Number.isInteger(f) && abs(f) <= MAX_EXACT;
}

/** A lazy decimal of a known value. */
export function lazy(value: Dec): Lazy {
  return Lazy.of(value);
}

const LAZY_ZERO = Lazy.of(new Dec(0));
