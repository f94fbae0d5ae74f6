import { Dec } from '../core/decimal';
import type { StrategyResult } from '../core/result';

/**
 * Which of a strategy and the baseline is cheaper at today's volume, and by how much a month
 * (null when they cost the same). One reading for the headline and the phone's summary line.
 */
export function cheaperToday(
  strategy: StrategyResult,
  baseline: StrategyResult,
): { cheaper: StrategyResult | null; gap: Dec } {
  const savings = new Dec(strategy.vsBaseline?.runRateSavings ?? '0');
  const cheaper = savings.isZero() ? null : savings.isPositive() ? strategy : baseline;
  return { cheaper, gap: savings.abs() };
}
