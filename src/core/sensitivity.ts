import { Dec, ONE, ZERO, toPlain } from './decimal';
import { buildCostCurve } from './cost-curve';
import type { CostCurve } from './cost-curve';
import { computeStrategyRunRate } from './run-rate';
import { describeInput, formatInputRef, listNumericInputs, setInputValue } from './input-refs';
import type { ClampNote, InputRef, NumericInput } from './input-refs';
import {
  analysePairBreakEven,
  buildStrategyPair,
  inputTouches,
  summariseBreakEven,
  totalTokensPerDay,
} from './strategy-pair';
import type { BreakEvenSummary, StrategyPair } from './strategy-pair';
import type { Scenario } from './model';

/**
 * Sensitivity (DESIGN 3.7, issue 6 item 1): every input of a scenario moved by -x and +x (a
 * fraction of its value), with the monthly run-rate savings of strategy C against the baseline B
 * (B - C, DESIGN section 4) and the break-even volume (DESIGN 3.5) at each end. The rows feed a
 * tornado chart, sorted by impact.
 *
 * Callable in slices so a worker can report progress:
 *
 * @example
 * const plan = planSensitivity(scenario, 'self-hosted');
 * if (plan.ok) for (const chunk of chunksOf(plan.refs, 8))
 *   rows.push(...computeSensitivityRows(scenario, 'self-hosted', swing, chunk).rows);
 * sortSensitivityRows(rows, 'savings');
 */

export const DEFAULT_SWING = new Dec('0.2');

export const SENSITIVITY_ERRORS = {
  swing: 'the swing must be a fraction from 0 to 1 (0% to 100%)',
  unknownInput: 'is not an input of this scenario',
} as const;

export type SensitivityBase = {
  baselineId: string;
  strategyId: string;
  /** B - C per month at today's values (positive: C is cheaper). */
  runRateSavings: string;
  breakEven: BreakEvenSummary;
};

export type SensitivityPoint = {
  /** The value the input was set to (after clamping and rounding). */
  value: string;
  clamped: ClampNote | null;
  runRateSavings: string;
  /** `runRateSavings` minus the base savings. */
  savingsChange: string;
  breakEven: BreakEvenSummary;
  /** Change of the break-even volume in tokens/day; null when its kind changed (at, never...). */
  breakEvenChange: string | null;
};

export type SensitivityRow = {
  ref: InputRef;
  key: string;
  label: string;
  ownerName: string;
  /** Position among all inputs of the scenario (`listNumericInputs`): the order of ties. */
  order: number;
  kind: NumericInput['kind'];
  unit: NumericInput['unit'];
  base: string;
  low: SensitivityPoint;
  high: SensitivityPoint;
  /** The larger of |savings change| at low and at high, per month. */
  impact: string;
  breakEvenImpact: {
    /** The break-even changed kind at low or high (for example from "at" to "never"). */
    kindChanged: boolean;
    /** The larger |change| of the break-even volume where the kind did not change. */
    tokensPerDay: string;
  };
  /** The value is 0, so a percentage swing does not move it: impact 0 by construction. */
  zeroBase: boolean;
  /** Neither end moved the value (0, a swing of 0, or a whole number rounded back). */
  notMoved: boolean;
};

export type SkippedInput = {
  ref: InputRef;
  key: string;
  label: string;
  ownerName: string;
  reason: 'unusedOption' | 'timelineOnly';
  explanation: string;
};

export type SensitivityPlan = {
  base: SensitivityBase;
  /** The inputs to compute, in `listNumericInputs` order. */
  refs: InputRef[];
  /** Inputs that cannot change run-rate savings or the break-even, and why. */
  skipped: SkippedInput[];
};

type Fail = { ok: false; error: string };

/**
 * Which inputs can move the savings of `strategyId` against the baseline or its break-even, and
 * the base values. Inputs of options neither strategy routes to, and inputs that reach only the
 * timeline (growth, discount rate, yearly price change, one-time fine-tuning), are skipped with
 * the reason.
 */
export function planSensitivity(
  scenario: Scenario,
  strategyId: string,
): { ok: true; plan: SensitivityPlan } | Fail {
  const context = createContext(scenario, strategyId);
  if (!context.ok) return context;
  const { pair } = context.ctx;
  const refs: InputRef[] = [];
  const skipped: SkippedInput[] = [];
  for (const input of listNumericInputs(scenario)) {
    const { ref } = input;
    const about = { ref, key: input.key, label: input.label, ownerName: input.ownerName };
    if (!inputTouches(pair.baseline, ref) && !inputTouches(pair.strategy, ref)) {
      skipped.push({
        ...about,
        reason: 'unusedOption',
        explanation: `"${input.ownerName}" is used by neither "${pair.baseline.name}" nor "${pair.strategy.name}".`,
      });
      continue;
    }
    if (input.affects === 'timeline') {
      skipped.push({
        ...about,
        reason: 'timelineOnly',
        explanation: `The ${input.label} changes only the timeline and NPV, not today's run-rate or the break-even volume.`,
      });
      continue;
    }
    refs.push(ref);
  }
  return { ok: true, plan: { base: context.ctx.base, refs, skipped } };
}

/**
 * The rows for some inputs (a slice of `planSensitivity(...).refs`, or any inputs), unsorted.
 * Each input is set to `value·(1-swing)` and `value·(1+swing)`, clamped to its bounds (whole
 * numbers rounded to the nearest valid one; `clamped` says so). Only the strategies the input can
 * reach are re-costed.
 */
export function computeSensitivityRows(
  scenario: Scenario,
  strategyId: string,
  swing: Dec,
  refs: readonly InputRef[],
): { ok: true; rows: SensitivityRow[] } | Fail {
  if (swing.isNaN() || swing.isNegative() || swing.greaterThan(ONE)) {
    return { ok: false, error: SENSITIVITY_ERRORS.swing };
  }
  const context = createContext(scenario, strategyId);
  if (!context.ok) return context;
  const ctx = context.ctx;
  const order = new Map(listNumericInputs(scenario).map((input, i) => [input.key, i]));
  const rows: SensitivityRow[] = [];
  for (const ref of refs) {
    const input = describeInput(scenario, ref);
    const key = formatInputRef(ref);
    if (!input) return { ok: false, error: `${key} ${SENSITIVITY_ERRORS.unknownInput}` };
    rows.push(computeRow(ctx, input, swing, order.get(key) ?? order.size));
  }
  return { ok: true, rows };
}

/**
 * Rows sorted for a tornado chart: by `impact` on savings (largest first), or by the change of the
 * break-even volume (a change of kind first, then the largest change, then savings impact).
 * Ties keep the input order. Returns a new array.
 */
export function sortSensitivityRows(
  rows: readonly SensitivityRow[],
  by: 'savings' | 'breakEven',
): SensitivityRow[] {
  const bySavings = (a: SensitivityRow, b: SensitivityRow) =>
    new Dec(b.impact).comparedTo(a.impact);
  const byBreakEven = (a: SensitivityRow, b: SensitivityRow) => {
    if (a.breakEvenImpact.kindChanged !== b.breakEvenImpact.kindChanged) {
      return a.breakEvenImpact.kindChanged ? -1 : 1;
    }
    return new Dec(b.breakEvenImpact.tokensPerDay).comparedTo(a.breakEvenImpact.tokensPerDay);
  };
  return [...rows].sort(
    (a, b) =>
      (by === 'breakEven' ? byBreakEven(a, b) || bySavings(a, b) : bySavings(a, b)) ||
      a.order - b.order,
  );
}

export type SensitivityResult = {
  swing: string;
  base: SensitivityBase;
  /** Sorted by impact on savings. */
  rows: SensitivityRow[];
  /** The same rows sorted by the change of the break-even volume. */
  byBreakEven: SensitivityRow[];
  skipped: SkippedInput[];
};

/** The whole analysis in one call (what a worker does in slices). */
export function computeSensitivity(
  scenario: Scenario,
  strategyId: string,
  swing: Dec = DEFAULT_SWING,
): { ok: true; result: SensitivityResult } | Fail {
  const planned = planSensitivity(scenario, strategyId);
  if (!planned.ok) return planned;
  const { plan } = planned;
  const computed = computeSensitivityRows(scenario, strategyId, swing, plan.refs);
  if (!computed.ok) return computed;
  return {
    ok: true,
    result: {
      swing: toPlain(swing),
      base: plan.base,
      rows: sortSensitivityRows(computed.rows, 'savings'),
      byBreakEven: sortSensitivityRows(computed.rows, 'breakEven'),
      skipped: plan.skipped,
    },
  };
}

/** What every row shares: the pair scenario and the base costs and curves. */
type Context = {
  pair: StrategyPair;
  baseTotals: { baseline: Dec; strategy: Dec };
  baseCurves: { baseline: CostCurve; strategy: CostCurve };
  baseSavings: Dec;
  baseBreakEven: BreakEvenSummary;
  base: SensitivityBase;
};

function createContext(scenario: Scenario, strategyId: string): { ok: true; ctx: Context } | Fail {
  const built = buildStrategyPair(scenario, strategyId);
  if (!built.ok) return built;
  const { pair } = built;
  const s = pair.scenario;
  const baseTotals = {
    baseline: computeStrategyRunRate(s, pair.baseline).total,
    strategy: computeStrategyRunRate(s, pair.strategy).total,
  };
  const baseCurves = {
    baseline: buildCostCurve(s, pair.baseline),
    strategy: buildCostCurve(s, pair.strategy),
  };
  const baseSavings = baseTotals.baseline.minus(baseTotals.strategy);
  const total = totalTokensPerDay(s);
  const baseBreakEven = summariseBreakEven(
    analysePairBreakEven(baseCurves.strategy, baseCurves.baseline, total),
    total,
  );
  return {
    ok: true,
    ctx: {
      pair,
      baseTotals,
      baseCurves,
      baseSavings,
      baseBreakEven,
      base: {
        baselineId: pair.baseline.id,
        strategyId: pair.strategy.id,
        runRateSavings: toPlain(baseSavings),
        breakEven: baseBreakEven,
      },
    },
  };
}

function computeRow(ctx: Context, input: NumericInput, swing: Dec, order: number): SensitivityRow {
  const zeroBase = input.value.isZero();
  const low = computePoint(ctx, input, input.value.mul(ONE.minus(swing)));
  const high = computePoint(ctx, input, input.value.mul(ONE.plus(swing)));
  const changes = [low, high].map((p) => new Dec(p.savingsChange).abs());
  const beChanges = [low, high]
    .map((p) => p.breakEvenChange)
    .filter((c): c is string => c !== null)
    .map((c) => new Dec(c).abs());
  return {
    ref: input.ref,
    key: input.key,
    label: input.label,
    ownerName: input.ownerName,
    order,
    kind: input.kind,
    unit: input.unit,
    base: toPlain(input.value),
    low,
    high,
    impact: toPlain(Dec.max(...changes)),
    breakEvenImpact: {
      kindChanged: low.breakEvenChange === null || high.breakEvenChange === null,
      tokensPerDay: toPlain(beChanges.length === 0 ? ZERO : Dec.max(...beChanges)),
    },
    zeroBase,
    notMoved: low.value === toPlain(input.value) && high.value === toPlain(input.value),
  };
}

function computePoint(ctx: Context, input: NumericInput, requested: Dec): SensitivityPoint {
  const { baseline, strategy } = ctx.pair;
  const touchesB = inputTouches(baseline, input.ref);
  const touchesC = inputTouches(strategy, input.ref);
  // An option neither strategy uses is not in the pair scenario: it changes nothing.
  const set = touchesB || touchesC ? setInputValue(ctx.pair.scenario, input.ref, requested) : null;
  // describeInput found the input, and the pair keeps every option B or C uses.
  if (set && !set.ok) throw new Error(set.error);
  if (!set || set.value.equals(input.value)) {
    // Not moved (a zero value, a swing of 0, or a whole number rounded back): the base results.
    return {
      value: toPlain(set ? set.value : input.value),
      clamped: set ? set.clamped : null,
      runRateSavings: toPlain(ctx.baseSavings),
      savingsChange: '0',
      breakEven: ctx.baseBreakEven,
      breakEvenChange: '0',
    };
  }
  const s = set.scenario;
  const totalB = touchesB ? computeStrategyRunRate(s, baseline).total : ctx.baseTotals.baseline;
  const totalC = touchesC ? computeStrategyRunRate(s, strategy).total : ctx.baseTotals.strategy;
  const curveB = touchesB ? buildCostCurve(s, baseline) : ctx.baseCurves.baseline;
  const curveC = touchesC ? buildCostCurve(s, strategy) : ctx.baseCurves.strategy;
  const volume = totalTokensPerDay(s);
  const breakEven = summariseBreakEven(analysePairBreakEven(curveC, curveB, volume), volume);
  const savings = totalB.minus(totalC);
  return {
    value: toPlain(set.value),
    clamped: set.clamped,
    runRateSavings: toPlain(savings),
    savingsChange: toPlain(savings.minus(ctx.baseSavings)),
    breakEven,
    breakEvenChange: breakEvenChange(breakEven, ctx.baseBreakEven),
  };
}

function breakEvenChange(point: BreakEvenSummary, base: BreakEvenSummary): string | null {
  if (point.kind !== base.kind) return null;
  if (point.kind === 'at' && base.kind === 'at') {
    return toPlain(new Dec(point.tokensPerDay).minus(base.tokensPerDay));
  }
  return '0';
}
