import { Dec, ONE } from './decimal';
import { evaluateCurve, marginalAt, subtractCurves } from './cost-curve';
import type { CostCurve } from './cost-curve';
import { lazy } from './lazy-decimal';
import type { Lazy } from './lazy-decimal';
import { LAZY_ZERO, lazyCurve, lazyEvaluateCurve, lazyLadderAt, lazyStairCost } from './lazy-curve';
import type { LazyCurve, LazyStair } from './lazy-curve';

/** Volumes are searched up to this total, in tokens per day (DESIGN 3.5). */
export const MAX_TOKENS_PER_DAY = new Dec('1e12');
/** At most this many crossings are listed; the break-even itself is not affected. */
export const MAX_CROSSINGS = 1000;
/**
 * Replica steps examined one by one inside one uncertain span before the scan is split. Only
 * near-equal marginal costs make a span this long; the limit keeps such a case (which the UI
 * evaluates on every keystroke) to a few milliseconds per span.
 */
const MAX_WINDOW_STEPS = 4_000;
/**
 * A difference within this of zero counts as zero, and a root this close (relatively) to a
 * piece's end is at the end: step volumes and roots are 40-digit quotients, and their last-digit
 * noise must not invent a crossing (or hide a touch) where the exact values meet.
 */
const MONEY_NOISE = lazy(new Dec('1e-20'));
const VOLUME_NOISE = lazy(new Dec('1e-30'));
const LAZY_ONE = lazy(ONE);
const LAZY_TWO = lazy(new Dec(2));

export type Direction = 'up' | 'down';
export type CrossingAtK = { k: Dec; direction: Direction };
export type BreakEvenAtK =
  | { kind: 'always' }
  | { kind: 'never'; marginalC: Dec; marginalB: Dec; gapAtTop: Dec }
  | { kind: 'at'; k: Dec };
export type BreakEvenAnalysis = {
  breakEven: BreakEvenAtK;
  crossings: CrossingAtK[];
  /** False only when a degenerate span was too long to scan step by step (see README). */
  exact: boolean;
};

/**
 * Where strategy C becomes and stays no dearer than baseline B as every workload's volume is
 * scaled by k in (0, kMax] (DESIGN 3.5). Exact and independent of the number of replica steps:
 *
 * D(k) = C(k) - B(k) is linear plus stairs. Between "macro" breakpoints (staff tiers and the
 * volume where a stair leaves its minimum replicas) every active stair is `q·ceil(k·rate)`, which
 * is `q·k·rate` plus a term in [0, q). So D lies in a band around one line; outside the span
 * where the band straddles zero the sign of D is known without looking at single steps. Inside
 * it, each step is examined and D is linear between steps, so roots are solved exactly.
 *
 * The scan runs on lazy decimals (lazy-decimal.ts): the same exact arithmetic as on `Dec`, but a
 * value is computed only when a decision is too close for its float estimate or a result needs
 * it. Most of the thousands of signs and step counts decided on the way are far from the edge,
 * so they cost a few float operations; results and decisions are those of the exact scan.
 */
export function analyseBreakEven(c: CostCurve, b: CostCurve, kMax: Dec): BreakEvenAnalysis {
  const exactResult = scanBreakEven(c, b, lazy(kMax));
  const k = (x: Lazy) => x.exact();
  const be = exactResult.breakEven;
  return {
    breakEven: be.kind === 'at' ? { kind: 'at', k: k(be.k) } : be,
    crossings: exactResult.crossings.map((x) => ({ k: k(x.k), direction: x.direction })),
    exact: exactResult.exact,
  };
}

type LazyCrossing = { k: Lazy; direction: Direction };
type LazyAnalysis = {
  breakEven: Exclude<BreakEvenAtK, { kind: 'at' }> | { kind: 'at'; k: Lazy };
  crossings: LazyCrossing[];
  exact: boolean;
};

function scanBreakEven(c: CostCurve, b: CostCurve, kMax: Lazy): LazyAnalysis {
  const exactD = subtractCurves(c, b);
  const d = lazyCurve(exactD);
  const tracker = new SignTracker();
  const macro = macroBreakpoints(d, kMax);
  let exact = true;
  let a = LAZY_ZERO;
  for (const end of macro) {
    if (!scanRegion(d, a, end, tracker)) exact = false;
    tracker.point(end, dearerAt(d, end));
    a = end;
  }
  const crossings = tidyCrossings(tracker.crossings);
  // The sustained break-even is the last downward crossing (touches already removed, so an
  // isolated point where C is dearer by rounding noise does not move it). Only a scan that had
  // to skip part of a degenerate span falls back to the last dearer point seen.
  const lastDown = [...crossings].reverse().find((c) => c.direction === 'down');
  let breakEven: LazyAnalysis['breakEven'];
  if (tracker.lastPositive === null || (exact && tracker.state !== true && !lastDown)) {
    breakEven = { kind: 'always' };
  } else if (tracker.state === true) {
    const top = kMax.exact();
    breakEven = {
      kind: 'never',
      marginalC: marginalAt(c, top),
      marginalB: marginalAt(b, top),
      gapAtTop: evaluateCurve(exactD, top),
    };
  } else breakEven = { kind: 'at', k: exact && lastDown ? lastDown.k : tracker.lastPositive };
  return { breakEven, crossings: crossings.slice(0, MAX_CROSSINGS), exact };
}

/** Staff tier starts and minimum-replica ends inside (0, kMax), sorted, then kMax itself. */
function macroBreakpoints(d: LazyCurve, kMax: Lazy): Lazy[] {
  const points: Lazy[] = [];
  for (const l of d.ladders) for (const v of l.levels) points.push(v.fromK);
  for (const s of d.stairs) {
    if (s.rate.greaterThan(LAZY_ZERO)) points.push(s.minReplicas.div(s.rate));
  }
  const inside = points.filter((p) => p.greaterThan(LAZY_ZERO) && p.lessThan(kMax));
  inside.sort((x, y) => x.comparedTo(y));
  const unique = inside.filter((p, i) => i === 0 || !p.equals(inside[i - 1] as Lazy));
  return [...unique, kMax];
}

/** Scans the open interval (a, b) between macro breakpoints. Returns false if it had to split. */
function scanRegion(d: LazyCurve, a: Lazy, b: Lazy, tracker: SignTracker): boolean {
  // Inside (a, b) every stair is either constant at its minimum or active (`q·ceil(k·rate)`).
  // Decided at the midpoint: the region's ends are rounded quotients (minReplicas / rate).
  const mid = a.plus(b).div(LAZY_TWO);
  const active: LazyStair[] = [];
  let constant = d.constant;
  for (const s of d.stairs) {
    if (mid.mul(s.rate).greaterThan(s.minReplicas)) active.push(s);
    else constant = constant.plus(lazyStairCost(s, s.minReplicas));
  }
  for (const l of d.ladders) constant = constant.plus(lazyLadderAt(l, mid));
  if (active.length === 0) {
    tracker.linear(a, b, d.slope, constant);
    return true;
  }
  // Band: D(k) in [M·k + constant + lo, M·k + constant + hi].
  let m = d.slope;
  let lo = LAZY_ZERO;
  let hi = LAZY_ZERO;
  for (const s of active) {
    m = m.plus(s.perReplica.mul(s.rate));
    if (s.perReplica.isNegative()) lo = lo.plus(s.perReplica);
    else hi = hi.plus(s.perReplica);
  }
  let wa = a;
  let wb = b;
  if (m.isZero()) {
    if (dearer(constant.plus(lo))) return (tracker.interval(a, b, true), true);
    if (constant.plus(hi).lessThanOrEqualTo(LAZY_ZERO)) {
      return (tracker.interval(a, b, false), true);
    }
  } else {
    const r1 = constant.plus(hi).neg().div(m);
    const r2 = constant.plus(lo).neg().div(m);
    const [low, high] = r1.lessThan(r2) ? [r1, r2] : [r2, r1];
    // Below the span the band is entirely on one side: that of the line's value at `a`.
    const below = m.isPositive() ? false : true;
    if (low.greaterThan(a)) {
      wa = low.lessThan(b) ? low : b;
      tracker.interval(a, wa, below);
      if (wa.equals(b)) return true;
      tracker.point(wa, dearerAt(d, wa));
    }
    if (high.lessThan(b)) wb = high.greaterThan(wa) ? high : wa;
  }
  const complete = scanWindow(d, active, constant, wa, wb, tracker);
  if (wb.lessThan(b)) {
    if (wb.greaterThan(wa)) tracker.point(wb, dearerAt(d, wb));
    tracker.interval(wb, b, m.isPositive());
  }
  return complete;
}

/** Step by step through the open span (wa, wb): D is linear between consecutive steps. */
function scanWindow(
  d: LazyCurve,
  active: LazyStair[],
  constant: Lazy,
  wa: Lazy,
  wb: Lazy,
  tracker: SignTracker,
): boolean {
  if (!wb.greaterThan(wa)) return true;
  let count = 0;
  for (const s of active) {
    const first = wa.mul(s.rate).floor().plus(LAZY_ONE);
    const last = wb.mul(s.rate).ceil().minus(LAZY_ONE);
    if (last.greaterThanOrEqualTo(first)) count += last.minus(first).plus(LAZY_ONE).toNumber();
  }
  // Between two steps every stair is constant; its count is read at the piece's midpoint, which
  // is robust to the rounding of the step points themselves.
  const pieceAt = (left: Lazy, right: Lazy): Lazy => {
    const mid = left.plus(right).div(LAZY_TWO);
    let e = constant;
    for (const s of active) e = e.plus(lazyStairCost(s, mid.mul(s.rate).ceil()));
    return e;
  };
  const walk = (from: Lazy, steps: Lazy[], to: Lazy) => {
    let left = from;
    for (const k of steps) {
      tracker.linear(left, k, d.slope, pieceAt(left, k));
      tracker.point(k, dearerAt(d, k));
      left = k;
    }
    tracker.linear(left, to, d.slope, pieceAt(left, to));
  };
  if (count <= MAX_WINDOW_STEPS) {
    walk(wa, stepsBetween(active, wa, wb, 'up', Infinity), wb);
    return true;
  }
  // Degenerate (marginal costs almost equal): keep the first and the last steps exactly and
  // leave the middle unknown; crossings in it are not listed.
  const half = MAX_WINDOW_STEPS / 2;
  const bottom = stepsBetween(active, wa, wb, 'up', half);
  const top = stepsBetween(active, wa, wb, 'down', half).reverse();
  const bottomEnd = bottom[bottom.length - 1] ?? wa;
  const topStart = top[0] ?? wb;
  walk(wa, bottom.slice(0, -1), bottomEnd);
  tracker.point(bottomEnd, dearerAt(d, bottomEnd));
  tracker.unknown();
  tracker.point(topStart, dearerAt(d, topStart));
  walk(topStart, top.slice(1), wb);
  return false;
}

/**
 * The step points `j / rate` strictly inside (wa, wb) of all stairs, merged and sorted, at most
 * `limit` of them from the chosen end. Counting starts one step early: the span's end is itself
 * a rounded quotient, so the first candidate may fall on either side of it.
 */
function stepsBetween(
  stairs: LazyStair[],
  wa: Lazy,
  wb: Lazy,
  from: 'up' | 'down',
  limit: number,
): Lazy[] {
  const all: Lazy[] = [];
  for (const s of stairs) {
    const up = from === 'up';
    let j = up ? wa.mul(s.rate).floor() : wb.mul(s.rate).ceil();
    for (let taken = 0; taken < limit; j = up ? j.plus(LAZY_ONE) : j.minus(LAZY_ONE)) {
      const k = j.div(s.rate);
      if (up ? !k.lessThan(wb) : !k.greaterThan(wa)) break;
      if (k.greaterThan(wa) && k.lessThan(wb)) {
        all.push(k);
        taken++;
      }
    }
  }
  all.sort((x, y) => (from === 'up' ? x.comparedTo(y) : y.comparedTo(x)));
  const unique = all.filter((k, i) => i === 0 || !k.equals(all[i - 1] as Lazy));
  return unique.slice(0, limit);
}

/**
 * Follows the sign of D through consecutive pieces in increasing k: open intervals and points.
 * "Positive" means C costs more than B; zero counts as "C no dearer".
 */
class SignTracker {
  state: boolean | null = null;
  lastPositive: Lazy | null = null;
  crossings: LazyCrossing[] = [];

  point(k: Lazy, positive: boolean): void {
    this.enter(k, positive);
    if (positive) this.lastPositive = k;
  }

  interval(a: Lazy, b: Lazy, positive: boolean): void {
    if (!b.greaterThan(a)) return;
    this.enter(a, positive);
    if (positive) this.lastPositive = b;
  }

  /** D = slope·k + e on (a, b): one sign, or two around the root. */
  linear(a: Lazy, b: Lazy, slope: Lazy, e: Lazy): void {
    if (!b.greaterThan(a)) return;
    if (!slope.isZero()) {
      const root = e.neg().div(slope);
      const inside =
        root.minus(a).greaterThan(a.abs().mul(VOLUME_NOISE)) &&
        b.minus(root).greaterThan(b.abs().mul(VOLUME_NOISE));
      if (inside) {
        this.interval(a, root, slope.isNegative());
        this.point(root, false);
        this.interval(root, b, slope.isPositive());
        return;
      }
    }
    const mid = a.plus(b).div(LAZY_TWO);
    this.interval(a, b, dearer(slope.mul(mid).plus(e)));
  }

  /** A stretch that was not examined: no crossing is recorded across it. */
  unknown(): void {
    this.state = null;
  }

  private enter(at: Lazy, positive: boolean): void {
    if (this.state !== null && this.state !== positive) {
      this.crossings.push({ k: at, direction: positive ? 'up' : 'down' });
    }
    this.state = positive;
  }
}

/**
 * `dearer(evaluateCurve(d, k))`. Where the floats cannot tell, the replica counts they leave
 * open are settled first (one exact step count each) before D itself is computed exactly.
 */
function dearerAt(d: LazyCurve, k: Lazy): boolean {
  const side = lazyEvaluateCurve(d, k).clearComparedTo(MONEY_NOISE);
  if (side !== null) return side > 0;
  return dearer(lazyEvaluateCurve(d, k, true));
}

/** Whether C is dearer than B by more than rounding noise. */
function dearer(difference: Lazy): boolean {
  return difference.greaterThan(MONEY_NOISE);
}

/** A down and an up at the same volume is a touch, not a crossing. */
function tidyCrossings(list: LazyCrossing[]): LazyCrossing[] {
  const out: LazyCrossing[] = [];
  for (const c of list) {
    const prev = out[out.length - 1];
    // Same volume up to rounding noise: a down and an up there is a touch.
    const same = prev && prev.k.minus(c.k).abs().lessThanOrEqualTo(c.k.abs().mul(VOLUME_NOISE));
    if (prev && same && prev.direction !== c.direction) out.pop();
    else out.push(c);
  }
  return out;
}
