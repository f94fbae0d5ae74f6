import { Dec, toPlain } from './decimal';
import { costCurveOf } from './cost-curve';
import type { CostCurve } from './cost-curve';
import { costStrategyRoutes, runRateContext, todaysVolumes } from './run-rate';
import { addParts, totalOfParts, zeroParts } from './cost-parts';
import { clampToBounds, describeInput, formatInputRef, setInputValue } from './input-refs';
import type { EffectiveBounds, InputRef } from './input-refs';
import { MAX_SEED, sampleRandom, triangularInverse } from './monte-carlo-random';
import {
  analysePairBreakEven,
  buildStrategyPair,
  inputTouches,
  summariseBreakEven,
  totalTokensPerDay,
} from './strategy-pair';
import type { BreakEvenSummary, StrategyPair } from './strategy-pair';
import type { Scenario, Strategy } from './model';

/**
 * Uncertainty (DESIGN 3.7, issue 6 item 3): ranges (low, likely, high) on inputs drive a Monte
 * Carlo run of strategy C against the baseline B. Each sample draws every input from its
 * triangular distribution, independently of the others, and reports the run-rate savings (B - C
 * per month, DESIGN section 4) and the break-even volume (DESIGN 3.5) at those values.
 *
 * Sample i depends only on (seed, i) (monte-carlo-random.ts), so a worker can compute any slice
 * [start, start + count) in any order and chunking changes nothing. Only the pair of strategies is
 * costed (strategy-pair.ts), and a strategy no range can reach is costed once.
 *
 * A sampled value is drawn as a float, rounded to 12 significant digits into an exact decimal,
 * kept within [low, high] (the range's own ends are exact), then made valid for its input
 * (`clampToBounds`: whole numbers rounded, bounds kept). A range of zero width gives its value
 * exactly, with no float involved.
 *
 * @example
 * const run = prepareMonteCarlo(scenario, 'self-hosted', ranges);
 * if (run.ok) for (let start = 0; start < 10_000; start += 500)
 *   samples.push(...runPreparedMonteCarlo(run.prepared, { seed: 42, start, count: 500 }));
 * const summary = summariseMonteCarlo(samples); // monte-carlo-summary.ts
 */

/** One input's range: a triangular distribution from `low` to `high` with its mode at `likely`. */
export type UncertaintyRange = { ref: InputRef; low: Dec; likely: Dec; high: Dec };

export type MonteCarloSample = {
  /** The sample's index in the run (0-based). */
  index: number;
  /** B - C per month at today's volume, exact (plain decimal text; positive: C is cheaper). */
  savings: string;
  /** `savings` as a float, for charts and histograms only. */
  savingsNumber: number;
  breakEven: BreakEvenSummary;
};

/** Significant digits a sampled value keeps when it becomes a decimal. */
export const SAMPLE_DIGITS = 12;
/** The most samples one run may have (the scenario format allows 100 to 100,000). */
export const MAX_SAMPLES = 1_000_000;

export const MONTE_CARLO_ERRORS = {
  seed: 'the seed must be a whole number from 0 to 4294967295',
  samples: `the number of samples must be a whole number from 1 to ${MAX_SAMPLES}`,
  slice: 'the slice must be whole numbers with 0 <= start and start + count <= samples',
  noInput: 'is not an input of this scenario',
  order: 'must have low <= likely <= high',
  duplicate: 'has more than one range',
} as const;

/** Why a range cannot change either cost (it is still drawn, so the other ranges' draws stay put). */
export type IneffectiveRange = {
  key: string;
  reason: 'unusedOption' | 'timelineOnly';
};

export type PreparedMonteCarlo = {
  readonly baselineId: string;
  readonly strategyId: string;
  /** Savings and break-even at today's values (what zero-width ranges give). */
  readonly base: { runRateSavings: string; breakEven: BreakEvenSummary };
  readonly ineffective: readonly IneffectiveRange[];
  /** Internal: what every sample shares. */
  readonly context: RunContext;
};

type Fail = { ok: false; error: string };

type PreparedRange = {
  ref: InputRef;
  low: Dec;
  high: Dec;
  lowNumber: number;
  likelyNumber: number;
  highNumber: number;
  bounds: EffectiveBounds;
  /** Whether the value is set in the pair scenario (false: it cannot change either cost). */
  effective: boolean;
};

type Costed = { total: Dec; curve: CostCurve };

type RunContext = {
  pair: StrategyPair;
  ranges: PreparedRange[];
  touchesB: boolean;
  touchesC: boolean;
  base: { baseline: Costed; strategy: Costed };
};

/**
 * Checks the ranges against the scenario and costs today's values once, for any number of
 * slices (`runPreparedMonteCarlo`). Each range must name an input of the scenario, once, with
 * low <= likely <= high.
 */
export function prepareMonteCarlo(
  scenario: Scenario,
  strategyId: string,
  ranges: readonly UncertaintyRange[],
): { ok: true; prepared: PreparedMonteCarlo } | Fail {
  const built = buildStrategyPair(scenario, strategyId);
  if (!built.ok) return built;
  const { pair } = built;
  const prepared: PreparedRange[] = [];
  const ineffective: IneffectiveRange[] = [];
  const seen = new Set<string>();
  for (const range of ranges) {
    const key = formatInputRef(range.ref);
    const input = describeInput(scenario, range.ref);
    if (!input) return { ok: false, error: `${key} ${MONTE_CARLO_ERRORS.noInput}` };
    if (seen.has(key)) return { ok: false, error: `${key} ${MONTE_CARLO_ERRORS.duplicate}` };
    seen.add(key);
    if (range.low.greaterThan(range.likely) || range.likely.greaterThan(range.high)) {
      return { ok: false, error: `the range of ${key} ${MONTE_CARLO_ERRORS.order}` };
    }
    const used = inputTouches(pair.baseline, range.ref) || inputTouches(pair.strategy, range.ref);
    const timelineOnly = input.affects === 'timeline';
    if (!used) ineffective.push({ key, reason: 'unusedOption' });
    else if (timelineOnly) ineffective.push({ key, reason: 'timelineOnly' });
    prepared.push({
      ref: range.ref,
      low: range.low,
      high: range.high,
      lowNumber: range.low.toNumber(),
      likelyNumber: range.likely.toNumber(),
      highNumber: range.high.toNumber(),
      bounds: input.bounds,
      effective: used && !timelineOnly,
    });
  }
  const effective = prepared.filter((r) => r.effective);
  const touchesB = effective.some((r) => inputTouches(pair.baseline, r.ref));
  const touchesC = effective.some((r) => inputTouches(pair.strategy, r.ref));
  const base = costPair(pair.scenario, pair, null);
  const context: RunContext = { pair, ranges: prepared, touchesB, touchesC, base };
  return {
    ok: true,
    prepared: {
      baselineId: pair.baseline.id,
      strategyId: pair.strategy.id,
      base: baseOutcome(pair.scenario, base),
      ineffective,
      context,
    },
  };
}

/**
 * Samples [start, start + count) of the run seeded `seed`, in index order. The caller keeps the
 * slice within the run (`runMonteCarlo` checks it).
 */
export function runPreparedMonteCarlo(
  prepared: PreparedMonteCarlo,
  slice: { seed: number; start: number; count: number },
): MonteCarloSample[] {
  const ctx = prepared.context;
  const out: MonteCarloSample[] = [];
  for (let index = slice.start; index < slice.start + slice.count; index++) {
    const rng = sampleRandom(slice.seed, index);
    let s = ctx.pair.scenario;
    for (const range of ctx.ranges) {
      // Every range takes its draw, effective or not, so each range's stream stays in place.
      const u = rng.uniform();
      if (!range.effective) continue;
      const set = setInputValue(s, range.ref, sampleValue(range, u));
      if (set.ok) s = set.scenario;
    }
    const { savings, breakEven } = sampleOutcome(s, costPair(s, ctx.pair, ctx));
    out.push({ index, savings, savingsNumber: Number(savings), breakEven });
  }
  return out;
}

/**
 * `prepareMonteCarlo` and one slice in one call, with every argument checked: the seed a whole
 * number in 0..2^32-1, `samples` the size of the whole run, and the slice within it.
 */
export function runMonteCarlo(
  scenario: Scenario,
  strategyId: string,
  ranges: readonly UncertaintyRange[],
  options: { seed: number; samples: number; start: number; count: number },
): { ok: true; samples: MonteCarloSample[]; prepared: PreparedMonteCarlo } | Fail {
  const checked = checkRunOptions(options);
  if (!checked.ok) return checked;
  const prepared = prepareMonteCarlo(scenario, strategyId, ranges);
  if (!prepared.ok) return prepared;
  return {
    ok: true,
    samples: runPreparedMonteCarlo(prepared.prepared, options),
    prepared: prepared.prepared,
  };
}

/** The checks `runMonteCarlo` makes on its numbers, for callers that prepare once. */
export function checkRunOptions(options: {
  seed: number;
  samples: number;
  start: number;
  count: number;
}): { ok: true } | Fail {
  const { seed, samples, start, count } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    return { ok: false, error: MONTE_CARLO_ERRORS.seed };
  }
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    return { ok: false, error: MONTE_CARLO_ERRORS.samples };
  }
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0) {
    return { ok: false, error: MONTE_CARLO_ERRORS.slice };
  }
  if (start + count > samples) return { ok: false, error: MONTE_CARLO_ERRORS.slice };
  return { ok: true };
}

/**
 * The value of one range for a uniform draw u: the range's own value when it has zero width;
 * else the triangular quantile as a float, rounded to `SAMPLE_DIGITS` significant digits, kept
 * within [low, high] and made valid for the input.
 */
function sampleValue(range: PreparedRange, u: number): Dec {
  if (range.low.equals(range.high)) return range.low;
  const x = triangularInverse(range.lowNumber, range.likelyNumber, range.highNumber, u);
  let value = new Dec(x.toPrecision(SAMPLE_DIGITS));
  if (value.lessThan(range.low)) value = range.low;
  else if (value.greaterThan(range.high)) value = range.high;
  return clampToBounds(value, range.bounds).value;
}

/** Run-rate totals and cost curves of B and C; a strategy no range reaches is taken from `ctx`. */
function costPair(
  s: Scenario,
  pair: StrategyPair,
  ctx: RunContext | null,
): { baseline: Costed; strategy: Costed } {
  const rates = runRateContext(s);
  const volumes = todaysVolumes(s);
  const cost = (strategy: Strategy): Costed => {
    const costed = costStrategyRoutes(s, strategy, volumes, rates);
    // The run-rate total as `runRateOf` adds it (parts by option, then the parts), without the
    // attribution to options and workloads it also makes.
    let parts = zeroParts();
    for (const group of costed) parts = addParts(parts, group.cost.parts);
    return { total: totalOfParts(parts), curve: costCurveOf(s, costed, rates.rates) };
  };
  return {
    baseline: ctx && !ctx.touchesB ? ctx.base.baseline : cost(pair.baseline),
    strategy: ctx && !ctx.touchesC ? ctx.base.strategy : cost(pair.strategy),
  };
}

function sampleOutcome(
  s: Scenario,
  costs: { baseline: Costed; strategy: Costed },
): { savings: string; breakEven: BreakEvenSummary } {
  const total = totalTokensPerDay(s);
  const analysis = analysePairBreakEven(costs.strategy.curve, costs.baseline.curve, total);
  const savings = toPlain(costs.baseline.total.minus(costs.strategy.total));
  return { savings, breakEven: summariseBreakEven(analysis, total) };
}

function baseOutcome(
  s: Scenario,
  costs: { baseline: Costed; strategy: Costed },
): PreparedMonteCarlo['base'] {
  const { savings, breakEven } = sampleOutcome(s, costs);
  return { runRateSavings: savings, breakEven };
}
