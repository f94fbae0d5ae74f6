import { Dec } from '../core/decimal';
import type { StrategyResult } from '../core/result';

/**
 * Which of a strategy and the baseline is cheaper at today's volume, and by how much a month
 * (null when they cost the same). One reading for the headline and the phone's summary line.
 * Costs that show the same amount (the same to the minor unit, e.g. after a goal seek) cost the
 * same: "cheaper by $0.00" would contradict the two equal figures on screen.
 */
export function cheaperToday(
  strategy: StrategyResult,
  baseline: StrategyResult,
  fractionDigits = 2,
): { cheaper: StrategyResult | null; gap: Dec } {
  const savings = new Dec(strategy.vsBaseline?.runRateSavings ?? '0');
  const shown = (amount: string) =>
    new Dec(amount).toDecimalPlaces(fractionDigits, Dec.ROUND_HALF_UP);
  const same = shown(strategy.runRate.total).equals(shown(baseline.runRate.total));
  const cheaper = same || savings.isZero() ? null : savings.isPositive() ? strategy : baseline;
  return { cheaper, gap: savings.abs() };
}
