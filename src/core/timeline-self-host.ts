import { Dec, ONE, ZERO, addDec, maxDec } from './decimal';
import { replicasFor } from './capacity';
import { totalOfParts } from './cost-parts';
import { atMostIfClear, ceilIfClear, isPreciseFloat, smallInteger, toFloat } from './float-filter';
import { ownedGpuRunningPerMonth, perGpuMonth } from './gpu-cost';
import { selfHostPartsAt, staffPerMonth } from './option-cost';
import type { SelfHostOption } from './model';

/** One route of a self-hosted option at today's volume: `x_r`, `peak_r`, tokens/day (DESIGN 3.3). */
export type RouteFigures = { growth: number; weight: Dec; peak: Dec; tokensPerDay: Dec };

/** One self-hosted option of a strategy, month by month (DESIGN 3.6). */
export type SelfHostMonths = {
  option: SelfHostOption;
  /** GPUs bought so far (bought fleets only). */
  owned: Dec;
  /** The month's GPU purchases (null when none) and running cost, in month order. */
  next(factors: readonly Dec[], floats: readonly number[]): { capex: Dec | null; opex: Dec };
};

/**
 * Capacity is re-sized every month (DESIGN 3.6). `x_r`, `peak_r` and tokens/day are linear in
 * volume, so the routes whose workloads grow at the same rate (`growth`, an index into the
 * month's factors `(1 + g)^m`) are added up once and scaled once a month.
 *
 * Replicas and the staff tier are decided from float estimates when those are clear of every
 * step (float-filter.ts), else from the exact sums, as DESIGN 3.3 says; the exact sums are made
 * only when first needed. A month's cost depends on paid GPUs and tier only, so it is computed
 * once per change of either, not every month. Every amount is a decimal.
 */
export function selfHostMonths(
  option: SelfHostOption,
  routes: readonly RouteFigures[],
  hoursPerMonth: Dec,
  fteCostPerYear: Dec,
  /** Month costs by staff tier and paid GPUs, shared by every strategy using the option. */
  costs: Map<string, Dec> = new Map(),
): SelfHostMonths {
  const gpu = option.gpu;
  const perGpu =
    gpu.mode === 'buy'
      ? ownedGpuRunningPerMonth(gpu, hoursPerMonth)
      : perGpuMonth(gpu, hoursPerMonth);
  const groups = floatGroups(routes);
  let exactGroups: RouteFigures[] | null = null;
  const minReplicas = smallInteger(option.minReplicas);
  const utilization = toFloat(option.targetUtilization);
  const tierStarts = option.engineeringFte.map((t) => toFloat(t.fromTokensPerDay));
  // Values at the edge of the float range (reachable only by a caller that builds a Scenario
  // without validation, such as an analysis) always take the exact path.
  const floatsUsable =
    isPreciseFloat(utilization) &&
    tierStarts.every(isPreciseFloat) &&
    groups.every(
      (g) => isPreciseFloat(g.weight) && isPreciseFloat(g.peak) && isPreciseFloat(g.tokens),
    ) &&
    routes.every(
      (r) =>
        isPreciseFloat(toFloat(r.weight)) &&
        isPreciseFloat(toFloat(r.peak)) &&
        isPreciseFloat(toFloat(r.tokensPerDay)),
    );
  /** The month's growth factors as floats, when every one is precise enough to decide with. */
  const usableFloats = (floats: readonly number[]): boolean =>
    floatsUsable && groups.every((g) => isPreciseFloat(floats[g.growth] ?? 1));
  const staffByTier = new Map<number, Dec>();
  const gpusByReplicas = new Map<number, Dec>();
  let last: { paid: Dec; tier: number; total: Dec } | null = null;

  /** A sum over the routes at the month's volume, exactly (the order of the eager code). */
  const grown = (factors: readonly Dec[], key: 'weight' | 'peak' | 'tokensPerDay') => {
    exactGroups ??= exactSums(routes);
    let total = ZERO;
    for (const r of exactGroups) {
      const f = factors[r.growth] ?? ONE;
      total = addDec(total, f === ONE ? r[key] : r[key].mul(f));
    }
    return total;
  };

  /** `replicas · gpusPerReplica` (DESIGN 3.3) for the month's volume factors. */
  const gpusNeeded = (factors: readonly Dec[], floats: readonly number[]): Dec => {
    let peak = 0;
    let load = 0;
    let peakScale = 0;
    let loadScale = 0;
    for (const g of groups) {
      const f = floats[g.growth] ?? 1;
      peak += g.peak * f;
      load += g.weight * f;
      peakScale += g.peakScale * Math.abs(f);
      loadScale += g.weightScale * Math.abs(f);
    }
    const estimate = Math.max(peak, load) / utilization;
    const scale = Math.max(peakScale, loadScale) / utilization;
    const ceil =
      minReplicas === null || !usableFloats(floats) || !Number.isFinite(scale)
        ? null
        : ceilIfClear(estimate, scale);
    if (ceil === null) {
      const needed = maxDec(grown(factors, 'peak'), grown(factors, 'weight'));
      const replicas = replicasFor(needed, option);
      const count = smallInteger(replicas);
      return count === null ? replicas.mul(option.gpusPerReplica) : gpusFor(count, replicas);
    }
    const count = Math.max(ceil, minReplicas ?? 0);
    return gpusFor(count, count === minReplicas ? option.minReplicas : null);
  };

  const gpusFor = (count: number, replicas: Dec | null): Dec => {
    let gpus = gpusByReplicas.get(count);
    if (gpus === undefined) {
      // `new Dec(count)` is exact: count is a whole number below 2^50.
      gpus = (replicas ?? new Dec(count)).mul(option.gpusPerReplica);
      gpusByReplicas.set(count, gpus);
    }
    return gpus;
  };

  /** Index of the staff tier that applies (`fteAt`, DESIGN 3.3), -1 for none. */
  const tierAt = (factors: readonly Dec[], floats: readonly number[]): number => {
    let served = 0;
    let scale = 0;
    for (const g of groups) {
      const f = floats[g.growth] ?? 1;
      served += g.tokens * f;
      scale += g.tokensScale * Math.abs(f);
    }
    if (!usableFloats(floats) || !Number.isFinite(scale)) {
      return exactTierAt(grown(factors, 'tokensPerDay'));
    }
    let tier = -1;
    for (const [i, start] of tierStarts.entries()) {
      const reached = atMostIfClear(start, start, served, scale);
      if (reached === null) return exactTierAt(grown(factors, 'tokensPerDay'));
      if (!reached) break;
      tier = i;
    }
    return tier;
  };

  const exactTierAt = (served: Dec): number => {
    let tier = -1;
    for (const [i, t] of option.engineeringFte.entries()) {
      if (t.fromTokensPerDay.lessThanOrEqualTo(served)) tier = i;
      else break;
    }
    return tier;
  };

  const staffAt = (tier: number): Dec => {
    let staff = staffByTier.get(tier);
    if (staff === undefined) {
      staff = staffPerMonth(option.engineeringFte[tier]?.fte ?? ZERO, fteCostPerYear);
      staffByTier.set(tier, staff);
    }
    return staff;
  };

  const months: SelfHostMonths = {
    option,
    owned: ZERO,
    next(factors, floats) {
      const gpus = gpusNeeded(factors, floats);
      let paid = gpus;
      let capex: Dec | null = null;
      if (gpu.mode === 'buy') {
        paid = maxDec(months.owned, gpus);
        // Buying nothing adds nothing: skipped rather than adding a zero.
        if (!paid.equals(months.owned)) capex = paid.minus(months.owned).mul(gpu.purchasePerGpu);
        months.owned = paid;
      }
      const tier = tierAt(factors, floats);
      if (last === null || last.tier !== tier || !(last.paid === paid || last.paid.equals(paid))) {
        const key = `${tier} ${paid.toFixed()}`;
        let total = costs.get(key);
        if (total === undefined) {
          total = totalOfParts(selfHostPartsAt(option, paid, perGpu, staffAt(tier)));
          costs.set(key, total);
        }
        last = { paid, tier, total };
      }
      return { capex, opex: last.total };
    },
  };
  return months;
}

type FloatGroup = {
  growth: number;
  weight: number;
  weightScale: number;
  peak: number;
  peakScale: number;
  tokens: number;
  tokensScale: number;
};

/** The routes' figures as floats, added up by growth rate, with the sums of their magnitudes. */
function floatGroups(routes: readonly RouteFigures[]): FloatGroup[] {
  const groups = new Map<number, FloatGroup>();
  for (const r of routes) {
    let g = groups.get(r.growth);
    if (!g) {
      g = {
        growth: r.growth,
        weight: 0,
        weightScale: 0,
        peak: 0,
        peakScale: 0,
        tokens: 0,
        tokensScale: 0,
      };
      groups.set(r.growth, g);
    }
    const weight = toFloat(r.weight);
    const peak = toFloat(r.peak);
    const tokens = toFloat(r.tokensPerDay);
    g.weight += weight;
    g.weightScale += Math.abs(weight);
    g.peak += peak;
    g.peakScale += Math.abs(peak);
    g.tokens += tokens;
    g.tokensScale += Math.abs(tokens);
  }
  return [...groups.values()];
}

/** The exact sums by growth rate, in order of first appearance, each added in route order. */
function exactSums(routes: readonly RouteFigures[]): RouteFigures[] {
  const groups = new Map<number, RouteFigures>();
  for (const r of routes) {
    const g = groups.get(r.growth) ?? {
      growth: r.growth,
      weight: ZERO,
      peak: ZERO,
      tokensPerDay: ZERO,
    };
    groups.set(r.growth, {
      growth: r.growth,
      weight: addDec(g.weight, r.weight),
      peak: addDec(g.peak, r.peak),
      tokensPerDay: addDec(g.tokensPerDay, r.tokensPerDay),
    });
  }
  return [...groups.values()];
}
