import { Dec, ZERO, toPlain } from './decimal';
import type { Scenario } from './model';
import type { ScenarioResult } from './result';

/** One option's share of a workload in one strategy (a fraction, as a plain decimal). */
export type ServingShare = { optionId: string; share: string };

/** How one strategy serves one workload, and what that costs (DESIGN 3.4). */
export type WorkloadAssignment = {
  strategyId: string;
  /** The options carrying a positive share of the workload: largest share first, ties in option order. */
  servedBy: ServingShare[];
  /** The workload's part of the strategy's monthly run-rate, attributed as DESIGN 3.4 says. */
  runRate: string;
  /** That cost per 1M of the workload's tokens; null when the workload has no volume. */
  costPerMTokens: string | null;
  /** True when no strategy serves this workload for less per 1M tokens (ties are all lowest). */
  lowest: boolean;
};

export type WorkloadAssignmentRow = {
  workloadId: string;
  name: string;
  tokensPerDay: string;
  /** One entry per strategy, in strategy order. */
  strategies: WorkloadAssignment[];
};

/**
 * For every workload, which options serve it in each strategy (with their shares) and its
 * effective cost per 1M tokens there. The cost is the strategy's `byWorkload` attribution
 * (DESIGN 3.4: an API option's cost shared by usage, a self-hosted option's by `x_r`, fixed costs
 * included), so a workload's figures add up to the strategy's run-rate. Several routes of one
 * workload to the same option count as one share (their sum). `result` must come from `model`.
 *
 * @example
 * const rows = workloadAssignments(model, evaluateModel(model));
 * rows[0].strategies[1] // { strategyId: 'self', servedBy: [{ optionId: 'llama', share: '1' }],
 *                       //   runRate: '10668.33…', costPerMTokens: '7.01…' }
 */
export function workloadAssignments(
  model: Scenario,
  result: ScenarioResult,
): WorkloadAssignmentRow[] {
  if (result.strategies.length !== model.strategies.length) throw new Error(RESULT_MISMATCH);
  const optionOrder = new Map(model.options.map((o, index) => [o.id, index]));
  const perStrategy = model.strategies.map((strategy, index) => {
    const evaluated = result.strategies[index];
    if (evaluated?.id !== strategy.id) throw new Error(RESULT_MISMATCH);
    const shares = new Map<string, Map<string, Dec>>();
    for (const route of strategy.routes) {
      const byOption = shares.get(route.workloadId) ?? new Map<string, Dec>();
      byOption.set(route.optionId, (byOption.get(route.optionId) ?? ZERO).plus(route.share));
      shares.set(route.workloadId, byOption);
    }
    const costs = new Map(evaluated.byWorkload.map((w) => [w.workloadId, w]));
    return { id: strategy.id, shares, costs };
  });
  return model.workloads.map((workload) => {
    const strategies = perStrategy.map(({ id, shares, costs }): WorkloadAssignment => {
      const servedBy = [...(shares.get(workload.id) ?? new Map<string, Dec>())]
        .filter(([, share]) => share.greaterThan(ZERO))
        .sort(
          ([a, sa], [b, sb]) =>
            sb.comparedTo(sa) || (optionOrder.get(a) ?? 0) - (optionOrder.get(b) ?? 0),
        )
        .map(([optionId, share]) => ({ optionId, share: toPlain(share) }));
      const cost = costs.get(workload.id);
      return {
        strategyId: id,
        servedBy,
        runRate: cost?.runRate ?? '0',
        costPerMTokens: cost?.costPerMTokens ?? null,
        lowest: false,
      };
    });
    markLowest(strategies);
    return {
      workloadId: workload.id,
      name: workload.name,
      tokensPerDay: toPlain(workload.tokensPerDay),
      strategies,
    };
  });
}

/** Compared exactly, so only a true tie marks two strategies. */
function markLowest(assignments: WorkloadAssignment[]): void {
  let lowest: Dec | null = null;
  for (const a of assignments) {
    if (a.costPerMTokens === null) continue;
    const cost = new Dec(a.costPerMTokens);
    if (lowest === null || cost.lessThan(lowest)) lowest = cost;
  }
  if (lowest === null) return;
  for (const a of assignments) {
    a.lowest = a.costPerMTokens !== null && new Dec(a.costPerMTokens).equals(lowest);
  }
}

const RESULT_MISMATCH = 'workloadAssignments: the result was not evaluated from this model';
