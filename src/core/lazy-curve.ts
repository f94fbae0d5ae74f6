import { ZERO } from './decimal';
import { lazy } from './lazy-decimal';
import type { Lazy } from './lazy-decimal';
import type { CostCurve } from './cost-curve';

/**
 * A cost curve (cost-curve.ts) over lazy decimals, for the break-even scan (DESIGN 3.5): the
 * same formulas as `evaluateCurve`, `ladderAt` and `stairReplicas`, each exact value computed
 * only when a decision is too close for floats or a result needs it (lazy-decimal.ts).
 */
export type LazyStair = {
  perReplica: Lazy;
  rate: Lazy;
  minReplicas: Lazy;
  /** `perReplica · n` by replica count n, made once: many steps share their counts. */
  costs: Map<number, Lazy>;
};
export type LazyLadder = { levels: { fromK: Lazy; cost: Lazy }[] };
export type LazyCurve = {
  slope: Lazy;
  constant: Lazy;
  stairs: LazyStair[];
  ladders: LazyLadder[];
};

export const LAZY_ZERO = lazy(ZERO);

export function lazyCurve(curve: CostCurve): LazyCurve {
  return {
    slope: lazy(curve.slope),
    constant: lazy(curve.constant),
    stairs: curve.stairs.map((s) => ({
      perReplica: lazy(s.perReplica),
      rate: lazy(s.rate),
      minReplicas: lazy(s.minReplicas),
      costs: new Map(),
    })),
    ladders: curve.ladders.map((l) => ({
      levels: l.levels.map((v) => ({ fromK: lazy(v.fromK), cost: lazy(v.cost) })),
    })),
  };
}

/** `ladderAt`: the level of a ladder that applies at k (the last level with `fromK <= k`). */
export function lazyLadderAt(ladder: LazyLadder, k: Lazy): Lazy {
  let cost = LAZY_ZERO;
  for (const level of ladder.levels) {
    if (level.fromK.lessThanOrEqualTo(k)) cost = level.cost;
    else break;
  }
  return cost;
}

/**
 * `stairReplicas`: `max(minReplicas, ceil(k · rate))`. With `settle`, a count the floats leave
 * open (k at or next to one of the stair's steps) is computed exactly at once, so the rest of a
 * sum can still be decided from floats.
 */
export function lazyStairReplicas(stair: LazyStair, k: Lazy, settle = false): Lazy {
  let replicas = k.mul(stair.rate).ceil();
  if (settle && replicas.e > 0) replicas = lazy(replicas.exact());
  return stair.minReplicas.greaterThanOrEqualTo(replicas) ? stair.minReplicas : replicas;
}

/** `perReplica · replicas`, shared between evaluations with the same whole count. */
export function lazyStairCost(stair: LazyStair, replicas: Lazy): Lazy {
  if (replicas.e !== 0) return stair.perReplica.mul(replicas);
  let cost = stair.costs.get(replicas.f);
  if (cost === undefined) {
    cost = stair.perReplica.mul(replicas);
    stair.costs.set(replicas.f, cost);
  }
  return cost;
}

/** `evaluateCurve`: the value of a curve at k (`settle`: see `lazyStairReplicas`). */
export function lazyEvaluateCurve(curve: LazyCurve, k: Lazy, settle = false): Lazy {
  let total = curve.slope.mul(k).plus(curve.constant);
  for (const s of curve.stairs) {
    total = total.plus(lazyStairCost(s, lazyStairReplicas(s, k, settle)));
  }
  for (const l of curve.ladders) total = total.plus(lazyLadderAt(l, k));
  return total;
}
