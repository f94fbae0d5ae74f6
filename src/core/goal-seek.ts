import { Dec, ONE, ZERO, toPlain } from './decimal';
import { MAX_TOKENS_PER_DAY } from './break-even';
import { buildCostCurve, evaluateCurve, subtractCurves } from './cost-curve';
import { computeStrategyRunRate } from './run-rate';
import { computeTimeline, timelineInputs } from './timeline';
import type { TimelineInputs } from './timeline';
import {
  describeInput,
  formatInputRef,
  getInputValue,
  innerRange,
  setInputValue,
} from './input-refs';
import type { InputRef } from './input-refs';
import { API_OPTION_BOUNDS, GPU_BOUNDS } from './input-bounds';
import type { FieldUnit } from './input-fields';
import {
  GAP_NOISE,
  HALF_CENT,
  memoGap,
  roundValue,
  searchPiecewise,
  solveLinear,
} from './goal-seek-search';
import type { SearchOutcome } from './goal-seek-search';
import {
  analysePairBreakEven,
  buildStrategyPair,
  inputTouches,
  summariseBreakEven,
  totalTokensPerDay,
  usesOption,
  volumeText,
} from './strategy-pair';
import type { BreakEvenSummary, StrategyPair } from './strategy-pair';
import {
  describeFlat,
  describeNeverByVolume,
  describeNoSolution,
  describeSolution,
  describeStep,
} from './goal-seek-words';
import type { Scenario, Strategy } from './model';

/**
 * Goal seek (DESIGN 3.7, issue 6 item 2): the value of one input (or a group of inputs scaled
 * together) at which strategy C and the baseline B cost the same, on the monthly run-rate (the
 * default) or on the NPV of cost over the horizon.
 *
 * - Exact where the gap C - B is linear in the value (money inputs, prices, staff, the engineer
 *   cost, the price scales): linearity is checked exactly on the bracket, the root solved in
 *   decimals, and the gap there checked to be 0 to the cent.
 * - Otherwise (volumes, shares, throughput, utilization, whole numbers) a scan and bisection to
 *   1e-9 relative: 'approximate' when the gap passes through zero, 'step' when it jumps across
 *   it (a replica or staff step), with the gaps on both sides.
 * - 'none' when no value in range equalises the costs, with the reason in words.
 * - The volume scale on the run-rate is the break-even of DESIGN 3.5 (`analyseBreakEven`).
 *
 * Amounts and values are plain decimal strings (never exponent notation).
 *
 * @example goalSeek(scenario, 'self', { kind: 'input', ref: { scope: 'option', id: 'api', field: 'outputPerM' } })
 */

export type GoalSeekTarget =
  | { kind: 'input'; ref: InputRef }
  /** The input, output and cached input prices of one API option, scaled by one factor. */
  | { kind: 'apiPriceScale'; optionId: string }
  /** The GPU price of one self-hosted option (hourly, monthly or purchase price), scaled. */
  | { kind: 'gpuPriceScale'; optionId: string }
  /** Every workload's tokens per day, scaled by one factor. */
  | { kind: 'volumeScale' };

export type GoalSeekMeasure = 'runRate' | 'npv';

/** Price scale factors are searched from 0 to this (and only as far as price bounds allow). */
export const MAX_PRICE_SCALE = new Dec(100);

export const GOAL_SEEK_ERRORS = {
  noInput: 'is not an input of this scenario',
  noOption: 'no option has the id',
  notApi: 'is not an API option',
  notSelfHost: 'is not a self-hosted option',
} as const;

/** One input the result sets, with its value (for a scale: each scaled input). */
export type AppliedValue = { ref: InputRef; key: string; value: string };

/** The gap at one value: C - B, per month (run-rate) or over the horizon (NPV). */
export type GoalSeekSide = { value: string; gap: string; applied: AppliedValue[] };

type Common = {
  measure: GoalSeekMeasure;
  target: GoalSeekTarget;
  /** What was sought, in words. */
  label: string;
  unit: FieldUnit | 'factor';
  /** Today's value (1 for a scale). */
  current: string;
  /** The range searched. */
  range: { low: string; high: string };
  /** C - B at today's values. */
  gapNow: string;
  explanation: string;
  /** Volume scale on the run-rate: the break-even (DESIGN 3.5) the answer is taken from. */
  breakEven: BreakEvenSummary | null;
};

type Found = {
  value: string;
  applied: AppliedValue[];
  /** Volume scale: the total volume at `value`, in tokens/day (as `evaluateModel` writes it). */
  tokensPerDay: string | null;
  /** Where else the sign changes (approximately), from the scan. */
  others: string[];
};

export type GoalSeekResult =
  | (Common & Found & { kind: 'exact'; gap: string })
  | (Common & Found & { kind: 'approximate'; low: GoalSeekSide; high: GoalSeekSide })
  /** `value` is the end of the step at which C is no dearer. */
  | (Common & Found & { kind: 'step'; below: GoalSeekSide; above: GoalSeekSide })
  | (Common & { kind: 'none'; atLow: GoalSeekSide; atHigh: GoalSeekSide });

export type GoalSeekOutcome = { ok: true; result: GoalSeekResult } | { ok: false; error: string };

export function goalSeek(
  scenario: Scenario,
  strategyId: string,
  target: GoalSeekTarget,
  options: { measure?: GoalSeekMeasure } = {},
): GoalSeekOutcome {
  const measure = options.measure ?? 'runRate';
  const built = buildStrategyPair(scenario, strategyId);
  if (!built.ok) return built;
  const { pair } = built;
  const resolved = resolveAxis(scenario, pair, target);
  if (!resolved.ok) return resolved;
  const axis = resolved.axis;
  const costs = costFunction(pair, axis, measure);
  const gap = memoGap((v) => {
    const c = costs(v);
    return c.strategy.minus(c.baseline);
  });
  const base = {
    measure,
    target,
    label: axis.label,
    unit: axis.unit,
    current: toPlain(axis.current),
    range: { low: toPlain(axis.low), high: toPlain(axis.high) },
    gapNow: toPlain(gap(axis.current)),
    breakEven: null,
  };
  const words = { pair, axis, measure, currency: scenario.currency, costs };
  const side = (v: Dec): GoalSeekSide => ({
    value: toPlain(v),
    gap: toPlain(gap(v)),
    applied: axis.applied(v),
  });
  const none = (explanation: string): GoalSeekResult => ({
    ...base,
    kind: 'none',
    atLow: side(axis.low),
    atHigh: side(axis.high),
    explanation,
  });

  if (!axis.touchesB && !axis.touchesC) return { ok: true, result: none(axis.unusedNote) };
  if (measure === 'runRate' && axis.timelineOnly) {
    return { ok: true, result: none(describeFlat(words, gap(axis.current), 'timelineOnly')) };
  }
  if (axis.isVolume && measure === 'runRate') {
    return { ok: true, result: volumeByBreakEven(pair, axis, base, words, gap, side) };
  }

  let outcome: SearchOutcome | { kind: 'flat'; gap: Dec } | null = null;
  if (axis.linear) outcome = solveLinear(gap, axis.low, axis.high, axis.current);
  const linearSolved = outcome !== null;
  if (outcome === null) {
    outcome = searchPiecewise(gap, axis.low, axis.high, axis.current, axis.integer);
  }
  switch (outcome.kind) {
    case 'flat':
      if (outcome.gap.abs().lessThanOrEqualTo(GAP_NOISE)) {
        return {
          ok: true,
          result: {
            ...base,
            ...found(axis, axis.current, []),
            kind: 'exact',
            gap: toPlain(outcome.gap),
            explanation: describeFlat(words, outcome.gap, 'equal'),
          },
        };
      }
      return { ok: true, result: none(describeFlat(words, outcome.gap, 'flat')) };
    case 'none':
      return {
        ok: true,
        result: none(describeNoSolution(words, outcome.low, outcome.high)),
      };
    case 'exact': {
      const value = showsEqual(outcome.value, costs, axis.low, axis.high);
      return {
        ok: true,
        result: {
          ...base,
          ...found(axis, value, outcome.others),
          kind: 'exact',
          gap: toPlain(gap(value)),
          explanation: describeSolution(words, value, linearSolved ? 'linear' : 'hit', gap),
        },
      };
    }
    case 'approximate':
      return {
        ok: true,
        result: {
          ...base,
          ...found(axis, outcome.value, outcome.others),
          kind: 'approximate',
          low: side(outcome.low.value),
          high: side(outcome.high.value),
          explanation: describeSolution(words, outcome.value, 'approximate', gap, outcome),
        },
      };
    case 'step': {
      const noDearerAbove = gap(outcome.high.value).lessThanOrEqualTo(0);
      const value = noDearerAbove ? outcome.high.value : outcome.low.value;
      return {
        ok: true,
        result: {
          ...base,
          ...found(axis, value, outcome.others),
          kind: 'step',
          below: side(outcome.low.value),
          above: side(outcome.high.value),
          explanation: describeStep(words, outcome.low, outcome.high),
        },
      };
    }
  }
}

function found(axis: Axis, value: Dec, others: Dec[]): Found {
  return {
    value: toPlain(value),
    applied: axis.applied(value),
    tokensPerDay: axis.isVolume ? volumeText(value, axis.volumeTotal) : null,
    others: others.map(toPlain),
  };
}

/**
 * What is sought, as one value on a line: where it starts today, the range searched, how to set
 * it in the pair scenario, and what is known of its shape.
 */
export type Axis = {
  /** In words, as it reads after "with" ('the GPU price per hour of "Llama"'). */
  label: string;
  unit: FieldUnit | 'factor';
  current: Dec;
  low: Dec;
  high: Dec;
  integer: boolean;
  linear: boolean;
  timelineOnly: boolean;
  touchesB: boolean;
  touchesC: boolean;
  isVolume: boolean;
  volumeTotal: Dec;
  /** The timeline's shared factors (growth, discounting) depend on the value. */
  changesTimelineInputs: boolean;
  /** Why an input of an unused option cannot matter. */
  unusedNote: string;
  /** Extra words on the range (for scales). */
  rangeNote: string;
  apply: (v: Dec) => Scenario;
  applied: (v: Dec) => AppliedValue[];
};

type Costs = (v: Dec) => { baseline: Dec; strategy: Dec };

function costFunction(pair: StrategyPair, axis: Axis, measure: GoalSeekMeasure): Costs {
  const shared: TimelineInputs | null = measure === 'npv' ? timelineInputs(pair.scenario) : null;
  /**
   * The timeline inputs for one value. The growth and discount factors are shared by every value
   * unless the value changes them. The cache of self-hosted month costs (`monthCosts`) is not: it
   * is keyed by option object and staff tier, but a month's cost also depends on the engineer
   * cost in the settings, which a value can change while every option object stays the same
   * (then every value after the first was costed with the first value's staff cost). One cache per
   * value, shared by B and C at that value, as `evaluateModel` shares it.
   */
  const inputsFor = (s: Scenario): TimelineInputs | null => {
    if (measure === 'runRate') return null;
    if (axis.changesTimelineInputs || !shared) return timelineInputs(s);
    return { ...shared, monthCosts: new Map() };
  };
  const costOf = (s: Scenario, strategy: Strategy, inputs: TimelineInputs | null): Dec => {
    if (inputs === null) return computeStrategyRunRate(s, strategy).total;
    return computeTimeline(s, strategy, inputs).npv;
  };
  // A strategy the value cannot reach costs the same everywhere: cost it once.
  const fixedInputs = inputsFor(pair.scenario);
  const fixedB = axis.touchesB ? null : costOf(pair.scenario, pair.baseline, fixedInputs);
  const fixedC = axis.touchesC ? null : costOf(pair.scenario, pair.strategy, fixedInputs);
  const memo = new Map<string, { baseline: Dec; strategy: Dec }>();
  return (v) => {
    const key = v.toFixed();
    const hit = memo.get(key);
    if (hit) return hit;
    const s = axis.apply(v);
    const inputs = inputsFor(s);
    const out = {
      baseline: fixedB ?? costOf(s, pair.baseline, inputs),
      strategy: fixedC ?? costOf(s, pair.strategy, inputs),
    };
    memo.set(key, out);
    return out;
  };
}

function resolveAxis(
  scenario: Scenario,
  pair: StrategyPair,
  target: GoalSeekTarget,
): { ok: true; axis: Axis } | { ok: false; error: string } {
  const s = pair.scenario;
  const unusedNote = (ownerName: string, what: string) =>
    `"${ownerName}" is used by neither "${pair.baseline.name}" nor "${pair.strategy.name}", so ${what} cannot change either cost.`;
  const common = {
    integer: false,
    linear: false,
    timelineOnly: false,
    isVolume: false,
    volumeTotal: totalTokensPerDay(s),
    changesTimelineInputs: false,
    unusedNote: '',
    rangeNote: '',
  };
  if (target.kind === 'input') {
    const { ref } = target;
    const input = describeInput(s, ref) ?? describeInput(scenario, ref);
    if (!input) return { ok: false, error: `${formatInputRef(ref)} ${GOAL_SEEK_ERRORS.noInput}` };
    const { low, high } = innerRange(input.bounds);
    const of = input.ownerName === 'Settings' ? '' : ` of "${input.ownerName}"`;
    const set = (v: Dec) => {
      const r = setInputValue(s, ref, v);
      return r.ok ? r.scenario : s;
    };
    return {
      ok: true,
      axis: {
        ...common,
        label: `the ${input.label}${of}`,
        unit: input.unit,
        current: input.value,
        low,
        high,
        integer: input.kind === 'integer',
        linear: input.linear,
        timelineOnly: input.affects === 'timeline',
        touchesB: inputTouches(pair.baseline, ref) && describeInput(s, ref) !== null,
        touchesC: inputTouches(pair.strategy, ref) && describeInput(s, ref) !== null,
        changesTimelineInputs:
          ref.field === 'discountRatePerYear' || ref.field === 'growthPerMonth',
        unusedNote: unusedNote(input.ownerName, `its ${input.label}`),
        apply: set,
        applied: (v) => [{ ref, key: formatInputRef(ref), value: toPlain(v) }],
      },
    };
  }
  if (target.kind === 'volumeScale') {
    const total = common.volumeTotal;
    const refs = s.workloads.map((w): InputRef => ({
      scope: 'workload',
      id: w.id,
      field: 'tokensPerDay',
    }));
    const scaled = (k: Dec) => s.workloads.map((w) => roundValue(w.tokensPerDay.mul(k)));
    return {
      ok: true,
      axis: {
        ...common,
        label: "the volume (every workload's tokens per day, scaled together)",
        unit: 'factor',
        current: ONE,
        low: ZERO,
        high: total.isZero() ? ONE : MAX_TOKENS_PER_DAY.div(total),
        isVolume: true,
        touchesB: !total.isZero(),
        touchesC: !total.isZero(),
        unusedNote:
          'Every workload has zero volume, so there is nothing to scale: the volume cannot change either cost.',
        rangeNote: 'up to 1,000,000,000,000 tokens/day in total',
        apply: (k) => {
          const values = scaled(k);
          return {
            ...s,
            workloads: s.workloads.map((w, i) => ({ ...w, tokensPerDay: values[i] ?? ZERO })),
          };
        },
        applied: (k) => {
          const values = scaled(k);
          return refs.map((ref, i) => ({
            ref,
            key: formatInputRef(ref),
            value: toPlain(values[i] ?? ZERO),
          }));
        },
      },
    };
  }
  // Price scales.
  const option =
    s.options.find((o) => o.id === target.optionId) ??
    scenario.options.find((o) => o.id === target.optionId);
  if (!option) return { ok: false, error: `${GOAL_SEEK_ERRORS.noOption} "${target.optionId}"` };
  const wantApi = target.kind === 'apiPriceScale';
  if (wantApi !== (option.kind === 'api')) {
    const what = wantApi ? GOAL_SEEK_ERRORS.notApi : GOAL_SEEK_ERRORS.notSelfHost;
    return { ok: false, error: `"${option.name}" ${what}` };
  }
  const fields: { field: string; max: string }[] =
    option.kind === 'api'
      ? [
          { field: 'inputPerM', max: API_OPTION_BOUNDS.inputPerM.max },
          { field: 'outputPerM', max: API_OPTION_BOUNDS.outputPerM.max },
          { field: 'cachedInputPerM', max: API_OPTION_BOUNDS.cachedInputPerM.max },
        ]
      : [gpuPriceField(option.gpu.mode)];
  const refs = fields.map((f): InputRef => ({ scope: 'option', id: option.id, field: f.field }));
  const prices = refs.map((ref) => getInputValue(scenario, ref) ?? ZERO);
  let high = MAX_PRICE_SCALE;
  fields.forEach((f, i) => {
    const p = prices[i] ?? ZERO;
    if (p.isPositive()) high = Dec.min(high, new Dec(f.max).div(p));
  });
  const used = usesOption(pair.baseline, option.id) || usesOption(pair.strategy, option.id);
  const scaled = (f: Dec) => prices.map((p) => roundValue(p.mul(f)));
  const allZero = prices.every((p) => p.isZero());
  const what = wantApi
    ? `the prices of "${option.name}" (input, output and cached input, scaled together)`
    : `the GPU price of "${option.name}" (${gpuPriceWords(fields[0]?.field ?? '')}, scaled)`;
  return {
    ok: true,
    axis: {
      ...common,
      label: what,
      unit: 'factor',
      current: ONE,
      low: ZERO,
      high: roundValue(high),
      linear: true,
      touchesB: !allZero && usesOption(pair.baseline, option.id),
      touchesC: !allZero && usesOption(pair.strategy, option.id),
      unusedNote: used
        ? `Every price scaled is 0, so scaling ${what} cannot change either cost.`
        : unusedNote(option.name, 'scaling its prices'),
      rangeNote: `scale factors from 0 to ${toPlain(roundValue(high))} (at most 100, and no price above its bound)`,
      apply: (f) => {
        const values = scaled(f);
        let next = s;
        refs.forEach((ref, i) => {
          const r = setInputValue(next, ref, values[i] ?? ZERO);
          if (r.ok) next = r.scenario;
        });
        return next;
      },
      applied: (f) => {
        const values = scaled(f);
        return refs.map((ref, i) => ({
          ref,
          key: formatInputRef(ref),
          value: toPlain(values[i] ?? ZERO),
        }));
      },
    },
  };
}

function gpuPriceField(mode: 'hourly' | 'monthly' | 'buy'): { field: string; max: string } {
  if (mode === 'hourly') return { field: 'gpu.hourlyPerGpu', max: GPU_BOUNDS.hourlyPerGpu.max };
  if (mode === 'monthly') return { field: 'gpu.monthlyPerGpu', max: GPU_BOUNDS.monthlyPerGpu.max };
  // Bought GPUs: the purchase price is the GPU's price; power and hosting are not scaled.
  return { field: 'gpu.purchasePerGpu', max: GPU_BOUNDS.purchasePerGpu.max };
}

function gpuPriceWords(field: string): string {
  if (field === 'gpu.hourlyPerGpu') return 'per hour';
  if (field === 'gpu.monthlyPerGpu') return 'per GPU-month';
  return 'purchase price; power and hosting unchanged';
}

/**
 * The volume scale on the run-rate is the break-even of DESIGN 3.5, found exactly from the cost
 * curves (every replica and staff step), not by scanning.
 */
function volumeByBreakEven(
  pair: StrategyPair,
  axis: Axis,
  base: Omit<Common, 'explanation'>,
  words: Parameters<typeof describeStep>[0],
  gap: (v: Dec) => Dec,
  side: (v: Dec) => GoalSeekSide,
): GoalSeekResult {
  const s = pair.scenario;
  const total = axis.volumeTotal;
  const curveB = buildCostCurve(s, pair.baseline);
  const curveC = buildCostCurve(s, pair.strategy);
  const analysis = analysePairBreakEven(curveC, curveB, total);
  const breakEven = summariseBreakEven(analysis, total);
  const others = analysis.crossings.map((c) => c.k);
  const withBase = { ...base, breakEven };
  const be = analysis.breakEven;
  const none = (explanation: string): GoalSeekResult => ({
    ...withBase,
    kind: 'none',
    atLow: side(axis.low),
    atHigh: side(axis.high),
    explanation,
  });
  if (be.kind === 'always') {
    return none(
      `"${pair.strategy.name}" costs no more than "${pair.baseline.name}" at every volume up to ` +
        `1,000,000,000,000 tokens/day, so there is no break-even to find: it is "always".`,
    );
  }
  if (be.kind === 'never') {
    const d = subtractCurves(curveC, curveB);
    return none(describeNeverByVolume(words, be, analysis.crossings, evaluateCurve(d, axis.high)));
  }
  const k = be.k;
  const delta = new Dec('1e-12');
  const below = roundValue(k.mul(ONE.minus(delta)));
  const above = roundValue(k.mul(ONE.plus(delta)));
  const value = roundValue(k);
  const rest = others.filter((o) => !o.equals(k)).map((o) => o.toSignificantDigits(6));
  const foundAt = {
    value: toPlain(value),
    applied: axis.applied(value),
    tokensPerDay: volumeText(k, total),
    others: rest.map(toPlain),
  };
  const jump = gap(above).minus(gap(below)).abs();
  if (jump.lessThanOrEqualTo(new Dec('0.01')) && gap(value).abs().lessThanOrEqualTo(HALF_CENT)) {
    return {
      ...withBase,
      ...foundAt,
      kind: 'exact',
      gap: toPlain(gap(value)),
      explanation: describeSolution(words, value, 'breakEven', gap),
    };
  }
  const result: GoalSeekResult = {
    ...withBase,
    ...foundAt,
    kind: 'step',
    below: side(below),
    above: side(above),
    explanation: describeStep(
      words,
      { value: below, gap: gap(below) },
      { value: above, gap: gap(above) },
    ),
  };
  return result;
}

/**
 * An exact root is reported to 30 significant digits, so the two costs there can differ by
 * 1e-26 and, when they sit on a half cent, show a cent apart (14,455.625 against
 * 14,455.62499...98). This moves the value by its last digit, a few times at most, to a
 * neighbour where both round to the same cent (half away from zero, as displayed).
 */
function showsEqual(value: Dec, costs: Costs, low: Dec, high: Dec): Dec {
  const cents = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const same = (v: Dec) => {
    const c = costs(v);
    return cents(c.strategy).equals(cents(c.baseline));
  };
  if (value.isZero() || same(value)) return value;
  const ulp = new Dec(10).pow(
    value
      .abs()
      .log(10)
      .floor()
      .minus(NUDGE_DIGITS - 1),
  );
  for (let k = 1; k <= MAX_NUDGES; k++) {
    for (const candidate of [value.plus(ulp.mul(k)), value.minus(ulp.mul(k))]) {
      if (candidate.lessThan(low) || candidate.greaterThan(high)) continue;
      if (same(candidate)) return candidate;
    }
  }
  return value;
}
const NUDGE_DIGITS = 30;
const MAX_NUDGES = 3;
