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

/** The sum of a list of decimals (0 for an empty list). */
export function sumDec(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
