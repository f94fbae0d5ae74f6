import { Dec, MILLION, sumDec, toPlain } from './decimal';
import { daysPerMonth } from './calendar';
import { analyseBreakEven, MAX_TOKENS_PER_DAY } from './break-even';
import type { BreakEvenAnalysis } from './break-even';
import { costCurveOf } from './cost-curve';
import type { CostCurve } from './cost-curve';
import {
  capacityOf,
  costPerMTokens,
  costStrategyRoutes,
  runRateContext,
  runRateOf,
  todaysVolumes,
} from './run-rate';
import type { CostedRoutes, GroupAttribution, StrategyRunRate } from './run-rate';
import { computeTimeline, paybackMonth, timelineInputs } from './timeline';
import type { OptionMonths, Timeline } from './timeline';
import type { EvaluationCache } from './evaluation-cache';
import { groupDigits } from './format-plain';
import type { Option, Route, Scenario, Strategy } from './model';
import type { BreakEvenResult, ScenarioResult, StrategyResult, VsBaselineResult } from './result';

/** Everything DESIGN section 4 reports, for a validated scenario. Amounts are plain decimals. */
export function evaluateModel(scenario: Scenario, cache?: EvaluationCache): ScenarioResult {
  const { strategies } = evaluateWithCurves(scenario, cache).result;
  // Plain objects, every figure computed now, in the documented order (README, DESIGN 4).
  return {
    strategies: strategies.map((s) => ({
      id: s.id,
      name: s.name,
      runRate: s.runRate,
      costPerMTokens: s.costPerMTokens,
      capacity: s.capacity,
      timeline: s.timeline,
      vsBaseline: s.vsBaseline ? { ...s.vsBaseline } : null,
      byOption: s.byOption,
      byWorkload: s.byWorkload,
    })),
  };
}

/**
 * `evaluateModel`, plus each strategy's cost curve (for drawing it without costing the routes
 * again). The run-rates and curves are computed at once; each strategy's `timeline`,
 * `byOption`, `byWorkload` and, against the baseline, `npvSavings`, `paybackMonth`, `breakEven` and
 * `crossings` when first read (then kept): a view that shows some strategies computes the
 * timelines and break-evens of those only. With a `cache` (evaluation-cache.ts), whatever the
 * previous evaluation computed from the very same model objects is taken from it. Every figure
 * is the same value however it was reached.
 */
export function evaluateWithCurves(
  scenario: Scenario,
  cache?: EvaluationCache,
): { result: ScenarioResult; curves: CostCurve[] } {
  const shared = timelineInputs(scenario);
  // Each strategy's routes are costed once (with per-route figures shared by all strategies) and
  // feed its run-rate, cost curve and timeline alike.
  const ctx = runRateContext(scenario);
  const volumes = todaysVolumes(scenario);
  const keep = cache ? reusePerGroup(scenario, cache) : null;
  const computed = scenario.strategies.map((strategy) => {
    const costed = costStrategyRoutes(scenario, strategy, volumes, ctx, keep?.costed);
    const compute = (): StrategyFigures => ({
      runRate: runRateOf(scenario, costed, keep?.attribution),
      timeline: once(() => computeTimeline(scenario, strategy, shared, costed, keep?.months)),
      curve: costCurveOf(scenario, costed, ctx.rates),
    });
    // A strategy none of whose options changed is not added up again either.
    const figures = keep && cache ? cache.reuse(keep.strategyKey(costed), compute) : compute();
    return { strategy, figures };
  });
  const baseline = computed[0];
  const totalVolume = sumDec(scenario.workloads.map((w) => w.tokensPerDay));
  const strategies = computed.map(({ strategy, figures }, index): StrategyResult => {
    const base = () => strategyResult(scenario, strategy, figures);
    const own = cache ? cache.derived(figures, `${strategy.id} ${strategy.name}`, base) : base();
    const vsBaseline =
      index > 0 && baseline
        ? versus(scenario, strategy, figures, baseline.strategy, baseline.figures, totalVolume)
        : null;
    // Copied with its lazy fields still lazy (a spread would compute them all).
    const result = Object.defineProperties({}, Object.getOwnPropertyDescriptors(own));
    return Object.assign(result, { vsBaseline }) as StrategyResult;
  });
  cache?.finish();
  return { result: { strategies }, curves: computed.map((c) => c.figures.curve) };
}

/** What a strategy's results are made from; the timeline is computed when first asked for. */
type StrategyFigures = { runRate: StrategyRunRate; timeline: () => Timeline; curve: CostCurve };

/** A function returning `make()`, computed on the first call only. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

/** Adds `key` to `target` as an enumerable property computed on first read. */
function lazyField<T extends object>(target: T, key: string, make: () => unknown): T {
  const get = once(make);
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get });
  return target;
}

/** A strategy against the baseline (DESIGN 3.5, 3.6); the timeline and volume figures lazily. */
function versus(
  scenario: Scenario,
  strategy: Strategy,
  c: StrategyFigures,
  baselineStrategy: Strategy,
  b: StrategyFigures,
  totalVolume: Dec,
): VsBaselineResult {
  const analysis = once(() => volumeAnalysis(c.curve, b.curve, totalVolume));
  const vs = { runRateSavings: toPlain(b.runRate.total.minus(c.runRate.total)) };
  lazyField(vs, 'npvSavings', () => toPlain(b.timeline().npv.minus(c.timeline().npv)));
  lazyField(vs, 'paybackMonth', () => paybackMonth(c.timeline(), b.timeline()));
  lazyField(vs, 'breakEven', () =>
    describeBreakEven(analysis(), scenario, strategy, baselineStrategy, totalVolume),
  );
  lazyField(vs, 'crossings', () =>
    analysis().crossings.map((x) => ({
      tokensPerDay: volumeText(x.k, totalVolume),
      direction: x.direction,
    })),
  );
  return vs as VsBaselineResult;
}

/**
 * How an evaluation with a cache finds its earlier work: an option's costed routes by the
 * identity of the settings, the option, each route and each route's workload (all a group's
 * cost depends on); its months and attribution by the costed group; a strategy's sums by its
 * costed groups.
 */
function reusePerGroup(scenario: Scenario, cache: EvaluationCache) {
  const settingsId = cache.idOf(scenario.settings);
  const workloads = new Map(scenario.workloads.map((w) => [w.id, w]));
  return {
    costed: (option: Option, routes: readonly Route[], make: () => CostedRoutes) => {
      let key = `g ${settingsId} ${cache.idOf(option)}`;
      for (const r of routes)
        key += ` ${cache.idOf(r)}.${cache.idOf(workloads.get(r.workloadId) ?? r)}`;
      return cache.reuse(key, make);
    },
    months: (group: CostedRoutes, make: () => OptionMonths) => cache.derived(group, 'months', make),
    attribution: (group: CostedRoutes, make: () => GroupAttribution) =>
      cache.derived(group, 'attribution', make),
    strategyKey: (costed: readonly CostedRoutes[]) =>
      `s ${settingsId} ${costed.map((g) => cache.idOf(g)).join(' ')}`,
  };
}

function volumeAnalysis(
  curve: CostCurve,
  baselineCurve: CostCurve,
  totalVolume: Dec,
): BreakEvenAnalysis {
  if (totalVolume.isZero()) {
    // Nothing to scale: the comparison at zero volume holds at every "volume".
    return analyseBreakEven(curve, baselineCurve, new Dec(1));
  }
  return analyseBreakEven(curve, baselineCurve, MAX_TOKENS_PER_DAY.div(totalVolume));
}

/**
 * A volume factor as tokens/day. Step volumes come out of 40-digit divisions (`j / rate`), so
 * they are reported to 30 significant digits: 86,400,000 rather than
 * 86,400,000.00000000000000000000000000000003.
 */
function volumeText(k: Dec, totalVolume: Dec): string {
  return toPlain(k.mul(totalVolume).toSignificantDigits(VOLUME_DIGITS));
}
const VOLUME_DIGITS = 30;

function describeBreakEven(
  analysis: BreakEvenAnalysis,
  scenario: Scenario,
  strategy: Strategy,
  baseline: Strategy,
  totalVolume: Dec,
): BreakEvenResult {
  const be = analysis.breakEven;
  if (be.kind === 'always') return { kind: 'always' };
  if (be.kind === 'at') return { kind: 'at', tokensPerDay: volumeText(be.k, totalVolume) };
  const money = (d: Dec) => `${scenario.currency} ${groupDigits(d, 2)}`;
  if (totalVolume.isZero()) {
    return {
      kind: 'never',
      reason:
        `Every workload has zero volume, so there is nothing to scale; at zero volume ` +
        `"${strategy.name}" costs ${money(be.gapAtTop)} a month more than "${baseline.name}".`,
    };
  }
  // Marginal cost per 1M tokens: d(cost per month)/d(tokens per day) · 1e6 / days per month.
  const perM = (m: Dec) => m.div(totalVolume).div(daysPerMonth(scenario.settings)).mul(MILLION);
  const mc = perM(be.marginalC);
  const mb = perM(be.marginalB);
  const top = groupDigits(MAX_TOKENS_PER_DAY, 0);
  const gap = money(be.gapAtTop);
  // Compared as shown (to the cent), so equal marginal costs never read as "the gap widens".
  const reason = mc.toDecimalPlaces(2).greaterThan(mb.toDecimalPlaces(2))
    ? `At high volume every extra 1M tokens costs ${money(mc)} with "${strategy.name}" against ` +
      `${money(mb)} with "${baseline.name}", so the gap only widens: at ${top} tokens/day ` +
      `"${strategy.name}" still costs ${gap} a month more.`
    : `Every extra 1M tokens costs ${money(mc)} with "${strategy.name}" against ${money(mb)} with ` +
      `"${baseline.name}", but its higher fixed and step costs are not recovered: at ${top} ` +
      `tokens/day it still costs ${gap} a month more.`;
  return { kind: 'never', reason };
}

function strategyResult(
  scenario: Scenario,
  strategy: Strategy,
  { runRate, timeline }: StrategyFigures,
): Omit<StrategyResult, 'vsBaseline'> {
  const dpy = scenario.settings.daysPerYear;
  const perM = costPerMTokens(runRate.total, runRate.tokensPerDay, dpy);
  const own = {
    id: strategy.id,
    name: strategy.name,
    runRate: {
      total: toPlain(runRate.total),
      api: toPlain(runRate.parts.api),
      gpu: toPlain(runRate.parts.gpu),
      storage: toPlain(runRate.parts.storage),
      monitoring: toPlain(runRate.parts.monitoring),
      engineering: toPlain(runRate.parts.engineering),
      fineTuning: toPlain(runRate.parts.fineTuning),
    },
    costPerMTokens: perM === null ? null : toPlain(perM),
    capacity: capacityOf(runRate).map(({ optionId, sizing }) => ({
      optionId,
      replicas: sizing.replicas.toNumber(),
      gpus: sizing.gpus.toNumber(),
      utilization: sizing.replicas.isZero() ? '0' : toPlain(sizing.load.div(sizing.replicas)),
    })),
  };
  lazyField(own, 'byOption', () =>
    runRate.byOption.map((o) => {
      const p = costPerMTokens(o.total, o.tokensPerDay, dpy);
      return {
        optionId: o.option.id,
        runRate: toPlain(o.total),
        tokensPerDay: toPlain(o.tokensPerDay),
        costPerMTokens: p === null ? null : toPlain(p),
      };
    }),
  );
  lazyField(own, 'timeline', () => {
    const t = timeline();
    return {
      months: t.months.map((m) => ({
        month: m.month,
        capex: toPlain(m.capex),
        opex: toPlain(m.opex),
        cumulative: toPlain(m.cumulative),
      })),
      residual: toPlain(t.residual),
      npv: toPlain(t.npv),
    };
  });
  lazyField(own, 'byWorkload', () =>
    runRate.byWorkload.map((w) => {
      const p = costPerMTokens(w.total, w.tokensPerDay, dpy);
      return {
        workloadId: w.workloadId,
        runRate: toPlain(w.total),
        tokensPerDay: toPlain(w.tokensPerDay),
        costPerMTokens: p === null ? null : toPlain(p),
      };
    }),
  );
  return own as Omit<StrategyResult, 'vsBaseline'>;
}
