import { Dec } from '../../src/core/decimal';
import { evaluateScenario } from '../../src/index';
import type { ScenarioResult, StrategyResult } from '../../src/core/result';

/** Rounds a decimal string to cents, half away from zero, as the app displays money. */
export function cents(amount: string): string {
  return new Dec(amount).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** Evaluates and fails the test with the validation errors if the input is rejected. */
export function evaluateOk(input: unknown): ScenarioResult {
  const r = evaluateScenario(input);
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.errors)}`);
  return r.result;
}

export function strategy(result: ScenarioResult, id: string): StrategyResult {
  const s = result.strategies.find((x) => x.id === id);
  if (!s) throw new Error(`no strategy ${id}`);
  return s;
}

type Obj = Record<string, unknown>;

/** A small v1 scenario: one workload, the given options and strategies. */
export function scenario(parts: {
  settings?: Obj;
  workloads?: Obj[];
  options: Obj[];
  strategies: Obj[];
}): Obj {
  return {
    format: 'llm-tco-scenario',
    version: 1,
    settings: {
      horizonMonths: 12,
      discountRatePerYear: 0,
      fteCostPerYear: 240000,
      ...parts.settings,
    },
    workloads: parts.workloads ?? [{ id: 'w', tokensPerDay: 100_000_000, inputShare: 0.75 }],
    options: parts.options,
    strategies: parts.strategies,
  };
}

/** A strategy sending every listed workload wholly to one option. */
export function allTo(id: string, optionId: string, workloadIds: string[] = ['w']): Obj {
  return { id, routes: workloadIds.map((w) => ({ workloadId: w, optionId, share: 1 })) };
}
