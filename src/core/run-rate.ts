import { Dec, MILLION, ONE, ZERO, sumDec } from './decimal';
import { hoursPerMonth } from './calendar';
import { addParts, totalOfParts, zeroParts } from './cost-parts';
import type { CostParts } from './cost-parts';
import type { RouteVolume, Sizing } from './capacity';
import { costApiOption, costSelfHostOption } from './option-cost';
import type { CostContext, OptionCost } from './option-cost';
import { perGpuMonth } from './gpu-cost';
import type { Option, Scenario, Strategy, Workload } from './model';

/** The routes of a strategy that go to one option, with the volume each carries. */
export type OptionRoutes = {
  option: Option;
  workloadIds: string[];
  routes: RouteVolume[];
};

export type OptionRunRate = OptionRoutes & {
  cost: OptionCost;
  total: Dec;
  tokensPerDay: Dec;
};

export type WorkloadRunRate = { workloadId: string; total: Dec; tokensPerDay: Dec };

export type StrategyRunRate = {
  parts: CostParts;
  total: Dec;
  tokensPerDay: Dec;
  byOption: OptionRunRate[];
  byWorkload: WorkloadRunRate[];
};

/** Today's volume of every workload. */
export function todaysVolumes(scenario: Scenario): Map<string, Dec> {
  return new Map(scenario.workloads.map((w) => [w.id, w.tokensPerDay]));
}

/**
 * Groups a strategy's routes by option, in the scenario's option order. An option with any route
 * (even a zero share) is in use and pays its fixed costs and minimum replicas (DESIGN 3.3).
 */
export function groupRoutesByOption(
  scenario: Scenario,
  strategy: Strategy,
  volumes: ReadonlyMap<string, Dec>,
): OptionRoutes[] {
  const workloads = new Map<string, Workload>(scenario.workloads.map((w) => [w.id, w]));
  const groups: OptionRoutes[] = [];
  for (const option of scenario.options) {
    const mine = strategy.routes.filter((r) => r.optionId === option.id);
    if (mine.length === 0) continue;
    const routes: RouteVolume[] = [];
    const workloadIds: string[] = [];
    for (const r of mine) {
      const workload = workloads.get(r.workloadId);
      if (!workload) throw new Error(`route to unknown workload ${r.workloadId}`);
      routes.push({ workload, tokensPerDay: r.share.mul(volumes.get(r.workloadId) ?? ZERO) });
      workloadIds.push(r.workloadId);
    }
    groups.push({ option, workloadIds, routes });
  }
  return groups;
}

/** Cost of one option's routes for a month, on the run-rate basis (amortized GPUs). */
export function costOptionRoutes(
  group: OptionRoutes,
  scenario: Scenario,
  ctx: CostContext,
): OptionCost {
  const { option, routes } = group;
  if (option.kind === 'api') return costApiOption(option, routes, ctx);
  const perGpu = perGpuMonth(option.gpu, hoursPerMonth(scenario.settings));
  return costSelfHostOption(option, routes, perGpu, ctx.fteCostPerYear);
}

export function runRateContext(scenario: Scenario, apiPriceFactor: Dec = ONE): CostContext {
  return {
    daysPerYear: scenario.settings.daysPerYear,
    fteCostPerYear: scenario.settings.fteCostPerYear,
    apiPriceFactor,
  };
}

/**
 * Monthly run-rate of a strategy at the given volumes (DESIGN 3.4): the sum over the options it
 * uses, each option's fixed costs once, self-hosted capacity pooled per option. Each option's cost
 * is attributed to its routes by weight (API: usage; self-hosted: `x_r`; equal split if all zero).
 */
export function computeStrategyRunRate(
  scenario: Scenario,
  strategy: Strategy,
  volumes: ReadonlyMap<string, Dec> = todaysVolumes(scenario),
): StrategyRunRate {
  const ctx = runRateContext(scenario);
  let parts = zeroParts();
  const byOption: OptionRunRate[] = [];
  const perWorkload = new Map<string, { total: Dec; tokensPerDay: Dec }>(
    scenario.workloads.map((w) => [w.id, { total: ZERO, tokensPerDay: ZERO }]),
  );
  for (const group of groupRoutesByOption(scenario, strategy, volumes)) {
    const cost = costOptionRoutes(group, scenario, ctx);
    const total = totalOfParts(cost.parts);
    const tokensPerDay = sumDec(group.routes.map((r) => r.tokensPerDay));
    parts = addParts(parts, cost.parts);
    byOption.push({ ...group, cost, total, tokensPerDay });
    const shares = attributionShares(cost.routeWeights);
    group.workloadIds.forEach((id, index) => {
      const entry = perWorkload.get(id);
      if (!entry) return;
      entry.total = entry.total.plus(total.mul(shares[index] ?? ZERO));
      entry.tokensPerDay = entry.tokensPerDay.plus(group.routes[index]?.tokensPerDay ?? ZERO);
    });
  }
  const byWorkload = [...perWorkload].map(([workloadId, v]) => ({ workloadId, ...v }));
  return {
    parts,
    total: totalOfParts(parts),
    tokensPerDay: sumDec(byOption.map((o) => o.tokensPerDay)),
    byOption,
    byWorkload,
  };
}

/** Shares of each weight in their sum; an equal split when the weights sum to zero. */
export function attributionShares(weights: readonly Dec[]): Dec[] {
  const sum = sumDec(weights);
  if (sum.isZero()) {
    const n = new Dec(weights.length);
    return weights.map(() => ONE.div(n));
  }
  return weights.map((w) => w.div(sum));
}

/** Cost per 1M tokens: run-rate / tokens per month · 1e6, or null when there are no tokens. */
export function costPerMTokens(total: Dec, tokensPerDay: Dec, daysPerYear: Dec): Dec | null {
  const tokensPerYear = tokensPerDay.mul(daysPerYear);
  if (tokensPerYear.isZero()) return null;
  return total.mul(12).mul(MILLION).div(tokensPerYear);
}

/** Capacity of each self-hosted option a strategy uses. */
export function capacityOf(runRate: StrategyRunRate): { optionId: string; sizing: Sizing }[] {
  const out: { optionId: string; sizing: Sizing }[] = [];
  for (const o of runRate.byOption) {
    if (o.cost.sizing) out.push({ optionId: o.option.id, sizing: o.cost.sizing });
  }
  return out;
}
