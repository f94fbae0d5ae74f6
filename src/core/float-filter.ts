import type { Dec } from './decimal';

/**
 * Floats as a pre-filter for exact decisions, never for amounts (DESIGN section 2: money is
 * exact). The timeline (DESIGN 3.6) re-sizes every deployment every month: a replica count (a
 * ceiling) and a staff tier (a comparison) are read from a float estimate only when it is so far
 * from the step that the exact decimal computation must come out the same; otherwise (`null`)
 * the caller decides with decimals. Every amount that reaches a result is still a decimal.
 *
 * Why that is safe: every estimate here is a short sum (one term per growth rate, so at most 50)
 * of products or quotients of two or three decimals. The decimals round each operation to 40
 * significant digits and the floats to 16 (`toFloat` within 6 roundings), so both stay within a
 * relative 1e-13 of the true value, measured against `scale`, the sum of the terms' magnitudes
 * (which callers pass). `SLACK` (1e-9 of that scale) is 10,000 times wider, so a decision made
 * outside it is the one the decimals make. `TINY` leaves values near or beyond the float range
 * (0, denormals, overflow) to the decimals. (The break-even scan, which needs exact values
 * besides decisions, tracks rigorous bounds instead: lazy-decimal.ts.)
 */
const SLACK = 1e-9;
const TINY = 1e-200;
/** Counts up to this are integers a float holds exactly, with room to spare. */
const MAX_COUNT = 2 ** 50;

/**
 * A float within 6 roundings (a relative 7e-16) of a decimal, read from its base-1e7 digits
 * (decimal.js's documented `d`, `e`, `s`) rather than through its text, which is ten times
 * slower. Four limbs give at least 22 digits, so the dropped ones weigh less than 1e-21; building
 * them costs at most 4 float roundings and scaling by powers of ten (exact up to 1e22) 2 more.
 * Anything further out of range goes through `toNumber`.
 */
export function toFloat(value: Dec): number {
  const { d, e, s } = value;
  const first = d?.[0];
  if (first === undefined) return value.toNumber();
  if (first === 0) return s < 0 ? -0 : 0;
  let m = first;
  let digits = first < 10 ? 1 : first < 100 ? 2 : String(first).length;
  const limbs = Math.min(d.length, 4);
  for (let i = 1; i < limbs; i++) {
    m = m * 1e7 + (d[i] as number);
    digits += 7;
  }
  const shift = e + 1 - digits;
  let f: number;
  if (shift >= 0 && shift <= 22) f = m * (POWERS_OF_TEN[shift] as number);
  else if (shift < 0 && shift >= -22) f = m / (POWERS_OF_TEN[-shift] as number);
  else if (shift < 0 && shift >= -44) f = m / 1e22 / (POWERS_OF_TEN[-shift - 22] as number);
  else return value.toNumber();
  return s < 0 ? -f : f;
}

/** 1e0 .. 1e22: the powers of ten a float holds exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** How far from an estimate the exact value may be: `SLACK` of its scale. */
function slackOf(scale: number): number {
  return SLACK * Math.abs(scale) + TINY;
}

/**
 * `ceil(v)` for a value v within `slackOf(scale)` of `estimate`, or null when an integer lies
 * that close (or the value is out of the float range). `scale` must be at least `|estimate|`.
 */
export function ceilIfClear(estimate: number, scale: number): number | null {
  const slack = slackOf(scale);
  const low = Math.ceil(estimate - slack);
  const high = Math.ceil(estimate + slack);
  // ceil(low end) = ceil(high end) = n means the whole interval lies in (n - 1, n].
  return low === high && Math.abs(high) <= MAX_COUNT ? high : null;
}

/**
 * Whether a <= b for values within `slackOf(aScale)` of `a` and `slackOf(bScale)` of `b`, or null
 * when they are too close to tell.
 */
export function atMostIfClear(
  a: number,
  aScale: number,
  b: number,
  bScale: number,
): boolean | null {
  const gap = slackOf(aScale) + slackOf(bScale);
  if (a + gap < b) return true;
  if (a - gap > b) return false;
  return null;
}

/**
 * Whether a float carries the relative precision the error argument above assumes: 0, or a
 * magnitude well inside the normal range. Subnormal values (below ~2.2e-308) keep fewer bits and
 * huge ones overflow in products, so callers decide with decimals when any operand fails this.
 */
export function isPreciseFloat(value: number): boolean {
  const a = Math.abs(value);
  return a === 0 || (a >= MIN_PRECISE && a <= MAX_PRECISE);
}
const MIN_PRECISE = 1e-290;
const MAX_PRECISE = 1e290;

/** A decimal that is a whole number a float holds exactly, as that number; otherwise null. */
export function smallInteger(value: Dec): number | null {
  const n = toFloat(value);
  return Number.isInteger(n) && Math.abs(n) <= MAX_COUNT && value.equals(n) ? n : null;
}
