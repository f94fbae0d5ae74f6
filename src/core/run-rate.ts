import { Dec, MILLION, ONE, ZERO, addDec, mulDec, sumDec } from './decimal';
import { hoursPerMonth } from './calendar';
import { addParts, totalOfParts, zeroParts } from './cost-parts';
import type { CostParts } from './cost-parts';
import type { RouteVolume, Sizing } from './capacity';
import { costApiOption, costSelfHostOption } from './option-cost';
import type { CostContext, OptionCost } from './option-cost';
import { createRouteRates } from './route-rates';
import type { Option, Route, Scenario, Strategy, Workload } from './model';

/** The routes of a strategy that go to one option, with the volume each carries. */
export type OptionRoutes = {
  option: Option;
  workloadIds: string[];
  routes: RouteVolume[];
};

/** An option's routes with their cost (`costStrategyRoutes`). */
export type CostedRoutes = OptionRoutes & { cost: OptionCost };

export type OptionRunRate = CostedRoutes & {
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
  return mapOptionRoutes(scenario, strategy, volumes, (_option, _routes, make) => make());
}

/**
 * The routes of a strategy, grouped by option in the scenario's option order, each group turned
 * into a value by `each`: given the option, its routes and a function building its
 * `OptionRoutes` (with the volume each route carries), so a caller that already has the value for
 * those very objects can skip the building.
 */
export function mapOptionRoutes<T>(
  scenario: Scenario,
  strategy: Strategy,
  volumes: ReadonlyMap<string, Dec>,
  each: (option: Option, routes: readonly Route[], make: () => OptionRoutes) => T,
): T[] {
  const workloads = new Map<string, Workload>(scenario.workloads.map((w) => [w.id, w]));
  // One pass over the routes (in strategy order), then the options in scenario order.
  const byOption = new Map<string, Route[]>();
  for (const r of strategy.routes) {
    const mine = byOption.get(r.optionId);
    if (mine) mine.push(r);
    else byOption.set(r.optionId, [r]);
  }
  const groups: T[] = [];
  for (const option of scenario.options) {
    const mine = byOption.get(option.id);
    if (!mine) continue;
    const make = (): OptionRoutes => {
      const routes: RouteVolume[] = [];
      const workloadIds: string[] = [];
      for (const r of mine) {
        const workload = workloads.get(r.workloadId);
        if (!workload) throw new Error(`route to unknown workload ${r.workloadId}`);
        const volume = volumes.get(r.workloadId) ?? ZERO;
        routes.push({ workload, tokensPerDay: mulDec(r.share, volume) });
        workloadIds.push(r.workloadId);
      }
      return { option, workloadIds, routes };
    };
    groups.push(each(option, mine, make));
  }
  return groups;
}

/** Cost of one option's routes for a month, on the run-rate basis (amortized GPUs). */
export function costOptionRoutes(group: OptionRoutes, ctx: CostContext): OptionCost {
  const { option, routes } = group;
  if (option.kind === 'api') return costApiOption(option, routes, ctx);
  const perGpu = ctx.rates.perGpuMonth(option);
  return costSelfHostOption(option, routes, perGpu, ctx.fteCostPerYear, ctx.rates);
}

/**
 * A strategy's routes grouped by option and costed at `volumes`: what its run-rate, cost curve
 * and timeline are all built from, so one evaluation costs each group once. Pass the same `ctx`
 * for every strategy of a scenario to share the per-route figures (`RouteRates`) as well.
 */
export function costStrategyRoutes(
  scenario: Scenario,
  strategy: Strategy,
  volumes: ReadonlyMap<string, Dec> = todaysVolumes(scenario),
  ctx: CostContext = runRateContext(scenario),
  /** Where an evaluation keeps costed groups for the next one (evaluation-cache.ts). */
  reuse: (option: Option, routes: readonly Route[], make: () => CostedRoutes) => CostedRoutes = (
    _option,
    _routes,
    make,
  ) => make(),
): CostedRoutes[] {
  return mapOptionRoutes(scenario, strategy, volumes, (option, routes, group) =>
    reuse(option, routes, () => {
      const built = group();
      return { ...built, cost: costOptionRoutes(built, ctx) };
    }),
  );
}

export function runRateContext(scenario: Scenario, apiPriceFactor: Dec = ONE): CostContext {
  return {
    daysPerYear: scenario.settings.daysPerYear,
    fteCostPerYear: scenario.settings.fteCostPerYear,
    apiPriceFactor,
    rates: createRouteRates({
      apiPriceFactor,
      daysPerYear: scenario.settings.daysPerYear,
      hoursPerMonth: hoursPerMonth(scenario.settings),
      fteCostPerYear: scenario.settings.fteCostPerYear,
    }),
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
  return runRateOf(scenario, costStrategyRoutes(scenario, strategy, volumes));
}

/** `computeStrategyRunRate` from routes already costed (`costStrategyRoutes`). */
export function runRateOf(
  scenario: Scenario,
  costed: readonly CostedRoutes[],
  /** Where an evaluation keeps each group's attribution for the next one (evaluation-cache.ts). */
  reuse: (group: CostedRoutes, make: () => GroupAttribution) => GroupAttribution = (_, make) =>
    make(),
): StrategyRunRate {
  let parts = zeroParts();
  const byOption: OptionRunRate[] = [];
  for (const group of costed) {
    const { cost } = group;
    parts = addParts(parts, cost.parts);
    byOption.push({ ...group, total: totalOfParts(cost.parts), tokensPerDay: cost.tokensPerDay });
  }
  // Each workload's part of the cost (divisions and products per route): added up when first
  // asked for, since a view of the strategies' totals does not need it.
  let byWorkload: WorkloadRunRate[] | null = null;
  const attributeWorkloads = (): WorkloadRunRate[] => {
    const perWorkload = new Map<string, { total: Dec; tokensPerDay: Dec }>(
      scenario.workloads.map((w) => [w.id, { total: ZERO, tokensPerDay: ZERO }]),
    );
    for (const group of costed) {
      const { perRoute } = reuse(group, () => attributeGroup(group));
      group.workloadIds.forEach((id, index) => {
        const entry = perWorkload.get(id);
        if (!entry) return;
        entry.total = addDec(entry.total, perRoute[index] ?? ZERO);
        entry.tokensPerDay = addDec(entry.tokensPerDay, group.routes[index]?.tokensPerDay ?? ZERO);
      });
    }
    return [...perWorkload].map(([workloadId, v]) => ({ workloadId, ...v }));
  };
  return {
    parts,
    total: totalOfParts(parts),
    tokensPerDay: sumDec(byOption.map((o) => o.tokensPerDay)),
    byOption,
    get byWorkload() {
      return (byWorkload ??= attributeWorkloads());
    },
  };
}

/** An option's run-rate and each route's part of it (by weight, DESIGN 3.4). */
export type GroupAttribution = { total: Dec; perRoute: Dec[] };

export function attributeGroup({ cost }: CostedRoutes): GroupAttribution {
  const total = totalOfParts(cost.parts);
  const shares = attributionShares(cost.routeWeights, cost.routeWeightTotal);
  return { total, perRoute: shares.map((share) => total.mul(share)) };
}

/**
 * Shares of each weight in their sum; an equal split when the weights sum to zero. `sum`, when
 * the caller has it, must be `sumDec(weights)`.
 */
export function attributionShares(weights: readonly Dec[], sum: Dec = sumDec(weights)): Dec[] {
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
  // `· 12e6` in one product: the same decimal as `· 12 · 1e6`, whose second step only moves the
  // decimal point (rounding to 40 significant digits commutes with it).
  return total.mul(TWELVE_MILLION).div(tokensPerYear);
}

const TWELVE_MILLION = MILLION.mul(12);

/** Capacity of each self-hosted option a strategy uses. */
export function capacityOf(runRate: StrategyRunRate): { optionId: string; sizing: Sizing }[] {
  const out: { optionId: string; sizing: Sizing }[] = [];
  for (const o of runRate.byOption) {
    if (o.cost.sizing) out.push({ optionId: o.option.id, sizing: o.cost.sizing });
  }
  return out;
}
