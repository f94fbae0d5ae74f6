import { Dec, sumDec, toPlain } from './decimal';
import { analyseBreakEven, MAX_TOKENS_PER_DAY } from './break-even';
import type { BreakEvenAnalysis } from './break-even';
import type { CostCurve } from './cost-curve';
import type { InputRef } from './input-refs';
import type { Scenario, Strategy } from './model';

/**
 * The analyses of issue 6 compare one strategy C with the baseline B (`strategies[0]`). They work
 * on a two-strategy scenario [B, C] holding only the options B or C route to: an option neither
 * uses cannot change either cost, and every evaluation then costs two strategies, not twelve.
 * Options keep their order, so each strategy's run-rate and cost curve are exactly those of the
 * full scenario.
 */
export type StrategyPair = { scenario: Scenario; baseline: Strategy; strategy: Strategy };

export const PAIR_ERRORS = {
  noBaseline: 'the scenario has no strategies',
  unknown: 'no strategy has the id',
  isBaseline: 'is the baseline; choose another strategy to compare with it',
} as const;

export function buildStrategyPair(
  scenario: Scenario,
  strategyId: string,
): { ok: true; pair: StrategyPair } | { ok: false; error: string } {
  const baseline = scenario.strategies[0];
  if (!baseline) return { ok: false, error: PAIR_ERRORS.noBaseline };
  const strategy = scenario.strategies.find((s) => s.id === strategyId);
  if (!strategy) return { ok: false, error: `${PAIR_ERRORS.unknown} "${strategyId}"` };
  if (strategy === baseline) {
    return { ok: false, error: `"${strategy.name}" ${PAIR_ERRORS.isBaseline}` };
  }
  const used = new Set([...baseline.routes, ...strategy.routes].map((r) => r.optionId));
  return {
    ok: true,
    pair: {
      scenario: {
        ...scenario,
        options: scenario.options.filter((o) => used.has(o.id)),
        strategies: [baseline, strategy],
      },
      baseline,
      strategy,
    },
  };
}

/** Whether a strategy routes any share (even zero) to an option, and so pays for it. */
export function usesOption(strategy: Strategy, optionId: string): boolean {
  return strategy.routes.some((r) => r.optionId === optionId);
}

/** Whether an input can change a strategy's cost: settings and workloads reach every strategy. */
export function inputTouches(strategy: Strategy, ref: InputRef): boolean {
  return ref.scope !== 'option' || usesOption(strategy, ref.id);
}

/** DESIGN 3.5's break-even, as the analyses report it (without the words of `reason`). */
export type BreakEvenSummary =
  { kind: 'always' } | { kind: 'never' } | { kind: 'at'; tokensPerDay: string };

/** Total of every workload's tokens per day. */
export function totalTokensPerDay(scenario: Scenario): Dec {
  return sumDec(scenario.workloads.map((w) => w.tokensPerDay));
}

/**
 * The break-even of C against B from their cost curves, searched as `evaluateModel` does: volume
 * factors up to 1e12 tokens/day in total (or the comparison at zero when there is no volume).
 */
export function analysePairBreakEven(
  c: CostCurve,
  b: CostCurve,
  totalVolume: Dec,
): BreakEvenAnalysis {
  const kMax = totalVolume.isZero() ? new Dec(1) : MAX_TOKENS_PER_DAY.div(totalVolume);
  return analyseBreakEven(c, b, kMax);
}

export function summariseBreakEven(
  analysis: BreakEvenAnalysis,
  totalVolume: Dec,
): BreakEvenSummary {
  const be = analysis.breakEven;
  if (be.kind === 'at') return { kind: 'at', tokensPerDay: volumeText(be.k, totalVolume) };
  return { kind: be.kind };
}

/**
 * A volume factor as tokens/day, to 30 significant digits: the same text `evaluateModel` reports
 * (step volumes are 40-digit quotients whose last digits are noise).
 */
export function volumeText(k: Dec, totalVolume: Dec): string {
  return toPlain(k.mul(totalVolume).toSignificantDigits(VOLUME_DIGITS));
}
export const VOLUME_DIGITS = 30;
