import type { CurvePoint } from './chart-data';

/**
 * Pixel geometry of the cost-by-volume chart (log volume across, log money up): pure functions
 * of plain numbers, so the chart can memoise them and tests can check them without a layout.
 */

export type Domain = readonly [number, number];
/** The plot's rectangle inside the SVG, in pixels. */
export type PlotArea = { left: number; top: number; width: number; height: number };

/**
 * Where `v` sits along a log axis, from 0 (`lo`) to 1 (`hi`); outside the domain it goes past.
 *
 * @example logShare(100, [10, 1000]) // 0.5
 */
export function logShare(v: number, [lo, hi]: Domain): number {
  return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
}

/** The x pixel of a volume. */
export function xPixel(tokensPerDay: number, domain: Domain, area: PlotArea): number {
  return area.left + logShare(tokensPerDay, domain) * area.width;
}

/** The y pixel of an amount, held inside the plot (zero and below sit on its floor). */
export function yPixel(amount: number, costDomain: Domain, area: PlotArea): number {
  const share = amount > 0 ? Math.min(1, Math.max(0, logShare(amount, costDomain))) : 0;
  return area.top + area.height - share * area.height;
}

/** One decimal is finer than a pixel on any screen and keeps the path strings short. */
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The SVG path (`d`) of each series: one string per key, built in one pass per series with no
 * object per point. Points outside the volume domain are left out; a missing value breaks the
 * line (as a chart library leaves a gap rather than joining across it).
 *
 * @example
 * seriesPaths([{ tokensPerDay: 1, s0: 1 }, { tokensPerDay: 100, s0: 100 }], ['s0'],
 *   [1, 100], [1, 100], { left: 0, top: 0, width: 100, height: 100 }) // ['M0,100L100,0']
 */
export function seriesPaths(
  points: readonly CurvePoint[],
  keys: readonly string[],
  domain: Domain,
  costDomain: Domain,
  area: PlotArea,
): string[] {
  const [lo, hi] = domain;
  const xs: number[] = [];
  for (const p of points) {
    const v = p.tokensPerDay;
    xs.push(v >= lo && v <= hi ? round(xPixel(v, domain, area)) : NaN);
  }
  return keys.map((key) => {
    let d = '';
    let move = true;
    for (let i = 0; i < points.length; i++) {
      const x = xs[i] as number;
      if (Number.isNaN(x)) continue;
      const amount = (points[i] as CurvePoint)[key];
      if (amount === undefined || !Number.isFinite(amount)) {
        move = true;
        continue;
      }
      d += `${move ? 'M' : 'L'}${x},${round(yPixel(amount, costDomain, area))}`;
      move = false;
    }
    return d;
  });
}

/**
 * Ticks of a log axis: every power of ten in the domain and, where a decade has at least
 * `minDecadePx` pixels, its 3x as well (1K, 3K, 10K, 30K…), so a short axis still has a scale.
 *
 * @example logTicks([1e3, 1e5], 200, 60) // [1000, 3000, 10000, 30000, 100000]
 */
export function logTicks(domain: Domain, lengthPx: number, minDecadePx = Infinity): number[] {
  const [lo, hi] = domain;
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const decades = Math.log10(hi) - Math.log10(lo);
  const thirds = decades > 0 && lengthPx / decades >= minDecadePx;
  const ticks: number[] = [];
  for (let e = first; e <= last; e++) {
    ticks.push(10 ** e);
    if (thirds && 3 * 10 ** e <= hi) ticks.push(3 * 10 ** e);
  }
  return ticks;
}

/** Points at one volume to a millionth: the two sides of a drawn replica or staff step. */
const sameVolume = (a: number, b: number) => Math.abs(b / a - 1) < 1e-6;

/** The last index of the run of points at the same volume as point `i` (the cost from there on). */
function lastAtVolume(volumes: readonly number[], i: number): number {
  let j = i;
  while (j + 1 < volumes.length && sameVolume(volumes[j] as number, volumes[j + 1] as number)) j++;
  return j;
}

/** The first index whose volume is at or above `v` (`volumes.length` if none): binary search. */
export function firstAtOrAfter(volumes: readonly number[], v: number): number {
  let lo = 0;
  let hi = volumes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((volumes[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The point nearest a volume on the log axis (sorted volumes; -1 if there are none). Of the two
 * points drawn at one step, the later one: the cost from that volume on.
 *
 * @example nearestPoint([1e3, 1e4, 1e5], 5e3) // 1 (5K is nearer 10K than 1K on a log axis)
 */
export function nearestPoint(volumes: readonly number[], tokensPerDay: number): number {
  if (volumes.length === 0) return -1;
  const after = Math.min(firstAtOrAfter(volumes, tokensPerDay), volumes.length - 1);
  const before = Math.max(0, after - 1);
  const distance = (i: number) => Math.abs(Math.log(volumes[i] as number) - Math.log(tokensPerDay));
  return lastAtVolume(volumes, distance(before) < distance(after) ? before : after);
}

/**
 * The next (`+1`) or previous (`-1`) point at another volume, for the arrow keys; it stays at
 * the ends. Both sides of a step count as one place, shown by its later point.
 *
 * @example stepPoint([1, 2, 2.0000000001, 3], 0, 1) // 2
 */
export function stepPoint(volumes: readonly number[], index: number, direction: 1 | -1): number {
  if (volumes.length === 0) return -1;
  if (direction === 1) return lastAtVolume(volumes, Math.min(index + 1, volumes.length - 1));
  let start = Math.min(index, volumes.length - 1);
  while (start > 0 && sameVolume(volumes[start - 1] as number, volumes[start] as number)) start--;
  return start > 0 ? start - 1 : lastAtVolume(volumes, 0);
}
