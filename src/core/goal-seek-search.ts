import { Dec, ONE, ZERO } from './decimal';

/**
 * The numeric part of goal seek (issue 6 item 2): where does a gap `g(v) = cost C - cost B` change
 * sign as one value v moves within [low, high]? Knows nothing of scenarios: `g` is a function.
 *
 * - `solveLinear`: when g is affine in v, checked exactly on the bracket, the root is solved in
 *   decimals and then checked to be 0 to the cent.
 * - `searchPiecewise`: otherwise a scan of the range finds the sign changes, the one nearest
 *   today's value is bisected to 1e-9 relative (whole numbers: to adjacent integers) and the
 *   result says whether g passes through zero (approximate root) or jumps across it (a step).
 */

/** A gap within this of zero is zero: the noise of 40-digit arithmetic (as in break-even.ts). */
export const GAP_NOISE = new Dec('1e-20');
/** "Equal to the cent": an exact result's gap is at most half a cent. */
export const HALF_CENT = new Dec('0.005');
/** A jump of more than a cent across a bracket this narrow is a step, not a steep slope. */
const JUMP = new Dec('0.01');
/** Bisection stops at this width relative to the value (issue 6: 1e-9 relative). */
export const RELATIVE_TOLERANCE = new Dec('1e-9');
/** Narrower, to tell a steep continuous gap from a true jump. */
const STEP_TOLERANCE = new Dec('1e-24');
/** Values are reported and evaluated to this many significant digits (and 40 decimal places). */
const VALUE_DIGITS = 30;
const MAX_PLACES = 40;
/** Points of the scan between the ends (plus today's value). */
const SCAN_INTERVALS = 64;
/** A range spanning this ratio or more is scanned on a log scale. */
const LOG_SCAN_RATIO = new Dec(100);
/** The lowest positive point of a log scan starting at 0, relative to the top. */
const LOG_SCAN_FLOOR = new Dec('1e-12');
const MAX_STEPS = 400;

export type Gap = (v: Dec) => Dec;

export type Sample = { value: Dec; gap: Dec };

export type SearchOutcome =
  | { kind: 'exact'; value: Dec; gap: Dec; others: Dec[] }
  | { kind: 'approximate'; value: Dec; low: Sample; high: Sample; others: Dec[] }
  | { kind: 'step'; low: Sample; high: Sample; others: Dec[] }
  /** No sign change found: the samples at the two ends (and all scanned). */
  | { kind: 'none'; low: Sample; high: Sample; samples: Sample[] };

/** -1, 0 or 1, with noise counted as 0. */
export function gapSign(g: Dec): number {
  if (g.greaterThan(GAP_NOISE)) return 1;
  if (g.lessThan(GAP_NOISE.neg())) return -1;
  return 0;
}

/** A value as reported: 30 significant digits, at most 40 decimal places (valid in a scenario). */
export function roundValue(v: Dec): Dec {
  const r = v.toSignificantDigits(VALUE_DIGITS, Dec.ROUND_HALF_UP);
  return r.decimalPlaces() > MAX_PLACES ? r.toDecimalPlaces(MAX_PLACES, Dec.ROUND_HALF_UP) : r;
}

/** Memoises a gap function by value (bisection and the scan revisit points). */
export function memoGap(gap: Gap): Gap {
  const seen = new Map<string, Dec>();
  return (v) => {
    const key = v.toFixed();
    const hit = seen.get(key);
    if (hit) return hit;
    const g = gap(v);
    seen.set(key, g);
    return g;
  };
}

/**
 * The root of an affine gap. First checks that g is affine on [low, high]: the values at the
 * midpoint and at today's value must lie on the line through the ends (to 1e-25 relative). Then
 * solves `g(low) + slope·(v - low) = 0` and checks the gap at the (rounded) root is 0 to the cent.
 * Returns null when any check fails, so the caller can search instead.
 */
export function solveLinear(
  gap: Gap,
  low: Dec,
  high: Dec,
  current: Dec,
): SearchOutcome | { kind: 'flat'; gap: Dec } | null {
  const gLow = gap(low);
  const gHigh = gap(high);
  const width = high.minus(low);
  if (!width.isPositive()) return null;
  const slope = gHigh.minus(gLow).div(width);
  const line = (v: Dec) => gLow.plus(slope.mul(v.minus(low)));
  const mid = roundValue(low.plus(high).div(2));
  const scale = Dec.max(ONE, gLow.abs(), gHigh.abs());
  const onLine = (v: Dec) =>
    gap(v).minus(line(v)).abs().lessThanOrEqualTo(scale.mul(LINEARITY_TOLERANCE));
  if (!onLine(mid) || !onLine(current)) return null;
  if (gHigh.minus(gLow).abs().lessThanOrEqualTo(GAP_NOISE.mul(scale))) {
    return { kind: 'flat', gap: gap(current) };
  }
  const sLow = gapSign(gLow);
  const sHigh = gapSign(gHigh);
  if (sLow === 0) return { kind: 'exact', value: low, gap: gLow, others: [] };
  if (sHigh === 0) return { kind: 'exact', value: high, gap: gHigh, others: [] };
  if (sLow === sHigh) {
    return { kind: 'none', low: sample(low, gLow), high: sample(high, gHigh), samples: [] };
  }
  const root = clampTo(roundValue(low.minus(gLow.div(slope))), low, high);
  const gRoot = gap(root);
  if (gRoot.abs().greaterThan(HALF_CENT)) return null;
  return { kind: 'exact', value: root, gap: gRoot, others: [] };
}
const LINEARITY_TOLERANCE = new Dec('1e-25');

/**
 * Scans [low, high] (and today's value) for sign changes of the gap and refines the one nearest
 * today's value. `integer`: only whole numbers are tried. Approximate: the scan can miss a sign
 * change narrower than its spacing (64 intervals, on a log scale for wide ranges).
 */
export function searchPiecewise(
  gap: Gap,
  low: Dec,
  high: Dec,
  current: Dec,
  integer: boolean,
): SearchOutcome {
  const samples = scanPoints(low, high, current, integer).map((v) => sample(v, gap(v)));
  type Candidate = { at: Dec; distance: Dec; index: number; zero: boolean };
  const candidates: Candidate[] = [];
  samples.forEach((s, i) => {
    const sign = gapSign(s.gap);
    if (sign === 0) {
      candidates.push({
        at: s.value,
        distance: s.value.minus(current).abs(),
        index: i,
        zero: true,
      });
      return;
    }
    const next = samples[i + 1];
    if (next && gapSign(next.gap) === -sign) {
      const inside = !current.lessThan(s.value) && !current.greaterThan(next.value);
      const distance = inside
        ? ZERO
        : Dec.min(s.value.minus(current).abs(), next.value.minus(current).abs());
      const at = s.value.plus(next.value).div(2);
      candidates.push({ at, distance, index: i, zero: false });
    }
  });
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) throw new Error('empty scan');
  if (candidates.length === 0) return { kind: 'none', low: first, high: last, samples };
  let best = candidates[0] as Candidate;
  for (const c of candidates) if (c.distance.lessThan(best.distance)) best = c;
  const others = candidates
    .filter((c) => c !== best)
    .map((c) => c.at.toSignificantDigits(6, Dec.ROUND_HALF_UP));
  const s = samples[best.index] as Sample;
  if (best.zero) return { kind: 'exact', value: s.value, gap: s.gap, others };
  const next = samples[best.index + 1] as Sample;
  return { ...refine(gap, s, next, integer), others };
}

type Refined =
  | { kind: 'exact'; value: Dec; gap: Dec }
  | { kind: 'approximate'; value: Dec; low: Sample; high: Sample }
  | { kind: 'step'; low: Sample; high: Sample };

/** Bisects a bracket whose ends have opposite signs. */
function refine(gap: Gap, from: Sample, to: Sample, integer: boolean): Refined {
  let a = from;
  let b = to;
  const signA = gapSign(a.gap);
  const bisect = (tolerance: Dec): Refined | null => {
    for (let i = 0; i < MAX_STEPS; i++) {
      let m: Dec;
      if (integer) {
        if (b.value.minus(a.value).lessThanOrEqualTo(ONE)) return null;
        m = a.value.plus(b.value).div(2).floor();
      } else {
        const size = Dec.max(a.value.abs(), b.value.abs());
        if (b.value.minus(a.value).lessThanOrEqualTo(size.mul(tolerance))) return null;
        m = roundValue(a.value.plus(b.value).div(2));
        if (!m.greaterThan(a.value) || !m.lessThan(b.value)) return null;
      }
      const g = gap(m);
      const sign = gapSign(g);
      if (sign === 0) return { kind: 'exact', value: m, gap: g };
      if (sign === signA) a = sample(m, g);
      else b = sample(m, g);
    }
    return null;
  };
  const exact = bisect(RELATIVE_TOLERANCE);
  if (exact) return exact;
  if (integer) return { kind: 'step', low: a, high: b };
  if (jumpOf(a, b).greaterThan(JUMP)) {
    // Steep, or a true jump? Narrow further: a continuous gap closes, a step does not.
    const again = bisect(STEP_TOLERANCE);
    if (again) return again;
    if (jumpOf(a, b).greaterThan(JUMP)) return { kind: 'step', low: a, high: b };
  }
  return { kind: 'approximate', value: interpolate(a, b), low: a, high: b };
}

function jumpOf(a: Sample, b: Sample): Dec {
  return b.gap.minus(a.gap).abs();
}

/** The secant root inside a bracket (a better estimate than its midpoint), rounded. */
function interpolate(a: Sample, b: Sample): Dec {
  const dg = b.gap.minus(a.gap);
  if (dg.isZero()) return roundValue(a.value.plus(b.value).div(2));
  const v = a.value.minus(a.gap.mul(b.value.minus(a.value)).div(dg));
  return clampTo(roundValue(v), a.value, b.value);
}

/**
 * The scan: 64 intervals, on a log scale when the range spans a factor of 100 or more from a
 * non-negative start (from 1e-12 of the top when the range starts at 0), plus today's value.
 * Points are rounded to 12 significant digits (whole numbers for integer inputs).
 */
export function scanPoints(low: Dec, high: Dec, current: Dec, integer: boolean): Dec[] {
  const raw: Dec[] = [low, high];
  const n = new Dec(SCAN_INTERVALS);
  const logScale =
    !low.isNegative() && high.isPositive() && (low.isZero() || high.div(low).gte(LOG_SCAN_RATIO));
  if (logScale) {
    const floor = low.isZero() ? high.mul(LOG_SCAN_FLOOR) : low;
    const ratio = high.div(floor).pow(ONE.div(n));
    let x = floor;
    for (let i = 0; i < SCAN_INTERVALS; i++, x = x.mul(ratio)) raw.push(x);
  } else {
    const step = high.minus(low).div(n);
    for (let i = 1; i < SCAN_INTERVALS; i++) raw.push(low.plus(step.mul(i)));
  }
  const points = raw.map((v) => {
    const r = integer ? v.round() : v.toSignificantDigits(12, Dec.ROUND_HALF_UP);
    return clampTo(r, low, high);
  });
  if (!current.lessThan(low) && !current.greaterThan(high)) points.push(current);
  points.sort((x, y) => x.comparedTo(y));
  return points.filter((p, i) => i === 0 || !p.equals(points[i - 1] as Dec));
}

function clampTo(v: Dec, low: Dec, high: Dec): Dec {
  if (v.lessThan(low)) return low;
  if (v.greaterThan(high)) return high;
  return v;
}

function sample(value: Dec, gap: Dec): Sample {
  return { value, gap };
}
