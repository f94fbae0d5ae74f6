import type { Dec } from './decimal';
import { writeVolume } from './claim-audit-words';
import type { SidePoint } from './claim-audit-table-lines';

/**
 * Reading a tier table between its tiers. The method, stated wherever it is used: each side's
 * total is a straight line between neighbouring tiers (linear interpolation); outside the tiers
 * the line through the nearest two tiers is extended (extrapolation, which the table does not
 * support: real costs come in steps).
 */
export type ReadMethod = 'tier' | 'between' | 'below' | 'above';

export type SideReading = {
  api: Dec;
  self: Dec;
  method: ReadMethod;
  /** The tiers the reading used (the same tier twice for `tier`). */
  low: SidePoint;
  high: SidePoint;
};

/** Both sides' totals at a volume, or null when the table has no tiers to read from. */
export function readSides(points: readonly SidePoint[], tokensPerDay: Dec): SideReading | null {
  const exact = points.find((p) => p.tokensPerDay.equals(tokensPerDay));
  if (exact !== undefined)
    return { api: exact.api, self: exact.self, method: 'tier', low: exact, high: exact };
  if (points.length < 2) return null;
  let index = points.findIndex((p) => p.tokensPerDay.greaterThan(tokensPerDay));
  let method: ReadMethod = 'between';
  if (index === 0) {
    index = 1;
    method = 'below';
  } else if (index === -1) {
    index = points.length - 1;
    method = 'above';
  }
  const low = points[index - 1]!;
  const high = points[index]!;
  const t = tokensPerDay.minus(low.tokensPerDay).div(high.tokensPerDay.minus(low.tokensPerDay));
  const line = (a: Dec, b: Dec) => a.plus(b.minus(a).mul(t));
  return { api: line(low.api, high.api), self: line(low.self, high.self), method, low, high };
}

/** How a reading was made, in words: "on straight lines between the 10M and 100M tiers". */
export function readingWords(reading: Pick<SideReading, 'method' | 'low' | 'high'>): string {
  const lo = writeVolume(reading.low.tokensPerDay);
  const hi = writeVolume(reading.high.tokensPerDay);
  switch (reading.method) {
    case 'tier':
      return `at the ${lo} tier`;
    case 'between':
      return `on straight lines between the ${lo} and ${hi} tiers`;
    case 'below':
      return `by extending the straight lines through the ${lo} and ${hi} tiers below the table, an extrapolation`;
    case 'above':
      return `by extending the straight lines through the ${lo} and ${hi} tiers above the table, an extrapolation`;
  }
}

export type Crossing = {
  tokensPerDay: Dec;
  method: ReadMethod;
  low: SidePoint;
  high: SidePoint;
  /** True when self-hosting is the cheaper side above this volume. */
  selfCheaperAbove: boolean;
};

/**
 * Where the two totals cross: at a tier where they are equal, between tiers where the sign of
 * `self - api` changes, and (only when one side is cheaper at every tier) where the nearest
 * segment's lines meet outside the table, if they meet above 0 tokens/day.
 */
export function findCrossings(points: readonly SidePoint[]): Crossing[] {
  const diff = points.map((p) => p.self.minus(p.api));
  const out: Crossing[] = [];
  points.forEach((p, i) => {
    const d = diff[i]!;
    if (d.isZero()) {
      const next = diff[i + 1];
      const prev = diff[i - 1];
      const selfCheaperAbove =
        next !== undefined ? next.lessThan(0) : prev !== undefined && prev.greaterThan(0);
      out.push({ tokensPerDay: p.tokensPerDay, method: 'tier', low: p, high: p, selfCheaperAbove });
    }
    const q = points[i + 1];
    const e = diff[i + 1];
    if (q === undefined || e === undefined || d.isZero() || e.isZero()) return;
    if (d.lessThan(0) === e.lessThan(0)) return;
    const at = p.tokensPerDay.plus(q.tokensPerDay.minus(p.tokensPerDay).mul(d).div(d.minus(e)));
    out.push({
      tokensPerDay: at,
      method: 'between',
      low: p,
      high: q,
      selfCheaperAbove: e.lessThan(0),
    });
  });
  if (out.length > 0 || points.length < 2) return out;
  if (!diff.every((d) => !d.isZero() && d.lessThan(0) === diff[0]!.lessThan(0))) return out;
  // One side is cheaper at every tier: extend the end segments, in case their lines meet outside.
  const below = extend(points, diff, 0);
  if (below !== null && below.lessThan(points[0]!.tokensPerDay) && below.greaterThan(0)) {
    const [low, high] = [points[0]!, points[1]!];
    out.push({
      tokensPerDay: below,
      method: 'below',
      low,
      high,
      selfCheaperAbove: diff[0]!.lessThan(0),
    });
  }
  const n = points.length - 1;
  const above = extend(points, diff, n - 1);
  if (above !== null && above.greaterThan(points[n]!.tokensPerDay)) {
    const [low, high] = [points[n - 1]!, points[n]!];
    out.push({
      tokensPerDay: above,
      method: 'above',
      low,
      high,
      selfCheaperAbove: diff[n]!.greaterThan(0),
    });
  }
  return out;
}

/** Where the line of `self - api` through points i and i+1 is zero, or null if it is flat. */
function extend(points: readonly SidePoint[], diff: readonly Dec[], i: number): Dec | null {
  const p = points[i]!;
  const q = points[i + 1]!;
  const dp = diff[i]!;
  const dq = diff[i + 1]!;
  if (dp.equals(dq)) return null;
  return p.tokensPerDay.plus(q.tokensPerDay.minus(p.tokensPerDay).mul(dp).div(dp.minus(dq)));
}
