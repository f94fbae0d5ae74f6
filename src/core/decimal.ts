import Decimal from 'decimal.js';

/**
 * The one decimal constructor of the project (DESIGN section 2): 40 significant digits,
 * half-up rounding. Never `Decimal.set`, never construct from a float expression.
 *
 * @example new Dec('0.1').plus('0.2').toFixed() // '0.3'
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
/** Prices are per 1M tokens. */
export const MILLION = new Dec(1_000_000);

/** Plain decimal text, never exponent notation (STYLE pitfall 3). `-0` is written as `0`. */
export function toPlain(value: Dec): string {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
}

/** The larger of two decimals. */
export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

/** The sum of a list of decimals (0 for an empty list), added in order from 0. */
export function sumDec(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = addDec(total, v);
  return total;
}

/**
 * `a.plus(b)`, skipped where it cannot change anything: when one side is zero and the other
 * has at most 40 significant digits, the sum is that other side, already rounded. Sums start
 * from zero and many cost parts are zero, so this saves a good share of the additions. A zero
 * sum is still computed, for the sign of zero decimal.js gives it.
 *
 * @example addDec(ZERO, new Dec('1.5')) // the very Dec('1.5')
 */
export function addDec(a: Dec, b: Dec): Dec {
  if (b.isZero()) {
    if (!a.isZero() && a.sd() <= Dec.precision) return a;
  } else if (a.isZero() && b.sd() <= Dec.precision) {
    return b;
  }
  return a.plus(b);
}

/**
 * `a.mul(b)`, skipped where it cannot change anything: when one side is 1 and the other has
 * at most 40 significant digits, the product is that other side, already rounded.
 *
 * @example mulDec(ONE, new Dec('2.5')) // the very Dec('2.5')
 */
export function mulDec(a: Dec, b: Dec): Dec {
  if ((b === ONE || b.equals(ONE)) && a.sd() <= Dec.precision) return a;
  if ((a === ONE || a.equals(ONE)) && b.sd() <= Dec.precision) return b;
  return a.mul(b);
}
