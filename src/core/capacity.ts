import { Dec, ONE, ZERO, maxDec } from './decimal';
import type { SelfHostOption, Workload } from './model';

const SECONDS_PER_DAY = new Dec(86_400);

/** A workload's volume carried by one route (share already applied). */
export type RouteVolume = { workload: Workload; tokensPerDay: Dec };

export type Sizing = {
  /** `x_r` of every route, in route order: replica-seconds of work per second. */
  routeLoads: Dec[];
  /** `sum(x_r)`: the average load. */
  load: Dec;
  /** `max(sum(peak_r), sum(x_r))`. */
  needed: Dec;
  replicas: Dec;
  gpus: Dec;
};

/**
 * `x_r = v · (i / prefill + (1 - i) / decode) / 86400` (DESIGN 3.3): how many replicas the route
 * keeps busy on average. Prompt caching is not credited on self-hosted prefill.
 */
export function routeLoad(route: RouteVolume, option: SelfHostOption): Dec {
  const i = route.workload.inputShare;
  const perToken = i
    .div(option.prefillTokensPerSec)
    .plus(ONE.minus(i).div(option.decodeTokensPerSec));
  return route.tokensPerDay.mul(perToken).div(SECONDS_PER_DAY);
}

/** `peak_r = p · (1 - b) · x_r`: batch traffic is moved into the valleys, so it adds no peak. */
export function routePeak(route: RouteVolume, load: Dec): Dec {
  const w = route.workload;
  return w.peakToAverage.mul(ONE.minus(w.batchShare)).mul(load);
}

/** Replicas for a required load: `max(minReplicas, ceil(needed / targetUtilization))`. */
export function replicasFor(needed: Dec, option: SelfHostOption): Dec {
  return maxDec(option.minReplicas, needed.div(option.targetUtilization).ceil());
}

/** Pools every route an option serves into one replica count (DESIGN 3.3 and 3.4). */
export function sizeSelfHost(option: SelfHostOption, routes: readonly RouteVolume[]): Sizing {
  const routeLoads = routes.map((r) => routeLoad(r, option));
  let load = ZERO;
  let peak = ZERO;
  routes.forEach((r, index) => {
    const x = routeLoads[index] ?? ZERO;
    load = load.plus(x);
    peak = peak.plus(routePeak(r, x));
  });
  const needed = maxDec(peak, load);
  const replicas = replicasFor(needed, option);
  return { routeLoads, load, needed, replicas, gpus: replicas.mul(option.gpusPerReplica) };
}
