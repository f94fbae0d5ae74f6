import { useMemo } from 'react';
import { explainStrategy } from '../core/explain';
import type { MathLine } from '../core/explain';
import { Dec } from '../core/decimal';
import { useEvaluation } from './evaluation-context';
import { formatMoney, formatShare as formatPercent, formatTokens } from './format';
import { buildCostCurve, evaluateCurve } from '../core/cost-curve';

/** Savings, break-even and payback against the baseline, with the numbers behind them. */
function VersusBaseline({ strategyId, currency }: { strategyId: string; currency: string }) {
  const { model, result } = useEvaluation();
  const index = result.strategies.findIndex((s) => s.id === strategyId);
  const r = result.strategies[index];
  const base = result.strategies[0];
  const vs = r?.vsBaseline;
  const strategy = model.strategies[index];
  const baseline = model.strategies[0];
  if (!r || !base || !vs || !strategy || !baseline) return null;
  const total = model.workloads.reduce((sum, w) => sum.plus(w.tokensPerDay), new Dec(0));
  const money = (v: string) => formatMoney(v, currency);
  let breakEven: string;
  if (vs.breakEven.kind === 'at' && !total.isZero()) {
    // Just above the break-even: at a step volume itself the costs are those before the step.
    const k = new Dec(vs.breakEven.tokensPerDay).div(total).mul('1.000000000001');
    const c = evaluateCurve(buildCostCurve(model, strategy), k).toFixed();
    const b = evaluateCurve(buildCostCurve(model, baseline), k).toFixed();
    breakEven =
      `every workload scaled by ${new Dec(k).toSignificantDigits(6).toFixed()} gives ` +
      `${formatTokens(vs.breakEven.tokensPerDay)} tokens/day, where ${r.name} costs ${money(c)} and ` +
      `${base.name} ${money(b)} a month; from there up ${r.name} is no dearer (found exactly from ` +
      'the linear pieces between replica and staff steps, not by sampling).';
  } else if (vs.breakEven.kind === 'always') {
    breakEven = `${r.name} is no dearer at every volume up to 1,000,000,000,000 tokens/day.`;
  } else if (vs.breakEven.kind === 'never') {
    breakEven = vs.breakEven.reason;
  } else {
    breakEven = 'no volume to scale.';
  }
  const month = vs.paybackMonth;
  const at = month ? r.timeline.months[month - 1] : undefined;
  const baseAt = month ? base.timeline.months[month - 1] : undefined;
  return (
    <ul>
      <li>
        Savings at today&apos;s volume = {base.name} {money(base.runRate.total)} − {r.name}{' '}
        {money(r.runRate.total)} = {money(vs.runRateSavings)} a month.
      </li>
      <li>Break-even: {breakEven}</li>
      <li>
        Payback: the first month from which {r.name}&apos;s cumulative cost stays at or below{' '}
        {base.name}&apos;s:{' '}
        {month && at && baseAt
          ? `month ${month} (${money(at.cumulative)} against ${money(baseAt.cumulative)})`
          : 'none within the horizon'}
        .
      </li>
      <li>
        NPV of savings = {money(base.timeline.npv)} − {money(r.timeline.npv)} ={' '}
        {money(vs.npvSavings)}.
      </li>
    </ul>
  );
}

/** The formula tables of "Show the math" (a separate chunk: loaded when first opened). */
export default function MathTables({ currency }: { currency: string }) {
  const { model, result } = useEvaluation();
  const explained = useMemo(
    () => model.strategies.map((s) => ({ strategy: s, options: explainStrategy(model, s) })),
    [model],
  );
  const show = (line: MathLine) =>
    line.kind === 'money'
      ? formatMoney(line.result, currency)
      : line.kind === 'tokens'
        ? formatTokens(line.result)
        : line.kind === 'count'
          ? line.result
          : new Dec(line.result).toSignificantDigits(6).toFixed();
  return (
    <>
      {explained.map(({ strategy, options }) => {
        const r = result.strategies.find((s) => s.id === strategy.id);
        return (
          <details key={strategy.id} open>
            <summary>
              {strategy.name}: {r ? formatMoney(r.runRate.total, currency) : ''} a month
            </summary>
            {options.map((o) => (
              <table key={o.optionId} className="math-table">
                <caption>
                  {o.optionName}: {formatMoney(o.total, currency)} a month
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Formula</th>
                    <th scope="col">With the numbers</th>
                    <th scope="col">Result</th>
                  </tr>
                </thead>
                <tbody>
                  {o.lines.map((line) => (
                    <tr key={line.label}>
                      <th scope="row">{line.label}</th>
                      <td>{line.formula}</td>
                      <td className="math-numbers">{line.substituted}</td>
                      <td className="math-result">{show(line)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
            <p>
              NPV of cost = Σ capex of month m / (1 + r)^(m/12) + opex of month m / (1 +
              r)^((m+1)/12) − residual / (1 + r)^(H/12), with r ={' '}
              {formatPercent(model.settings.discountRatePerYear.toFixed())} and H ={' '}
              {model.settings.horizonMonths} months:{' '}
              {r ? formatMoney(r.timeline.npv, currency) : ''}.
            </p>
            {r?.vsBaseline && <VersusBaseline strategyId={strategy.id} currency={currency} />}
          </details>
        );
      })}
    </>
  );
}
