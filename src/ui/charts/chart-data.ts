import { Dec } from '../../core/decimal';
import { buildCostCurve } from '../../core/cost-curve';
import type { CostCurve } from '../../core/cost-curve';
import type { Scenario } from '../../core/model';
import type { ScenarioResult } from '../../core/result';

/**
 * Plain numbers for the charts (DESIGN section 1: `Decimal` never reaches React). Series keys are
 * `s0`, `s1`… by strategy position, since ids may contain dots that recharts reads as paths.
 */
export type Series = { key: string; name: string };
export type CurvePoint = { tokensPerDay: number } & Record<string, number>;
export type CostCurveData = {
  series: Series[];
  points: CurvePoint[];
  domain: [number, number];
  /** Log-scale cost axis: from just under the cheapest point to just over the dearest. */
  costDomain: [number, number];
  today: number;
  crossings: { tokensPerDay: number; direction: 'up' | 'down'; seriesKey: string }[];
  breakEvens: { tokensPerDay: number; seriesKey: string; name: string }[];
};

const GRID_POINTS = 81;
const MAX_STEPS_DRAWN = 400;
const DEFAULT_DOMAIN: [number, number] = [1e5, 1e10];

export const seriesKey = (index: number) => `s${index}`;

/**
 * Monthly cost of each strategy against total tokens/day on a log axis: a log-spaced grid plus
 * every replica and staff step inside the domain (drawn as a vertical jump), so self-hosting shows
 * as the engine's exact stairs.
 */
export function toCostCurveData(
  model: Scenario,
  result: ScenarioResult,
  /** The strategies' curves if the evaluation kept them (evaluateWithCurves), else rebuilt. */
  curves?: readonly CostCurve[],
): CostCurveData {
  const total = model.workloads.reduce((s, w) => s.plus(w.tokensPerDay), new Dec(0));
  const today = total.toNumber();
  const breakEvens: CostCurveData['breakEvens'] = [];
  const crossings: CostCurveData['crossings'] = [];
  result.strategies.forEach((s, i) => {
    const vs = s.vsBaseline;
    if (!vs) return;
    if (vs.breakEven.kind === 'at') {
      breakEvens.push({
        tokensPerDay: Number(vs.breakEven.tokensPerDay),
        seriesKey: seriesKey(i),
        name: s.name,
      });
    }
    for (const c of vs.crossings) {
      crossings.push({
        tokensPerDay: Number(c.tokensPerDay),
        direction: c.direction,
        seriesKey: seriesKey(i),
      });
    }
  });
  let [lo, hi] = DEFAULT_DOMAIN;
  for (const v of [today, ...breakEvens.map((b) => b.tokensPerDay)]) {
    if (v > 0) {
      lo = Math.min(lo, v / 3);
      hi = Math.max(hi, v * 3);
    }
  }
  // Whole decades, so the axis (and the cached points below) stay put while a slider moves.
  lo = Math.max(1e3, 10 ** Math.floor(Math.log10(lo)));
  hi = Math.min(1e12, 10 ** Math.ceil(Math.log10(hi)));

  const series = model.strategies.map((s, i) => ({ key: seriesKey(i), name: s.name }));
  if (total.isZero()) {
    return {
      series,
      points: [],
      domain: [lo, hi],
      costDomain: [1, 10],
      today,
      crossings,
      breakEvens,
    };
  }

  // While only the total volume moves (a slider drag), everything but `today` keeps its
  // identity, so the chart library has nothing to re-derive.
  // The curves in tokens/day (as drawn) name the shape when the evaluation supplies them; else
  // everything the shape depends on does.
  const plain = curves?.map((c) => plainCurve(c, total));
  const shape = plain ? plainShapeKey(plain) : curveShapeKey(model, total);
  const key = `${lo}|${hi}|${JSON.stringify(series)}|${shape}`;
  if (lastCurve?.key !== key) {
    const points = costPoints(
      plain ?? model.strategies.map((s) => plainCurve(buildCostCurve(model, s), total)),
      lo,
      hi,
    );
    let min = Infinity;
    let max = 0;
    for (const p of points) {
      for (const s of series) {
        const v = p[s.key] ?? 0;
        if (v > 0) min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    const costDomain: [number, number] =
      max > 0 ? [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))] : [1, 10];
    lastCurve = { key, series, points, domain: [lo, hi], costDomain };
  }
  const markersKey = JSON.stringify([crossings, breakEvens]);
  if (lastMarkers?.key !== markersKey) lastMarkers = { key: markersKey, crossings, breakEvens };
  const { series: s0, points, domain, costDomain } = lastCurve;
  return {
    series: s0,
    points,
    domain,
    costDomain,
    today,
    crossings: lastMarkers.crossings,
    breakEvens: lastMarkers.breakEvens,
  };
}

let lastCurve: {
  key: string;
  series: Series[];
  points: CurvePoint[];
  domain: [number, number];
  costDomain: [number, number];
} | null = null;
let lastMarkers: {
  key: string;
  crossings: CostCurveData['crossings'];
  breakEvens: CostCurveData['breakEvens'];
} | null = null;

/**
 * Everything the cost at an absolute volume depends on: options, routes, calendar, staff cost and
 * each workload's mix and share of the total, but not the total itself (the x axis is the total).
 */
function curveShapeKey(model: Scenario, total: Dec): string {
  const mix = model.workloads.map((w) => [
    w.id,
    w.inputShare.toString(),
    w.cachedInputShare.toString(),
    w.batchShare.toString(),
    w.peakToAverage.toString(),
    total.isZero() ? '0' : w.tokensPerDay.div(total).toString(),
  ]);
  return JSON.stringify([
    model.settings.daysPerYear.toString(),
    model.settings.fteCostPerYear.toString(),
    mix,
    model.options,
    model.strategies,
  ]);
}

/**
 * The drawn shape of the curves as text, each number to 12 significant digits: a volume drag of
 * a one-workload scenario changes the exact curves (they are built at today's volume) but not
 * the shape in tokens/day, whose floats may differ in their last bits only.
 */
function plainShapeKey(curves: readonly PlainCurve[]): string {
  const n = (x: number) => (Number.isFinite(x) ? x.toPrecision(12) : String(x));
  return curves
    .map(
      (c) =>
        `${n(c.slope)} ${n(c.constant)};` +
        c.stairs.map((s) => `${n(s.perReplica)} ${n(s.perStep)} ${s.minReplicas}`).join(',') +
        ';' +
        c.ladders.map((l) => l.map((v) => `${n(v.from)} ${n(v.cost)}`).join(',')).join('|'),
    )
    .join('/');
}

function costPoints(curves: readonly PlainCurve[], lo: number, hi: number): CurvePoint[] {
  const volumes: number[] = [];
  const logLo = Math.log10(lo);
  const logHi = Math.log10(hi);
  for (let i = 0; i < GRID_POINTS; i++) {
    volumes.push(10 ** (logLo + ((logHi - logLo) * i) / (GRID_POINTS - 1)));
  }
  for (const curve of curves) {
    const steps: number[] = [];
    for (const stair of curve.stairs) {
      if (stair.perStep <= 0 || !Number.isFinite(stair.perStep)) continue;
      const first = Math.max(stair.minReplicas, Math.floor(lo / stair.perStep));
      for (let j = first; j * stair.perStep <= hi && steps.length <= MAX_STEPS_DRAWN; j++) {
        if (j * stair.perStep >= lo) steps.push(j * stair.perStep);
      }
    }
    // A step is drawn as a vertical jump: the cost just before and just after it. Replicas step
    // up just after their volume; a staff tier applies from its volume on.
    if (steps.length <= MAX_STEPS_DRAWN) for (const v of steps) volumes.push(v, v * (1 + 1e-9));
    for (const ladder of curve.ladders) {
      for (const level of ladder) {
        if (level.from > lo && level.from < hi) volumes.push(level.from * (1 - 1e-9), level.from);
      }
    }
  }
  volumes.sort((a, b) => a - b);
  const points = volumes.map((v) => {
    const point: CurvePoint = { tokensPerDay: v };
    curves.forEach((c, i) => {
      point[seriesKey(i)] = plainCost(c, v);
    });
    return point;
  });
  return points;
}

export const BREAKDOWN_PARTS = [
  ['api', 'API usage'],
  ['gpu', 'GPUs'],
  ['storage', 'Storage'],
  ['monitoring', 'Monitoring'],
  ['engineering', 'Engineering staff'],
  ['fineTuning', 'Fine-tuning'],
] as const;

export type BreakdownRow = { name: string } & Record<(typeof BREAKDOWN_PARTS)[number][0], number>;

/** Each strategy's monthly run-rate split into its parts, for a stacked bar chart. */
export function toBreakdownData(result: ScenarioResult): BreakdownRow[] {
  return result.strategies.map((s) => ({
    name: s.name,
    api: Number(s.runRate.api),
    gpu: Number(s.runRate.gpu),
    storage: Number(s.runRate.storage),
    monitoring: Number(s.runRate.monitoring),
    engineering: Number(s.runRate.engineering),
    fineTuning: Number(s.runRate.fineTuning),
  }));
}

export type CumulativeRow = { month: number } & Record<string, number>;

/** Cumulative cost per strategy by month (`s0`…) and each month's capex (`s0capex`…). */
export function toCumulativeData(result: ScenarioResult): CumulativeRow[] {
  const months = result.strategies[0]?.timeline.months.length ?? 0;
  const rows: CumulativeRow[] = [{ month: 0 }];
  result.strategies.forEach((_, i) => {
    (rows[0] as CumulativeRow)[seriesKey(i)] = 0;
  });
  for (let m = 0; m < months; m++) {
    const row: CumulativeRow = { month: m + 1 };
    result.strategies.forEach((s, i) => {
      const month = s.timeline.months[m];
      row[seriesKey(i)] = Number(month?.cumulative ?? 0);
      row[`${seriesKey(i)}capex`] = Number(month?.capex ?? 0);
    });
    rows.push(row);
  }
  return rows;
}

/**
 * The engine's exact cost curve in plain numbers and in tokens/day, for drawing only (a chart
 * pixel is far coarser than a float's error). The exact values stay in the results.
 */
type PlainCurve = {
  slope: number;
  constant: number;
  stairs: { perReplica: number; perStep: number; minReplicas: number }[];
  ladders: { from: number; cost: number }[][];
};

function plainCurve(curve: CostCurve, total: Dec): PlainCurve {
  const t = total.toNumber();
  return {
    slope: curve.slope.toNumber() / t,
    constant: curve.constant.toNumber(),
    stairs: curve.stairs.map((s) => ({
      perReplica: s.perReplica.toNumber(),
      // In floats, like everything drawn (a 40-digit division per stair cost a millisecond a
      // move at 12 strategies of 15 deployments).
      perStep: s.rate.isZero() ? Infinity : t / s.rate.toNumber(),
      minReplicas: s.minReplicas.toNumber(),
    })),
    ladders: curve.ladders.map((l) =>
      l.levels.map((v) => ({ from: v.fromK.toNumber() * t, cost: v.cost.toNumber() })),
    ),
  };
}

/** Same rule as `evaluateCurve`: replicas step up just after each multiple of the step volume. */
function plainCost(c: PlainCurve, tokensPerDay: number): number {
  let cost = c.slope * tokensPerDay + c.constant;
  for (const s of c.stairs) {
    const replicas = Number.isFinite(s.perStep) ? Math.ceil(tokensPerDay / s.perStep - 1e-12) : 0;
    cost += s.perReplica * Math.max(s.minReplicas, replicas);
  }
  for (const ladder of c.ladders) {
    let level = 0;
    for (const l of ladder) if (l.from <= tokensPerDay * (1 + 1e-12)) level = l.cost;
    cost += level;
  }
  return cost;
}
