import { useMemo } from 'react';
import { explainStrategy } from '../core/explain';
import type { MathLine } from '../core/explain';
import { Dec } from '../core/decimal';
import { useEvaluation } from './evaluation-context';
import { formatMoney, formatTokens } from './format';

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
            {r?.vsBaseline && (
              <p>
                Against the baseline: {formatMoney(r.vsBaseline.runRateSavings, currency)} a month
                saved at today&apos;s volume (baseline total minus this total).
              </p>
            )}
          </details>
        );
      })}
    </>
  );
}
