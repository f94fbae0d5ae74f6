import { Dec, ZERO, toPlain } from './decimal';
import type { MonteCarloSample } from './monte-carlo';
import type { BreakEvenSummary } from './strategy-pair';

/**
 * What a Monte Carlo run says (issue 6 item 3), from its samples (monte-carlo.ts), in any order:
 *
 * - `cheaper`: the share of samples in which strategy C costs less than the baseline, savings
 *   strictly above 0. A tie (savings exactly 0) does not count as cheaper; ties are counted apart.
 * - Percentiles by the nearest-rank method: P_p is the smallest sample such that at least p% of
 *   the samples are at or below it, the value of rank ceil(p·n/100) in ascending order (always
 *   one of the samples, never an interpolation). Savings are ordered exactly (as decimals).
 * - Break-even volumes are ordered with "always" (C is no dearer at any volume) as 0 tokens/day
 *   and "never" as +infinity, so a percentile of the break-even can itself be "always" or "never".
 * - A histogram of savings: Rice's rule for the number of bins, ceil(2·n^(1/3)) capped at 50, the
 *   width rounded up to 1, 2, 2.5 or 5 times a power of ten, and bins aligned on multiples of the
 *   width, so 0 is always an edge and no bin holds both savings and losses. Bins are [from, to),
 *   the last one closed. Floats: the histogram is for drawing.
 *
 * @example summariseMonteCarlo(samples).cheaper.probability // 0.8214
 */

export type BreakEvenPercentile = BreakEvenSummary;

export type MonteCarloHistogram = {
  /** The width of every bin (0 when every sample has the same savings: one bin). */
  binWidth: number;
  bins: { from: number; to: number; count: number }[];
};

export type MonteCarloSummary = {
  samples: number;
  cheaper: {
    /** Samples with savings > 0. */
    count: number;
    /** `count / samples` (0 for no samples). */
    probability: number;
    /** Samples with savings exactly 0 (not counted as cheaper). */
    ties: number;
  };
  /** B - C per month; null for no samples. */
  savings: {
    p10: string;
    p50: string;
    p90: string;
    mean: string;
    min: string;
    max: string;
  } | null;
  breakEven: {
    always: number;
    never: number;
    at: number;
    /** Null for no samples. */
    p10: BreakEvenPercentile | null;
    p50: BreakEvenPercentile | null;
    p90: BreakEvenPercentile | null;
  };
  histogram: MonteCarloHistogram;
};

/** Rice's rule is capped here: more bins than this do not read as a chart. */
export const MAX_HISTOGRAM_BINS = 50;

export function summariseMonteCarlo(samples: readonly MonteCarloSample[]): MonteCarloSummary {
  const n = samples.length;
  let count = 0;
  let ties = 0;
  const values = samples.map((s) => {
    const d = new Dec(s.savings);
    if (d.isPositive() && !d.isZero()) count++;
    else if (d.isZero()) ties++;
    return { number: s.savingsNumber, dec: d };
  });
  // Floats order almost every pair; exact decimals settle the rest.
  values.sort((a, b) => a.number - b.number || a.dec.comparedTo(b.dec));
  const breakEvens = samples
    .map((s) => ({ key: breakEvenKey(s.breakEven), be: s.breakEven }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const kinds = { always: 0, never: 0, at: 0 };
  for (const s of samples) kinds[s.breakEven.kind]++;
  const at = <T>(sorted: readonly T[], percent: number): T | null =>
    n === 0 ? null : (sorted[nearestRank(percent, n) - 1] ?? null);
  const savingsAt = (percent: number) => toPlain(at(values, percent)?.dec ?? ZERO);
  return {
    samples: n,
    cheaper: { count, probability: n === 0 ? 0 : count / n, ties },
    savings:
      n === 0
        ? null
        : {
            p10: savingsAt(10),
            p50: savingsAt(50),
            p90: savingsAt(90),
            mean: toPlain(sumOf(values.map((v) => v.dec)).div(n)),
            min: toPlain(values[0]?.dec ?? ZERO),
            max: toPlain(values[n - 1]?.dec ?? ZERO),
          },
    breakEven: {
      ...kinds,
      p10: at(breakEvens, 10)?.be ?? null,
      p50: at(breakEvens, 50)?.be ?? null,
      p90: at(breakEvens, 90)?.be ?? null,
    },
    histogram: histogramOf(values.map((v) => v.number)),
  };
}

/**
 * The 1-based nearest rank of the p-th percentile of n samples: ceil(p·n/100), in whole-number
 * arithmetic, at least 1.
 *
 * @example nearestRank(10, 10_000) // 1000
 */
export function nearestRank(percent: number, n: number): number {
  return Math.max(1, Math.floor((percent * n + 99) / 100));
}

/** "always" as 0, "never" as +infinity, "at" as its volume. */
type Key = { rank: 0 | 1 | 2; volume: Dec };

function breakEvenKey(be: BreakEvenSummary): Key {
  if (be.kind === 'always') return { rank: 0, volume: ZERO };
  if (be.kind === 'never') return { rank: 2, volume: ZERO };
  return { rank: 1, volume: new Dec(be.tokensPerDay) };
}

function compareKeys(a: Key, b: Key): number {
  // An "at" of 0 tokens/day and "always" are equal as volumes: "always" first.
  if (a.rank !== b.rank) {
    if (a.rank === 2 || b.rank === 2) return a.rank - b.rank;
    return a.volume.comparedTo(b.volume) || a.rank - b.rank;
  }
  return a.rank === 1 ? a.volume.comparedTo(b.volume) : 0;
}

function sumOf(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Bins of `sorted` (ascending floats) by the rule stated at the top of this file. */
export function histogramOf(sorted: readonly number[]): MonteCarloHistogram {
  const n = sorted.length;
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === undefined || max === undefined) return { binWidth: 0, bins: [] };
  // All equal, or apart by less than floats can bin: one bin.
  const spread = max - min;
  if (!(spread > Math.max(Math.abs(min), Math.abs(max)) * 1e-12)) {
    return { binWidth: 0, bins: [{ from: min, to: max, count: n }] };
  }
  const target = Math.min(MAX_HISTOGRAM_BINS, Math.max(1, Math.ceil(2 * Math.cbrt(n))));
  const width = niceCeil(spread / target);
  const first = Math.floor(min / width);
  let last = Math.ceil(max / width);
  if (last === first) last = first + 1;
  const bins = Array.from({ length: last - first }, (_, i) => ({
    from: edge(first + i, width),
    to: edge(first + i + 1, width),
    count: 0,
  }));
  for (const x of sorted) {
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor(x / width) - first));
    const bin = bins[i];
    if (bin) bin.count++;
  }
  return { binWidth: width, bins };
}

/** k·width, without the float noise of the product (0.30000000000000004 -> 0.3). */
function edge(k: number, width: number): number {
  return Number((k * width).toPrecision(12));
}

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least x (x > 0). */
function niceCeil(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const w = Number((m * power).toPrecision(12));
    if (w >= x) return w;
  }
  return 10 * power;
}
