import { memo, useId } from 'react';
import type { Scenario } from '../../core/model';
import type { BreakEvenResult, StrategyResult, ScenarioResult } from '../../core/result';
import { formatMoney, formatShare, formatTokens } from '../format';
import { countOf, optionNamer, quoted } from './portfolio-text';

/**
 * Every strategy in one row: run-rate, cost per 1M tokens, NPV of cost, and against the
 * baseline its savings, payback and break-even volume; then the self-hosted pools it runs.
 * Scrolls sideways inside its own box on a phone; the strategy names stay in view.
 */
export const StrategyTable = memo(function StrategyTable({
  model,
  result,
  currency,
}: {
  model: Scenario;
  result: ScenarioResult;
  currency: string;
}) {
  const captionId = useId();
  const money = (v: string) => formatMoney(v, currency);
  const optionName = optionNamer(model);
  const baseline = result.strategies[0];
  const months = model.settings.horizonMonths;
  return (
    <>
      <p className="comparison-caption" id={captionId}>
        Strategies at today&apos;s volume, against the baseline
      </p>
      <div className="comparison-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="comparison-table comparison-strategies" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="comparison-number">
                Per month
              </th>
              <th scope="col" className="comparison-number">
                Per 1M tokens
              </th>
              <th scope="col" className="comparison-number">
                NPV of cost
              </th>
              <th scope="col" className="comparison-number">
                Saves a month
              </th>
              <th scope="col" className="comparison-number">
                NPV of savings
              </th>
              <th scope="col">Payback</th>
              <th scope="col">Break-even volume</th>
              <th scope="col">Self-hosted pools</th>
            </tr>
          </thead>
          <tbody>
            {result.strategies.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.name}
                  {s === baseline && (
                    <>
                      {' '}
                      <span className="comparison-tag">baseline</span>
                    </>
                  )}
                </th>
                <td className="comparison-number">{money(s.runRate.total)}</td>
                <td className="comparison-number">
                  {s.costPerMTokens === null ? 'no tokens' : money(s.costPerMTokens)}
                </td>
                <td className="comparison-number">{money(s.timeline.npv)}</td>
                {s.vsBaseline ? (
                  <>
                    <td className="comparison-number">{money(s.vsBaseline.runRateSavings)}</td>
                    <td className="comparison-number">{money(s.vsBaseline.npvSavings)}</td>
                    <td>
                      {s.vsBaseline.paybackMonth === null
                        ? `not within ${countOf(months, 'month')}`
                        : `month ${s.vsBaseline.paybackMonth}`}
                    </td>
                    <td>
                      <BreakEven strategy={s} breakEven={s.vsBaseline.breakEven} />
                    </td>
                  </>
                ) : (
                  <td colSpan={4} className="comparison-muted">
                    the baseline: the others are compared with it
                  </td>
                )}
                <td>
                  <Pools strategy={s} optionName={optionName} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});

/** Pools inline when there are one or two; more fold into "8 pools, 56 GPUs" to keep rows short. */
function Pools({
  strategy,
  optionName,
}: {
  strategy: StrategyResult;
  optionName: (id: string) => string;
}) {
  const pools = strategy.capacity;
  if (pools.length === 0) return <span className="comparison-muted">none (API only)</span>;
  const list = (
    <ul className="comparison-list">
      {pools.map((c) => (
        <li key={c.optionId}>
          {optionName(c.optionId)}: {countOf(c.gpus, 'GPU')} at {formatShare(c.utilization)}{' '}
          utilization
        </li>
      ))}
    </ul>
  );
  if (pools.length <= MAX_INLINE_POOLS) return list;
  const gpus = pools.reduce((sum, c) => sum + c.gpus, 0);
  return (
    <details className="comparison-pools">
      <summary>
        {countOf(pools.length, 'pool')}, {countOf(gpus, 'GPU')}
      </summary>
      {list}
    </details>
  );
}
const MAX_INLINE_POOLS = 2;

/** The break-even volume, or "always" / "never" with the reason a click away. */
function BreakEven({
  strategy,
  breakEven,
}: {
  strategy: StrategyResult;
  breakEven: BreakEvenResult;
}) {
  const crossings = strategy.vsBaseline?.crossings.length ?? 0;
  const note = crossings > 1 ? ` (the costs cross ${crossings} times)` : '';
  if (breakEven.kind === 'at') {
    return (
      <>
        {formatTokens(breakEven.tokensPerDay)} tokens/day{note}
      </>
    );
  }
  const reason =
    breakEven.kind === 'always'
      ? `${quoted(strategy.name)} costs no more than the baseline at every volume up to 1,000,000,000,000 tokens/day.`
      : breakEven.reason;
  return (
    <details className="comparison-reason">
      <summary>
        {breakEven.kind}
        {note}
      </summary>
      {reason}
    </details>
  );
}
