import { ZERO, addDec, sumDec } from './decimal';
import type { Dec } from './decimal';
import { apiIntegrationPerMonth } from './api-cost';
import { zeroParts } from './cost-parts';
import type { CostParts } from './cost-parts';
import { sizeSelfHost } from './capacity';
import type { RouteVolume, Sizing } from './capacity';
import { fteAt } from './staff';
import type { RouteRates } from './route-rates';
import type { ApiOption, SelfHostOption } from './model';

/** What an option costs for one month, and how to share that among its routes. */
export type OptionCost = {
  parts: CostParts;
  /** One weight per route, in route order, for attributing the option's cost (DESIGN 3.4). */
  routeWeights: Dec[];
  /** Their sum (`sumDec(routeWeights)`): the usage of an API option, the load of a deployment. */
  routeWeightTotal: Dec;
  sizing: Sizing | null;
  /** The tokens per day the option serves: the sum of its routes' volumes. */
  tokensPerDay: Dec;
};

export type CostContext = {
  daysPerYear: Dec;
  fteCostPerYear: Dec;
  /** Multiplies API prices (the yearly price change in the timeline; 1 for today). */
  apiPriceFactor: Dec;
  /** Per-pair figures at `apiPriceFactor`, shared by every strategy costed in this context. */
  rates: RouteRates;
};

/** DESIGN 3.2: usage per route, plus integration staff and fine-tuning once per strategy. */
export function costApiOption(
  option: ApiOption,
  routes: readonly RouteVolume[],
  ctx: CostContext,
): OptionCost {
  const usages = routes.map((r) => ctx.rates.apiUsage(r, option));
  const parts = zeroParts();
  parts.api = sumDec(usages);
  parts.engineering = apiIntegrationPerMonth(option, ctx.fteCostPerYear);
  parts.fineTuning = option.fineTuningPerMonth;
  return {
    parts,
    routeWeights: usages,
    routeWeightTotal: parts.api,
    sizing: null,
    tokensPerDay: sumDec(routes.map((r) => r.tokensPerDay)),
  };
}

/**
 * DESIGN 3.3 for a given number of paid GPUs: the GPUs the run-rate needs, or in the timeline
 * the owned GPUs of a bought fleet. `perGpu` is the monthly GPU charge per paid GPU; `fte` the
 * engineering staff of the tier that applies (`fteAt` of the served volume).
 */
export function selfHostParts(
  option: SelfHostOption,
  paidGpus: Dec,
  perGpu: Dec,
  fte: Dec,
  fteCostPerYear: Dec,
): CostParts {
  return selfHostPartsAt(option, paidGpus, perGpu, staffPerMonth(fte, fteCostPerYear));
}

/** `selfHostParts` with the monthly engineering cost already known (`staffPerMonth`). */
export function selfHostPartsAt(
  option: SelfHostOption,
  paidGpus: Dec,
  perGpu: Dec,
  engineering: Dec,
): CostParts {
  return {
    api: ZERO,
    gpu: paidGpus.mul(perGpu),
    storage: addDec(option.storagePerMonth, option.storagePerGpuMonth.mul(paidGpus)),
    monitoring: addDec(option.monitoringPerMonth, option.monitoringPerGpuMonth.mul(paidGpus)),
    engineering,
    fineTuning: option.fineTuningPerMonth,
  };
}

/** Engineering staff per month: `fte · fteCostPerYear / 12` (DESIGN 3.3). */
export function staffPerMonth(fte: Dec, fteCostPerYear: Dec): Dec {
  return fte.mul(fteCostPerYear).div(12);
}

/** Run-rate of a self-hosted option: pooled sizing, then the parts at `perGpu` per GPU-month. */
export function costSelfHostOption(
  option: SelfHostOption,
  routes: readonly RouteVolume[],
  perGpu: Dec,
  fteCostPerYear: Dec,
  rates?: RouteRates,
): OptionCost {
  const sizing = sizeSelfHost(option, routes, rates);
  const served = sumDec(routes.map((r) => r.tokensPerDay));
  return {
    parts: selfHostParts(
      option,
      sizing.gpus,
      perGpu,
      fteAt(option.engineeringFte, served),
      fteCostPerYear,
    ),
    routeWeights: sizing.routeLoads,
    routeWeightTotal: sizing.load,
    sizing,
    tokensPerDay: served,
  };
}
