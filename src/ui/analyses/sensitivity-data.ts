import type { SensitivityPoint, SensitivityResult, SensitivityRow } from '../../core/sensitivity';
import type { BreakEvenSummary } from '../../core/strategy-pair';
import { capitalise, inputName } from './analysis-format';

/**
 * The tornado chart's data (plain numbers, display only: DESIGN section 1), from the exact rows.
 * Savings are B - C per month; the break-even is in tokens/day, and "never"/"always" have no
 * position, so they travel as notes.
 */
export type RankBy = 'savings' | 'breakEven';

/** Rows the chart and the table show unless "show all" is on. */
export const TOP_ROWS = 15;

export type TornadoBar = {
  key: string;
  /** The input and its owner together, for titles. */
  name: string;
  /** The input ("Input share") and its owner ("Support"; empty for settings), for the labels. */
  label: string;
  owner: string;
  low: number | null;
  high: number | null;
  /** Why an end has no position ("never", "always"). */
  lowNote: string | null;
  highNote: string | null;
};

export type TornadoData = {
  by: RankBy;
  base: number | null;
  baseNote: string | null;
  /**
   * Savings on a linear axis; break-even volumes on a log axis (one input can move the volume
   * tenfold while the others move it by a few percent).
   */
  scale: 'linear' | 'log';
  /** Padded so no bar touches the edge; always includes the base. */
  domain: [number, number];
  bars: TornadoBar[];
};

/** The rows in the chosen order, the first `limit` of them (all when null). */
export function rankedRows(
  result: SensitivityResult,
  by: RankBy,
  limit: number | null,
): SensitivityRow[] {
  const rows = by === 'savings' ? result.rows : result.byBreakEven;
  return limit === null ? rows : rows.slice(0, limit);
}

export function toTornadoData(result: SensitivityResult, by: RankBy, rows: SensitivityRow[]) {
  const end = (p: SensitivityPoint): { value: number | null; note: string | null } =>
    by === 'savings' ? { value: Number(p.runRateSavings), note: null } : breakEvenEnd(p.breakEven);
  const base =
    by === 'savings'
      ? { value: Number(result.base.runRateSavings), note: null }
      : breakEvenEnd(result.base.breakEven);
  const bars = rows.map((row): TornadoBar => {
    const low = end(row.low);
    const high = end(row.high);
    return {
      key: row.key,
      name: inputName(row.label, row.ownerName),
      label: capitalise(row.label),
      owner: row.ownerName === 'Settings' ? '' : row.ownerName,
      low: low.value,
      high: high.value,
      lowNote: low.note,
      highNote: high.note,
    };
  });
  const values = [base.value, ...bars.flatMap((b) => [b.low, b.high])].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  const data: TornadoData = {
    by,
    base: base.value,
    baseNote: base.note,
    scale: by === 'savings' ? 'linear' : 'log',
    domain: by === 'savings' ? paddedDomain(values) : paddedLogDomain(values.filter((v) => v > 0)),
    bars,
  };
  return data;
}

function breakEvenEnd(be: BreakEvenSummary): { value: number | null; note: string | null } {
  if (be.kind === 'at') return { value: Number(be.tokensPerDay), note: null };
  return { value: null, note: be.kind === 'always' ? 'always cheaper' : 'never' };
}

function paddedDomain(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.04;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}

function paddedLogDomain(values: number[]): [number, number] {
  if (values.length === 0) return [1, 10];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // 4% of the axis on each side, measured in decades.
  const pad = lo === hi ? 0.1 : Math.log10(hi / lo) * 0.04;
  return [lo / 10 ** pad, hi * 10 ** pad];
}

/**
 * Round values for a log axis: 1, 2 and 5 times powers of ten within the domain, only powers of
 * ten when those are too many, and plain round steps when the domain spans less than a decade.
 */
export function logTicks(lo: number, hi: number, count = 5): number[] {
  if (!(lo > 0) || !(hi > lo)) return [lo];
  const within: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** e).toPrecision(12));
      if (t >= lo && t <= hi) within.push(t);
    }
  }
  if (within.length > count + 1) {
    const decades = within.filter((t) => Number.isInteger(Math.log10(t)));
    if (decades.length >= 2) return decades;
  }
  return within.length >= 3 ? within : niceTicks(lo, hi, count).filter((t) => t > 0);
}

/**
 * About `count` round tick values across a domain (1, 2 or 5 times a power of ten apart).
 *
 * @example niceTicks(-4800, 1200, 4) // [-4000, -2000, 0]
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const power = 10 ** Math.floor(Math.log10(span / Math.max(1, count)));
  // The finest round step that still leaves at most `count + 1` ticks.
  const step =
    [1, 2, 2.5, 5, 10, 20].map((m) => m * power).find((s) => span / s <= count + 1) ?? 50 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) {
    ticks.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
  }
  return ticks;
}
