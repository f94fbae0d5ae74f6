import { Dec, ONE, ZERO, addDec, maxDec } from './decimal';
import type { SelfHostOption, Workload } from './model';
import type { RouteRates } from './route-rates';

const SECONDS_PER_DAY = new Dec(86_400);

/** A workload's volume carried by one route (share already applied). */
export type RouteVolume = { workload: Workload; tokensPerDay: Dec };

export type Sizing = {
  /** `x_r` of every route, in route order: replica-seconds of work per second. */
  routeLoads: Dec[];
  /** `peak_r` of every route, in route order. */
  routePeaks: Dec[];
  /** `sum(x_r)`: the average load. */
  load: Dec;
  /** `max(sum(peak_r), sum(x_r))`. */
  needed: Dec;
  replicas: Dec;
  gpus: Dec;
};

/**
 * `i / prefill + (1 - i) / decode` (DESIGN 3.3): replica-seconds one token of the workload's mix
 * takes on the option. Prompt caching is not credited on self-hosted prefill.
 */
export function loadPerToken(workload: Workload, option: SelfHostOption): Dec {
  const i = workload.inputShare;
  return i.div(option.prefillTokensPerSec).plus(ONE.minus(i).div(option.decodeTokensPerSec));
}

/**
 * `x_r = v · (i / prefill + (1 - i) / decode) / 86400` (DESIGN 3.3): how many replicas the route
 * keeps busy on average. `perToken` is `loadPerToken` of the route's workload and the option.
 */
export function routeLoad(
  route: RouteVolume,
  option: SelfHostOption,
  perToken: Dec = loadPerToken(route.workload, option),
): Dec {
  return route.tokensPerDay.mul(perToken).div(SECONDS_PER_DAY);
}

/** `p · (1 - b)`: the peak of a workload's non-batch traffic over its average. */
export function peakFactor(workload: Workload): Dec {
  return workload.peakToAverage.mul(ONE.minus(workload.batchShare));
}

/** `peak_r = p · (1 - b) · x_r`: batch traffic is moved into the valleys, so it adds no peak. */
export function routePeak(
  route: RouteVolume,
  load: Dec,
  factor: Dec = peakFactor(route.workload),
): Dec {
  return factor.mul(load);
}

/** Replicas for a required load: `max(minReplicas, ceil(needed / targetUtilization))`. */
export function replicasFor(needed: Dec, option: SelfHostOption): Dec {
  return maxDec(option.minReplicas, needed.div(option.targetUtilization).ceil());
}

/**
 * Pools every route an option serves into one replica count (DESIGN 3.3 and 3.4). `rates`, when
 * given, supplies the routes' loads and peaks already computed for this evaluation.
 */
export function sizeSelfHost(
  option: SelfHostOption,
  routes: readonly RouteVolume[],
  rates?: RouteRates,
): Sizing {
  const routeLoads: Dec[] = [];
  const routePeaks: Dec[] = [];
  let load = ZERO;
  let peak = ZERO;
  for (const r of routes) {
    let x: Dec;
    let p: Dec;
    if (rates) ({ load: x, peak: p } = rates.selfLoad(r, option));
    else {
      x = routeLoad(r, option);
      p = routePeak(r, x);
    }
    routeLoads.push(x);
    routePeaks.push(p);
    load = addDec(load, x);
    peak = addDec(peak, p);
  }
  const needed = maxDec(peak, load);
  const replicas = replicasFor(needed, option);
  return {
    routeLoads,
    routePeaks,
    load,
    needed,
    replicas,
    gpus: replicas.mul(option.gpusPerReplica),
  };
}
