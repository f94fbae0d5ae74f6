import { Dec } from '../../core/decimal';
import type { ScenarioResult } from '../../core/result';
import { formatMoney, formatTokens } from '../format';
import type { CostCurveData } from './chart-data';
import { compactTokens } from './chart-format';

/** Text summaries of the charts, for screen readers and for anyone who prefers words. */

export function summarizeCostCurve(
  curve: CostCurveData,
  result: ScenarioResult,
  currency: string,
): string {
  const first = curve.points[0];
  const last = curve.points[curve.points.length - 1];
  if (!first || !last) return 'Every workload has zero volume, so there is no cost curve to draw.';
  const ends = curve.series
    .map((s) => {
      const a = first[s.key] ?? 0;
      const b = last[s.key] ?? 0;
      // Read off the drawn curve (plain numbers, display only), rounded once, to the currency's
      // minor unit (cutting to cents first would round yen twice and drop KWD's third decimal).
      return `${s.name} costs ${formatMoney(String(a), currency)} a month at ${compactTokens(first.tokensPerDay)} tokens/day and ${formatMoney(String(b), currency)} at ${compactTokens(last.tokensPerDay)}`;
    })
    .join('; ');
  const crossings = result.strategies.slice(1).map((s) => {
    const vs = s.vsBaseline;
    if (!vs) return '';
    const be =
      vs.breakEven.kind === 'at'
        ? `${s.name} is no dearer than ${result.strategies[0]?.name} from ${formatTokens(vs.breakEven.tokensPerDay)} tokens/day`
        : vs.breakEven.kind === 'always'
          ? `${s.name} is never dearer than ${result.strategies[0]?.name}`
          : `${s.name} never becomes cheaper than ${result.strategies[0]?.name}`;
    const n = vs.crossings.length;
    return `${be}${n > 1 ? ` (the lines cross ${n} times)` : ''}`;
  });
  return `${ends}. ${crossings.filter(Boolean).join('. ')}. Today's volume is ${formatTokens(String(curve.today))} tokens/day.`;
}

export function summarizeBreakdown(result: ScenarioResult, currency: string): string {
  return result.strategies
    .map((s) => {
      const parts = (
        [
          ['API usage', s.runRate.api],
          ['GPUs', s.runRate.gpu],
          ['storage', s.runRate.storage],
          ['monitoring', s.runRate.monitoring],
          ['engineering staff', s.runRate.engineering],
          ['fine-tuning', s.runRate.fineTuning],
        ] as const
      )
        .filter(([, v]) => Number(v) !== 0)
        .map(([label, v]) => `${label} ${formatMoney(v, currency)}`)
        .join(', ');
      return `${s.name}: ${formatMoney(s.runRate.total, currency)} a month (${parts || 'nothing'})`;
    })
    .join('. ')
    .concat('.');
}

export function summarizeCumulative(result: ScenarioResult, currency: string): string {
  const months = result.strategies[0]?.timeline.months.length ?? 0;
  const totals = result.strategies
    .map((s) => {
      const last = s.timeline.months[months - 1];
      const capex = s.timeline.months.reduce((sum, m) => sum.plus(m.capex), new Dec(0));
      return `${s.name} ${formatMoney(last?.cumulative ?? '0', currency)}${capex.isPositive() && !capex.isZero() ? ` (including ${formatMoney(capex.toFixed(), currency)} up front)` : ''}`;
    })
    .join('; ');
  const paybacks = result.strategies
    .slice(1)
    .map((s) =>
      s.vsBaseline?.paybackMonth
        ? `${s.name} pays back in month ${s.vsBaseline.paybackMonth}`
        : `${s.name} does not pay back within ${months} months`,
    )
    .join('. ');
  return `After ${months} months: ${totals}. ${paybacks}.`;
}
