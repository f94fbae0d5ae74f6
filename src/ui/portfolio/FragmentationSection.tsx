import { memo, useId } from 'react';
import { Dec } from '../../core/decimal';
import type { FragmentationResult } from '../../core/fragmentation-cost';
import type { Scenario } from '../../core/model';
import { formatMoney, formatShare } from '../format';
import { countOf, formatFte, fragmentationSentence, optionNamer, quoted } from './portfolio-text';
import type { FragmentationState } from './use-fragmentation';

/**
 * The cost of fragmentation in words with money, one statement per strategy that runs two or
 * more self-hosted deployments, each with the pool on every one of its deployments a click away.
 */
export const FragmentationSection = memo(function FragmentationSection({
  model,
  state,
  currency,
}: {
  model: Scenario;
  state: FragmentationState;
  currency: string;
}) {
  const headingId = useId();
  const optionName = optionNamer(model);
  const names = model.strategies.map((s) => s.name);
  return (
    <section
      className="comparison-fragmentation"
      aria-labelledby={headingId}
      aria-busy={state.status === 'working'}
    >
      <h3 id={headingId}>The cost of fragmentation</h3>
      <p className="comparison-muted">
        Several self-hosted deployments each pay their own minimum replicas, spare capacity, staff,
        storage, monitoring and fine-tuning. Each statement compares them with the same self-hosted
        traffic pooled on one deployment: the cheapest of the strategy&apos;s own deployments as the
        single pool (pooling on each of them is listed too). API traffic stays where it is.
      </p>
      {state.status === 'working' ? (
        <p role="status">Working out what pooling each strategy&apos;s traffic would cost…</p>
      ) : (
        <Statements items={state.items} names={names} optionName={optionName} currency={currency} />
      )}
    </section>
  );
});

function Statements({
  items,
  names,
  optionName,
  currency,
}: {
  items: readonly (FragmentationResult | null)[];
  names: readonly string[];
  optionName: (id: string) => string;
  currency: string;
}) {
  const applicable = items.flatMap((f, i) => (f ? [{ f, name: names[i] ?? f.strategyId }] : []));
  const others = names.filter((_, i) => !items[i]);
  return (
    <>
      {applicable.length === 0 && (
        <p>
          No strategy runs two or more self-hosted deployments, so nothing is fragmented: there is
          nothing to pool.
        </p>
      )}
      {applicable.map(({ f, name }) => (
        <div key={f.strategyId} className="comparison-statement">
          <p>{fragmentationSentence(name, f, optionName, currency)}</p>
          <Candidates f={f} name={name} optionName={optionName} currency={currency} />
        </div>
      ))}
      {applicable.length > 0 && others.length > 0 && (
        <p className="comparison-muted">
          Not applicable to {others.map(quoted).join(', ')}: fewer than two self-hosted deployments.
        </p>
      )}
    </>
  );
}

/** Pooling on each of the strategy's deployments, and the parts of the difference. */
function Candidates({
  f,
  name,
  optionName,
  currency,
}: {
  f: FragmentationResult;
  name: string;
  optionName: (id: string) => string;
  currency: string;
}) {
  const captionId = useId();
  const money = (v: string) => formatMoney(v, currency);
  const portfolioTotal = new Dec(f.portfolio.runRate.total);
  return (
    <details className="comparison-candidates">
      <summary>Pooling on each deployment of {quoted(name)}</summary>
      <p>{partsSentence(f, money)}</p>
      <p className="comparison-caption" id={captionId}>
        {quoted(name)} today: {countOf(f.portfolio.gpus, 'GPU')}, {formatFte(f.portfolio.fte)},{' '}
        {money(f.portfolio.runRate.total)} a month, against one pool
      </p>
      <div className="comparison-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="comparison-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Single pool on</th>
              <th scope="col" className="comparison-number">
                GPUs
              </th>
              <th scope="col" className="comparison-number">
                Utilization
              </th>
              <th scope="col" className="comparison-number">
                Staff
              </th>
              <th scope="col" className="comparison-number">
                Per month
              </th>
              <th scope="col" className="comparison-number">
                Fragmentation costs
              </th>
            </tr>
          </thead>
          <tbody>
            {f.candidates.map((c) => (
              <tr key={c.optionId}>
                <th scope="row">
                  {optionName(c.optionId)}
                  {c.optionId === f.pool.optionId && (
                    <>
                      {' '}
                      <span className="comparison-tag">cheapest</span>
                    </>
                  )}
                </th>
                <td className="comparison-number">{c.gpus}</td>
                <td className="comparison-number">{formatShare(c.utilization)}</td>
                <td className="comparison-number">{formatFte(c.fte)}</td>
                <td className="comparison-number">{money(c.runRate.total)}</td>
                <td className="comparison-number">
                  {money(portfolioTotal.minus(c.runRate.total).toFixed())}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** "The difference with the cheapest pool, by part: GPUs $1,825.00, storage $300.00 … a month." */
function partsSentence(f: FragmentationResult, money: (v: string) => string): string {
  const p = f.extra.runRate;
  const parts = (
    [
      ['GPUs', p.gpu],
      ['storage', p.storage],
      ['monitoring', p.monitoring],
      ['engineering staff', p.engineering],
      ['fine-tuning', p.fineTuning],
    ] as const
  ).filter(([, v]) => !new Dec(v).isZero());
  if (parts.length === 0) return 'The cheapest pool costs the same in every part.';
  return `The difference with the cheapest pool, by part: ${parts
    .map(([label, v]) => `${label} ${money(v)}`)
    .join(', ')} a month.`;
}
