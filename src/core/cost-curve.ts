import type { Dec } from './decimal';
import { ZERO, addDec, maxDec } from './decimal';
import { costStrategyRoutes, runRateContext } from './run-rate';
import type { CostedRoutes } from './run-rate';
import type { RouteRates } from './route-rates';
import type { Scenario, Strategy } from './model';

/**
 * A strategy's monthly run-rate as a function of the volume factor k (every workload's
 * tokens/day times k), in closed form (DESIGN 3.5):
 *
 *   cost(k) = slope·k + constant + Σ stairs q·max(minReplicas, ceil(k·rate)) + Σ ladders level(k)
 *
 * API usage is the linear part; replicas are stairs (`rate` = replicas of load per unit k, that
 * is `needed / targetUtilization` at today's volume); staff tiers are ladders.
 */
export type Stair = { perReplica: Dec; rate: Dec; minReplicas: Dec };
/** Staff cost `cost` applies from `fromK` (inclusive) until the next level. Sorted, first at 0. */
export type Ladder = { levels: { fromK: Dec; cost: Dec }[] };
export type CostCurve = { slope: Dec; constant: Dec; stairs: Stair[]; ladders: Ladder[] };

/** Builds the curve of a strategy from its run-rate structure at today's volume (k = 1). */
export function buildCostCurve(scenario: Scenario, strategy: Strategy): CostCurve {
  return costCurveOf(scenario, costStrategyRoutes(scenario, strategy));
}

/**
 * `buildCostCurve` from a strategy's routes costed at today's volume (`costStrategyRoutes`);
 * `rates` supplies the per-option figures already computed for this evaluation.
 */
export function costCurveOf(
  scenario: Scenario,
  costed: readonly CostedRoutes[],
  rates: RouteRates = runRateContext(scenario).rates,
): CostCurve {
  const curve: CostCurve = { slope: ZERO, constant: ZERO, stairs: [], ladders: [] };
  for (const group of costed) {
    const { option, cost } = group;
    if (option.kind === 'api') {
      curve.slope = addDec(curve.slope, cost.parts.api);
      curve.constant = addDec(
        addDec(curve.constant, cost.parts.engineering),
        cost.parts.fineTuning,
      );
      continue;
    }
    const sizing = cost.sizing;
    if (!sizing) continue;
    curve.constant = addDec(curve.constant, option.storagePerMonth);
    curve.constant = addDec(curve.constant, option.monitoringPerMonth);
    curve.constant = addDec(curve.constant, option.fineTuningPerMonth);
    curve.stairs.push({
      perReplica: rates.perReplicaMonth(option),
      rate: sizing.needed.div(option.targetUtilization),
      minReplicas: option.minReplicas,
    });
    const served = cost.tokensPerDay;
    const staff = rates.staffLevels(option);
    const levels: Ladder['levels'] = [];
    option.engineeringFte.forEach((tier, i) => {
      const cost = staff[i] ?? ZERO;
      if (tier.fromTokensPerDay.isZero()) levels.push({ fromK: ZERO, cost });
      // With no served volume, scaling never reaches a higher tier.
      else if (!served.isZero()) levels.push({ fromK: tier.fromTokensPerDay.div(served), cost });
    });
    curve.ladders.push({ levels });
  }
  return curve;
}

/** The level of a ladder that applies at k (the last level with `fromK <= k`). */
export function ladderAt(ladder: Ladder, k: Dec): Dec {
  let cost = ZERO;
  for (const level of ladder.levels) {
    if (level.fromK.lessThanOrEqualTo(k)) cost = level.cost;
    else break;
  }
  return cost;
}

/** Replicas of a stair at k. */
export function stairReplicas(stair: Stair, k: Dec): Dec {
  return maxDec(stair.minReplicas, k.mul(stair.rate).ceil());
}

/** The exact value of a curve at k. */
export function evaluateCurve(curve: CostCurve, k: Dec): Dec {
  let total = curve.slope.mul(k).plus(curve.constant);
  for (const s of curve.stairs) total = total.plus(s.perReplica.mul(stairReplicas(s, k)));
  for (const l of curve.ladders) total = total.plus(ladderAt(l, k));
  return total;
}

/** Marginal monthly cost per unit of k at k (the slope of the line the stairs follow there). */
export function marginalAt(curve: CostCurve, k: Dec): Dec {
  let m = curve.slope;
  for (const s of curve.stairs) {
    if (k.mul(s.rate).greaterThan(s.minReplicas)) m = m.plus(s.perReplica.mul(s.rate));
  }
  return m;
}

/**
 * `c - b` as one curve. Identical stairs of opposite sign cancel, so a strategy compared with
 * itself is exactly zero (and scanning it costs nothing).
 */
export function subtractCurves(c: CostCurve, b: CostCurve): CostCurve {
  const stairs: Stair[] = [];
  const addStair = (s: Stair) => {
    const same = stairs.find((t) => t.rate.equals(s.rate) && t.minReplicas.equals(s.minReplicas));
    if (same) same.perReplica = same.perReplica.plus(s.perReplica);
    else stairs.push({ ...s });
  };
  c.stairs.forEach(addStair);
  b.stairs.forEach((s) => addStair({ ...s, perReplica: s.perReplica.neg() }));
  const ladders: Ladder[] = [...c.ladders];
  for (const l of b.ladders) {
    const negated = { levels: l.levels.map((v) => ({ fromK: v.fromK, cost: v.cost.neg() })) };
    const twin = ladders.findIndex((m) => laddersCancel(m, negated));
    if (twin >= 0) ladders.splice(twin, 1);
    else ladders.push(negated);
  }
  return {
    slope: c.slope.minus(b.slope),
    constant: c.constant.minus(b.constant),
    stairs: stairs.filter((s) => !s.perReplica.isZero()),
    ladders,
  };
}

function laddersCancel(a: Ladder, b: Ladder): boolean {
  return (
    a.levels.length === b.levels.length &&
    a.levels.every((v, i) => {
      const w = b.levels[i];
      return w !== undefined && v.fromK.equals(w.fromK) && v.cost.plus(w.cost).isZero();
    })
  );
}
