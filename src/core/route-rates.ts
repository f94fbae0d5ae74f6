import type { Dec } from './decimal';
import { apiPricePerM, apiUsagePerMonth } from './api-cost';
import { loadPerToken, peakFactor, routeLoad, routePeak } from './capacity';
import type { RouteVolume } from './capacity';
import { perGpuMonth } from './gpu-cost';
import type { ApiOption, SelfHostOption, Workload } from './model';

/**
 * What an evaluation computes again and again for the same inputs, computed once: per route
 * (a workload's volume on an option) its API usage (DESIGN 3.2) or its load and peak (DESIGN
 * 3.3), the per-token figures behind them, and per option its monthly charges per GPU and per
 * replica and its staff levels. Strategies of one scenario keep routing the same workloads to
 * the same options. The values are the ones the formulas return (the same operations in the
 * same order, on equal inputs), so no result changes.
 *
 * @example
 * const rates = createRouteRates({ apiPriceFactor: ONE, daysPerYear, hoursPerMonth, fteCostPerYear });
 * rates.apiUsage(route, gpt) === rates.apiUsage(route, gpt) // true: computed once
 */
export type RouteRates = {
  /** `apiUsagePerMonth` of the route at `apiPriceFactor`. */
  apiUsage(route: RouteVolume, option: ApiOption): Dec;
  /** `routeLoad` and `routePeak` of the route. */
  selfLoad(route: RouteVolume, option: SelfHostOption): { load: Dec; peak: Dec };
  /** `perGpuMonth` of the option's GPUs (run-rate basis). */
  perGpuMonth(option: SelfHostOption): Dec;
  /** One replica for a month: `gpusPerReplica · (perGpu + storage and monitoring per GPU)`. */
  perReplicaMonth(option: SelfHostOption): Dec;
  /** Each staff tier's monthly cost, `fte · (fteCostPerYear / 12)` as the cost curve has it. */
  staffLevels(option: SelfHostOption): Dec[];
};

export type RatesInput = {
  /** Multiplies API prices (1 for today's run-rate). */
  apiPriceFactor: Dec;
  daysPerYear: Dec;
  hoursPerMonth: Dec;
  fteCostPerYear: Dec;
};

export function createRouteRates(input: RatesInput): RouteRates {
  const { apiPriceFactor, daysPerYear, hoursPerMonth, fteCostPerYear } = input;
  // Per-token figures depend on a workload's shares only, which workloads often have in common:
  // keyed by their exact text.
  const prices = byOption<ApiOption>();
  const loads = byOption<SelfHostOption>();
  const peaks = new Map<string, Dec>();
  const price = (w: Workload, o: ApiOption) =>
    prices(
      o,
      `${w.inputShare.toFixed()} ${w.cachedInputShare.toFixed()} ${w.batchShare.toFixed()}`,
      () => apiPricePerM(w, o, apiPriceFactor),
    );
  const usages = routeMemo<ApiOption, Dec>();
  const selfLoads = routeMemo<SelfHostOption, { load: Dec; peak: Dec }>();
  const perGpu = new Map<SelfHostOption, Dec>();
  const perReplica = new Map<SelfHostOption, Dec>();
  const staff = new Map<SelfHostOption, Dec[]>();
  let monthlyPerFte: Dec | null = null;
  const rates: RouteRates = {
    apiUsage: (route, option) =>
      usages(route, option, () =>
        apiUsagePerMonth(route.tokensPerDay, daysPerYear, price(route.workload, option)),
      ),
    selfLoad: (route, option) =>
      selfLoads(route, option, () => {
        const w = route.workload;
        const perToken = loads(option, w.inputShare.toFixed(), () => loadPerToken(w, option));
        const load = routeLoad(route, option, perToken);
        const peakKey = `${w.peakToAverage.toFixed()} ${w.batchShare.toFixed()}`;
        const factor = memo(peaks, peakKey, () => peakFactor(w));
        return { load, peak: routePeak(route, load, factor) };
      }),
    perGpuMonth: (o) => memo(perGpu, o, () => perGpuMonth(o.gpu, hoursPerMonth)),
    perReplicaMonth: (o) =>
      memo(perReplica, o, () =>
        o.gpusPerReplica.mul(
          rates.perGpuMonth(o).plus(o.storagePerGpuMonth).plus(o.monitoringPerGpuMonth),
        ),
      ),
    staffLevels: (o) =>
      memo(staff, o, () => {
        monthlyPerFte ??= fteCostPerYear.div(12);
        const perFte = monthlyPerFte;
        return o.engineeringFte.map((tier) => tier.fte.mul(perFte));
      }),
  };
  return rates;
}

function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Values by option and a text key. */
function byOption<O>(): (option: O, key: string, make: () => Dec) => Dec {
  const byFirst = new Map<O, Map<string, Dec>>();
  return (option, key, make) =>
    memo(
      memo(byFirst, option, () => new Map<string, Dec>()),
      key,
      make,
    );
}

/** Values by workload, option and volume (as exact text: equal volumes give equal results). */
function routeMemo<O, V>(): (route: RouteVolume, option: O, make: () => V) => V {
  const byWorkload = new Map<Workload, Map<O, Map<string, V>>>();
  return (route, option, make) => {
    const byOption = memo(byWorkload, route.workload, () => new Map<O, Map<string, V>>());
    const byVolume = memo(byOption, option, () => new Map<string, V>());
    return memo(byVolume, route.tokensPerDay.toFixed(), make);
  };
}
