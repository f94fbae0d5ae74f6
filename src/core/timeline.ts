import type { Dec } from './decimal';
import { ONE, ZERO, addDec, mulDec, sumDec } from './decimal';
import { hoursPerMonth } from './calendar';
import { toFloat } from './float-filter';
import { costStrategyRoutes } from './run-rate';
import type { CostedRoutes } from './run-rate';
import { selfHostMonths } from './timeline-self-host';
import type { Option, Scenario, SelfHostOption, Strategy } from './model';

export type TimelineMonth = { month: number; capex: Dec; opex: Dec; cumulative: Dec };
export type Timeline = { months: TimelineMonth[]; residual: Dec; npv: Dec };

/**
 * Monthly cash flows over the horizon (DESIGN 3.6). Month m = 0..H-1 (reported as m+1) has
 * volume `V·(1+g)^m` and API prices `price·(1+change)^floor(m/12)`. Rented GPUs are paid in the
 * month they are needed; bought GPUs are bought when first needed and never sold; their residual
 * value comes back at the end of the horizon. Capex is paid at the start of a month, opex at its
 * end; "capex" here means every up-front payment: GPU purchases and one-time fine-tuning.
 *
 * API usage and replica load are linear in each workload's volume, so each route's figures at
 * today's volume (from the run-rate code) are scaled by its workload's growth factor each month
 * instead of being recomputed from scratch.
 */
export function computeTimeline(
  scenario: Scenario,
  strategy: Strategy,
  shared: TimelineInputs = timelineInputs(scenario),
  costed: readonly CostedRoutes[] = costStrategyRoutes(scenario, strategy),
  /** Where an evaluation keeps each option's months for the next one (evaluation-cache.ts). */
  reuse: (group: CostedRoutes, make: () => OptionMonths) => OptionMonths = (_, make) => make(),
): Timeline {
  const { settings } = scenario;
  const series = costed.map((group) => reuse(group, () => optionMonths(scenario, group, shared)));

  const months: TimelineMonth[] = [];
  let cumulative = ZERO;
  for (let m = 0; m < settings.horizonMonths; m++) {
    // One-time fine-tuning of every option the strategy uses is paid up front (t = 0).
    let capex = m === 0 ? sumDec(series.map((p) => p.option.fineTuningOneTime)) : ZERO;
    let opex = ZERO;
    for (const option of series) {
      const paid = option.capex[m];
      if (paid) capex = addDec(capex, paid);
      opex = addDec(opex, option.opex[m] ?? ZERO);
      if (option.fixed) opex = addDec(opex, option.fixed);
    }
    cumulative = addDec(addDec(cumulative, capex), opex);
    months.push({ month: m + 1, capex, opex, cumulative });
  }

  let residual = ZERO;
  for (const { option, owned } of series) {
    if (owned && option.kind === 'selfHost' && option.gpu.mode === 'buy') {
      residual = addDec(
        residual,
        owned.mul(option.gpu.residualShare).mul(option.gpu.purchasePerGpu),
      );
    }
  }
  const last = months[months.length - 1];
  if (last) last.cumulative = last.cumulative.minus(residual);

  return { months, residual, npv: presentValue(months, residual, shared.discount) };
}

/**
 * One option's part of a strategy's months: its purchases (null when none), its running cost
 * and, for an API, its fixed monthly charges (added after the usage, as the month's sum always
 * has), plus the GPUs it owns at the end (bought fleets). It depends on the option, its routes
 * and the scenario's settings only, so an evaluation can keep it for the next one.
 */
export type OptionMonths = {
  option: Option;
  capex: (Dec | null)[];
  opex: Dec[];
  fixed: Dec | null;
  owned: Dec | null;
};

function optionMonths(
  scenario: Scenario,
  group: CostedRoutes,
  shared: TimelineInputs,
): OptionMonths {
  const { settings } = scenario;
  const { option, cost } = group;
  const growthOf = (r: number) => shared.growthOf.get(group.routes[r]?.workload.id ?? '') ?? 0;
  const capex: (Dec | null)[] = [];
  const opex: Dec[] = [];
  if (option.kind === 'selfHost') {
    const routes = group.routes.map((route, r) => ({
      growth: growthOf(r),
      weight: cost.routeWeights[r] ?? ZERO,
      peak: cost.sizing?.routePeaks[r] ?? ZERO,
      tokensPerDay: route.tokensPerDay,
    }));
    let costs = shared.monthCosts.get(option);
    if (!costs) shared.monthCosts.set(option, (costs = new Map()));
    const plan = selfHostMonths(
      option,
      routes,
      hoursPerMonth(settings),
      settings.fteCostPerYear,
      costs,
    );
    for (let m = 0; m < settings.horizonMonths; m++) {
      const month = plan.next(shared.volumeFactors[m] ?? [], shared.volumeFactorFloats[m] ?? []);
      capex.push(month.capex);
      opex.push(month.opex);
    }
    return { option, capex, opex, fixed: null, owned: plan.owned };
  }
  // Routes whose workloads grow at the same rate grow together: add them up once, scale once
  // per month (usage is linear in volume).
  const byGrowth = new Map<number, Dec>();
  cost.routeWeights.forEach((weight, r) => {
    const g = growthOf(r);
    byGrowth.set(g, addDec(byGrowth.get(g) ?? ZERO, weight));
  });
  const groups = [...byGrowth].map(([growth, weight]) => ({ growth, weight }));
  /** `(1 + priceChangePerYear)^floor(m/12)`, stepped once a year. */
  let priceFactor = ONE;
  for (let m = 0; m < settings.horizonMonths; m++) {
    if (m % 12 === 0 && m > 0) priceFactor = priceFactor.mul(ONE.plus(option.priceChangePerYear));
    const factors = shared.volumeFactors[m] ?? [];
    let usage = ZERO;
    for (const g of groups) {
      const f = factors[g.growth] ?? ONE;
      usage = addDec(usage, f === ONE ? g.weight : g.weight.mul(f));
    }
    capex.push(null);
    opex.push(mulDec(usage, priceFactor));
  }
  return {
    option,
    capex,
    opex,
    fixed: addDec(cost.parts.engineering, cost.parts.fineTuning),
    owned: null,
  };
}

/** What every strategy's timeline shares: growth and discount factors, computed once. */
export type TimelineInputs = {
  /** Per workload, the index of its growth rate among the distinct rates. */
  growthGroup: number[];
  /** The same by workload id. */
  growthOf: Map<string, number>;
  /** `volumeFactors[m][g] = (1 + g)^m`; the very `ONE` object for a zero rate. */
  volumeFactors: Dec[][];
  /** The same as floats, for deciding replica counts and staff tiers (float-filter.ts). */
  volumeFactorFloats: number[][];
  /** `discount[t]` for t = 0..H months. */
  discount: Dec[];
  /**
   * A self-hosted option's cost for a month by staff tier and paid GPUs (timeline-self-host.ts).
   * Valid for one scenario only: the key is the option object, but the cost also depends on
   * settings such as `fteCostPerYear`, so a caller that varies settings needs a fresh map
   * (goal seek once reused it and costed every value with the first one's staff).
   */
  monthCosts: Map<SelfHostOption, Map<string, Dec>>;
};

export function timelineInputs(scenario: Scenario): TimelineInputs {
  const { horizonMonths, discountRatePerYear } = scenario.settings;
  const rates: Dec[] = [];
  const growthGroup = scenario.workloads.map((w) => {
    const at = rates.findIndex((r) => r.equals(w.growthPerMonth));
    if (at >= 0) return at;
    rates.push(w.growthPerMonth);
    return rates.length - 1;
  });
  const steps = rates.map((r) => ONE.plus(r));
  const volumeFactors: Dec[][] = [];
  let current = steps.map(() => ONE);
  for (let m = 0; m < horizonMonths; m++) {
    volumeFactors.push(current);
    current = current.map((f, i) => {
      const step = steps[i] ?? ONE;
      return step.equals(ONE) ? f : f.mul(step);
    });
  }
  return {
    growthGroup,
    growthOf: new Map(scenario.workloads.map((w, i) => [w.id, growthGroup[i] ?? 0])),
    volumeFactors,
    volumeFactorFloats: volumeFactors.map((month) => month.map(toFloat)),
    discount: discountFactors(discountRatePerYear, horizonMonths),
    monthCosts: new Map(),
  };
}

/**
 * Discount factors `1 / (1 + r)^(t/12)` for t = 0..H months. The monthly factor
 * `exp(-ln(1 + r) / 12)` is computed once (a fractional power is the slow part) and multiplied up.
 */
export function discountFactors(ratePerYear: Dec, horizonMonths: number): Dec[] {
  const monthly = ONE.plus(ratePerYear).ln().div(12).neg().exp();
  const factors = [ONE];
  for (let t = 1; t <= horizonMonths; t++) factors.push((factors[t - 1] ?? ONE).mul(monthly));
  return factors;
}

/**
 * NPV of the cash flows: capex at t = m months, opex at t = m + 1, the residual at t = H, each
 * discounted by `(1 + r)^(t/12)` (`discount[t]`, from `discountFactors`).
 */
export function presentValue(
  months: readonly TimelineMonth[],
  residual: Dec,
  discount: readonly Dec[],
): Dec {
  let npv = ZERO;
  months.forEach((month, m) => {
    // A zero capex adds nothing: skipped (`addDec` would skip the addition, not the product).
    if (!month.capex.isZero()) npv = addDec(npv, month.capex.mul(discount[m] ?? ONE));
    npv = addDec(npv, month.opex.mul(discount[m + 1] ?? ONE));
  });
  return npv.minus(residual.mul(discount[months.length] ?? ONE));
}

/**
 * The first month (1..H) at whose end C's cumulative cost is at most B's and stays so through
 * month H, or null (DESIGN 3.6).
 */
export function paybackMonth(c: Timeline, b: Timeline): number | null {
  let payback: number | null = null;
  for (let i = c.months.length - 1; i >= 0; i--) {
    const cm = c.months[i];
    const bm = b.months[i];
    if (!cm || !bm || cm.cumulative.greaterThan(bm.cumulative)) break;
    payback = cm.month;
  }
  return payback;
}
