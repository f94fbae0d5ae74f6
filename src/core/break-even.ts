import { Dec, ZERO } from './decimal';
import { evaluateCurve, ladderAt, marginalAt, subtractCurves } from './cost-curve';
import type { CostCurve, Stair } from './cost-curve';

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
const MONEY_NOISE = new Dec('1e-20');
const VOLUME_NOISE = new Dec('1e-30');

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
 */
export function analyseBreakEven(c: CostCurve, b: CostCurve, kMax: Dec): BreakEvenAnalysis {
  const d = subtractCurves(c, b);
  const tracker = new SignTracker();
  const macro = macroBreakpoints(d, kMax);
  let exact = true;
  let a = ZERO;
  for (const end of macro) {
    if (!scanRegion(d, a, end, tracker)) exact = false;
    tracker.point(end, dearer(evaluateCurve(d, end)));
    a = end;
  }
  const crossings = tidyCrossings(tracker.crossings);
  // The sustained break-even is the last downward crossing (touches already removed, so an
  // isolated point where C is dearer by rounding noise does not move it). Only a scan that had
  // to skip part of a degenerate span falls back to the last dearer point seen.
  const lastDown = [...crossings].reverse().find((c) => c.direction === 'down');
  let breakEven: BreakEvenAtK;
  if (tracker.lastPositive === null || (exact && tracker.state !== true && !lastDown)) {
    breakEven = { kind: 'always' };
  } else if (tracker.state === true) {
    breakEven = {
      kind: 'never',
      marginalC: marginalAt(c, kMax),
      marginalB: marginalAt(b, kMax),
      gapAtTop: evaluateCurve(d, kMax),
    };
  } else breakEven = { kind: 'at', k: exact && lastDown ? lastDown.k : tracker.lastPositive };
  return { breakEven, crossings: crossings.slice(0, MAX_CROSSINGS), exact };
}

/** Staff tier starts and minimum-replica ends inside (0, kMax), sorted, then kMax itself. */
function macroBreakpoints(d: CostCurve, kMax: Dec): Dec[] {
  const points: Dec[] = [];
  for (const l of d.ladders) for (const v of l.levels) points.push(v.fromK);
  for (const s of d.stairs) if (s.rate.greaterThan(0)) points.push(s.minReplicas.div(s.rate));
  const inside = points.filter((p) => p.greaterThan(0) && p.lessThan(kMax));
  inside.sort((x, y) => x.comparedTo(y));
  const unique = inside.filter((p, i) => i === 0 || !p.equals(inside[i - 1] as Dec));
  return [...unique, kMax];
}

/** Scans the open interval (a, b) between macro breakpoints. Returns false if it had to split. */
function scanRegion(d: CostCurve, a: Dec, b: Dec, tracker: SignTracker): boolean {
  // Inside (a, b) every stair is either constant at its minimum or active (`q·ceil(k·rate)`).
  // Decided at the midpoint: the region's ends are rounded quotients (minReplicas / rate).
  const mid = a.plus(b).div(2);
  const active: Stair[] = [];
  let constant = d.constant;
  for (const s of d.stairs) {
    if (mid.mul(s.rate).greaterThan(s.minReplicas)) active.push(s);
    else constant = constant.plus(s.perReplica.mul(s.minReplicas));
  }
  for (const l of d.ladders) constant = constant.plus(ladderAt(l, mid));
  if (active.length === 0) {
    tracker.linear(a, b, d.slope, constant);
    return true;
  }
  // Band: D(k) in [M·k + constant + lo, M·k + constant + hi].
  let m = d.slope;
  let lo = ZERO;
  let hi = ZERO;
  for (const s of active) {
    m = m.plus(s.perReplica.mul(s.rate));
    if (s.perReplica.isNegative()) lo = lo.plus(s.perReplica);
    else hi = hi.plus(s.perReplica);
  }
  let wa = a;
  let wb = b;
  if (m.isZero()) {
    if (dearer(constant.plus(lo))) return (tracker.interval(a, b, true), true);
    if (constant.plus(hi).lessThanOrEqualTo(0)) return (tracker.interval(a, b, false), true);
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
      tracker.point(wa, dearer(evaluateCurve(d, wa)));
    }
    if (high.lessThan(b)) wb = high.greaterThan(wa) ? high : wa;
  }
  const complete = scanWindow(d, active, constant, wa, wb, tracker);
  if (wb.lessThan(b)) {
    if (wb.greaterThan(wa)) tracker.point(wb, dearer(evaluateCurve(d, wb)));
    tracker.interval(wb, b, m.isPositive());
  }
  return complete;
}

/** Step by step through the open span (wa, wb): D is linear between consecutive steps. */
function scanWindow(
  d: CostCurve,
  active: Stair[],
  constant: Dec,
  wa: Dec,
  wb: Dec,
  tracker: SignTracker,
): boolean {
  if (!wb.greaterThan(wa)) return true;
  let count = 0;
  for (const s of active) {
    const first = wa.mul(s.rate).floor().plus(1);
    const last = wb.mul(s.rate).ceil().minus(1);
    if (last.greaterThanOrEqualTo(first)) count += last.minus(first).plus(1).toNumber();
  }
  // Between two steps every stair is constant; its count is read at the piece's midpoint, which
  // is robust to the rounding of the step points themselves.
  const pieceAt = (left: Dec, right: Dec): Dec => {
    const mid = left.plus(right).div(2);
    let e = constant;
    for (const s of active) e = e.plus(s.perReplica.mul(mid.mul(s.rate).ceil()));
    return e;
  };
  const walk = (from: Dec, steps: Dec[], to: Dec) => {
    let left = from;
    for (const k of steps) {
      tracker.linear(left, k, d.slope, pieceAt(left, k));
      tracker.point(k, dearer(evaluateCurve(d, k)));
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
  tracker.point(bottomEnd, dearer(evaluateCurve(d, bottomEnd)));
  tracker.unknown();
  tracker.point(topStart, dearer(evaluateCurve(d, topStart)));
  walk(topStart, top.slice(1), wb);
  return false;
}

/**
 * The step points `j / rate` strictly inside (wa, wb) of all stairs, merged and sorted, at most
 * `limit` of them from the chosen end. Counting starts one step early: the span's end is itself
 * a rounded quotient, so the first candidate may fall on either side of it.
 */
function stepsBetween(
  stairs: Stair[],
  wa: Dec,
  wb: Dec,
  from: 'up' | 'down',
  limit: number,
): Dec[] {
  const all: Dec[] = [];
  for (const s of stairs) {
    const up = from === 'up';
    let j = up ? wa.mul(s.rate).floor() : wb.mul(s.rate).ceil();
    for (let taken = 0; taken < limit; j = up ? j.plus(1) : j.minus(1)) {
      const k = j.div(s.rate);
      if (up ? !k.lessThan(wb) : !k.greaterThan(wa)) break;
      if (k.greaterThan(wa) && k.lessThan(wb)) {
        all.push(k);
        taken++;
      }
    }
  }
  all.sort((x, y) => (from === 'up' ? x.comparedTo(y) : y.comparedTo(x)));
  const unique = all.filter((k, i) => i === 0 || !k.equals(all[i - 1] as Dec));
  return unique.slice(0, limit);
}

/**
 * Follows the sign of D through consecutive pieces in increasing k: open intervals and points.
 * "Positive" means C costs more than B; zero counts as "C no dearer".
 */
class SignTracker {
  state: boolean | null = null;
  lastPositive: Dec | null = null;
  crossings: CrossingAtK[] = [];

  point(k: Dec, positive: boolean): void {
    this.enter(k, positive);
    if (positive) this.lastPositive = k;
  }

  interval(a: Dec, b: Dec, positive: boolean): void {
    if (!b.greaterThan(a)) return;
    this.enter(a, positive);
    if (positive) this.lastPositive = b;
  }

  /** D = slope·k + e on (a, b): one sign, or two around the root. */
  linear(a: Dec, b: Dec, slope: Dec, e: Dec): void {
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
    const mid = a.plus(b).div(2);
    this.interval(a, b, dearer(slope.mul(mid).plus(e)));
  }

  /** A stretch that was not examined: no crossing is recorded across it. */
  unknown(): void {
    this.state = null;
  }

  private enter(at: Dec, positive: boolean): void {
    if (this.state !== null && this.state !== positive) {
      this.crossings.push({ k: at, direction: positive ? 'up' : 'down' });
    }
    this.state = positive;
  }
}

/** Whether C is dearer than B by more than rounding noise. */
function dearer(difference: Dec): boolean {
  return difference.greaterThan(MONEY_NOISE);
}

/** A down and an up at the same volume is a touch, not a crossing. */
function tidyCrossings(list: CrossingAtK[]): CrossingAtK[] {
  const out: CrossingAtK[] = [];
  for (const c of list) {
    const prev = out[out.length - 1];
    // Same volume up to rounding noise: a down and an up there is a touch.
    const same = prev && prev.k.minus(c.k).abs().lessThanOrEqualTo(c.k.abs().mul(VOLUME_NOISE));
    if (prev && same && prev.direction !== c.direction) out.pop();
    else out.push(c);
  }
  return out;
}
