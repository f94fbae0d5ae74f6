import type { Dec } from './decimal';
import { ONE, ZERO, maxDec, sumDec } from './decimal';
import { hoursPerMonth } from './calendar';
import { selfHostParts } from './option-cost';
import { totalOfParts } from './cost-parts';
import { replicasFor, routePeak } from './capacity';
import { ownedGpuRunningPerMonth, perGpuMonth } from './gpu-cost';
import { costOptionRoutes, groupRoutesByOption, runRateContext, todaysVolumes } from './run-rate';
import type { Scenario, Strategy } from './model';

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
): Timeline {
  const { settings } = scenario;
  const hpm = hoursPerMonth(settings);
  const ctx = runRateContext(scenario);
  const growthGroup = new Map(scenario.workloads.map((w, i) => [w.id, shared.growthGroup[i] ?? 0]));
  const plans = groupRoutesByOption(scenario, strategy, todaysVolumes(scenario)).map((group) => {
    const cost = costOptionRoutes(group, scenario, ctx);
    // Routes whose workloads grow at the same rate grow together: add them up once, scale once
    // per month (the sums are linear in volume).
    const byGrowth = new Map<number, { weight: Dec; peak: Dec; tokensPerDay: Dec }>();
    group.routes.forEach((route, r) => {
      const g = growthGroup.get(route.workload.id) ?? 0;
      const weight = cost.routeWeights[r] ?? ZERO;
      const entry = byGrowth.get(g) ?? { weight: ZERO, peak: ZERO, tokensPerDay: ZERO };
      byGrowth.set(g, {
        weight: entry.weight.plus(weight),
        peak: entry.peak.plus(routePeak(route, weight)),
        tokensPerDay: entry.tokensPerDay.plus(route.tokensPerDay),
      });
    });
    return {
      option: group.option,
      routes: [...byGrowth].map(([growth, v]) => ({ growth, ...v })),
      fixed: cost.parts.engineering.plus(cost.parts.fineTuning),
      owned: ZERO,
      /** `(1 + priceChangePerYear)^floor(m/12)`, stepped once a year. */
      priceFactor: ONE,
    };
  });

  const months: TimelineMonth[] = [];
  let cumulative = ZERO;
  for (let m = 0; m < settings.horizonMonths; m++) {
    const factors = shared.volumeFactors[m] ?? [];
    const grown = (
      routes: (typeof plans)[number]['routes'],
      key: 'weight' | 'peak' | 'tokensPerDay',
    ) => {
      let total = ZERO;
      for (const r of routes) {
        const f = factors[r.growth] ?? ONE;
        total = total.plus(f === ONE ? r[key] : r[key].mul(f));
      }
      return total;
    };
    // One-time fine-tuning of every option the strategy uses is paid up front (t = 0).
    let capex = m === 0 ? sumDec(plans.map((p) => p.option.fineTuningOneTime)) : ZERO;
    let opex = ZERO;
    for (const plan of plans) {
      const { option } = plan;
      if (option.kind === 'api') {
        if (m % 12 === 0 && m > 0) {
          plan.priceFactor = plan.priceFactor.mul(ONE.plus(option.priceChangePerYear));
        }
        opex = opex.plus(grown(plan.routes, 'weight').mul(plan.priceFactor)).plus(plan.fixed);
        continue;
      }
      const needed = maxDec(grown(plan.routes, 'peak'), grown(plan.routes, 'weight'));
      const gpus = replicasFor(needed, option).mul(option.gpusPerReplica);
      let paidGpus = gpus;
      let perGpu: Dec;
      if (option.gpu.mode === 'buy') {
        paidGpus = maxDec(plan.owned, gpus);
        capex = capex.plus(paidGpus.minus(plan.owned).mul(option.gpu.purchasePerGpu));
        plan.owned = paidGpus;
        perGpu = ownedGpuRunningPerMonth(option.gpu, hpm);
      } else {
        perGpu = perGpuMonth(option.gpu, hpm);
      }
      const served = grown(plan.routes, 'tokensPerDay');
      const parts = selfHostParts(option, paidGpus, perGpu, served, settings.fteCostPerYear);
      opex = opex.plus(totalOfParts(parts));
    }
    cumulative = cumulative.plus(capex).plus(opex);
    months.push({ month: m + 1, capex, opex, cumulative });
  }

  let residual = ZERO;
  for (const plan of plans) {
    const { option } = plan;
    if (option.kind === 'selfHost' && option.gpu.mode === 'buy') {
      residual = residual.plus(
        plan.owned.mul(option.gpu.residualShare).mul(option.gpu.purchasePerGpu),
      );
    }
  }
  const last = months[months.length - 1];
  if (last) last.cumulative = last.cumulative.minus(residual);

  return { months, residual, npv: presentValue(months, residual, shared.discount) };
}

/** What every strategy's timeline shares: growth and discount factors, computed once. */
export type TimelineInputs = {
  /** Per workload, the index of its growth rate among the distinct rates. */
  growthGroup: number[];
  /** `volumeFactors[m][g] = (1 + g)^m`; the very `ONE` object for a zero rate. */
  volumeFactors: Dec[][];
  /** `discount[t]` for t = 0..H months. */
  discount: Dec[];
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
    volumeFactors,
    discount: discountFactors(discountRatePerYear, horizonMonths),
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
    npv = npv
      .plus(month.capex.mul(discount[m] ?? ONE))
      .plus(month.opex.mul(discount[m + 1] ?? ONE));
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
