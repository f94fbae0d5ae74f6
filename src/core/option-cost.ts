import { ZERO, sumDec } from './decimal';
import type { Dec } from './decimal';
import { apiIntegrationPerMonth, apiPricePerM, apiUsagePerMonth } from './api-cost';
import { zeroParts } from './cost-parts';
import type { CostParts } from './cost-parts';
import { sizeSelfHost } from './capacity';
import type { RouteVolume, Sizing } from './capacity';
import { fteAt } from './staff';
import type { ApiOption, SelfHostOption } from './model';

/** What an option costs for one month, and how to share that among its routes. */
export type OptionCost = {
  parts: CostParts;
  /** One weight per route, in route order, for attributing the option's cost (DESIGN 3.4). */
  routeWeights: Dec[];
  sizing: Sizing | null;
};

export type CostContext = {
  daysPerYear: Dec;
  fteCostPerYear: Dec;
  /** Multiplies API prices (the yearly price change in the timeline; 1 for today). */
  apiPriceFactor: Dec;
};

/** DESIGN 3.2: usage per route, plus integration staff and fine-tuning once per strategy. */
export function costApiOption(
  option: ApiOption,
  routes: readonly RouteVolume[],
  ctx: CostContext,
): OptionCost {
  const usages = routes.map((r) =>
    apiUsagePerMonth(
      r.tokensPerDay,
      ctx.daysPerYear,
      apiPricePerM(r.workload, option, ctx.apiPriceFactor),
    ),
  );
  const parts = zeroParts();
  parts.api = sumDec(usages);
  parts.engineering = apiIntegrationPerMonth(option, ctx.fteCostPerYear);
  parts.fineTuning = option.fineTuningPerMonth;
  return { parts, routeWeights: usages, sizing: null };
}

/**
 * DESIGN 3.3 for a given number of paid GPUs: the GPUs the run-rate needs, or in the timeline
 * the owned GPUs of a bought fleet. `perGpu` is the monthly GPU charge per paid GPU.
 */
export function selfHostParts(
  option: SelfHostOption,
  paidGpus: Dec,
  perGpu: Dec,
  servedTokensPerDay: Dec,
  fteCostPerYear: Dec,
): CostParts {
  return {
    api: ZERO,
    gpu: paidGpus.mul(perGpu),
    storage: option.storagePerMonth.plus(option.storagePerGpuMonth.mul(paidGpus)),
    monitoring: option.monitoringPerMonth.plus(option.monitoringPerGpuMonth.mul(paidGpus)),
    engineering: fteAt(option.engineeringFte, servedTokensPerDay).mul(fteCostPerYear).div(12),
    fineTuning: option.fineTuningPerMonth,
  };
}

/** Run-rate of a self-hosted option: pooled sizing, then the parts at `perGpu` per GPU-month. */
export function costSelfHostOption(
  option: SelfHostOption,
  routes: readonly RouteVolume[],
  perGpu: Dec,
  fteCostPerYear: Dec,
): OptionCost {
  const sizing = sizeSelfHost(option, routes);
  const served = sumDec(routes.map((r) => r.tokensPerDay));
  return {
    parts: selfHostParts(option, sizing.gpus, perGpu, served, fteCostPerYear),
    routeWeights: sizing.routeLoads,
    sizing,
  };
}
