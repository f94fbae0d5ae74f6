import { memo, useCallback, useId, useMemo, useRef } from 'react';
import type { StrategyResult } from '../core/result';
import { useEvaluation } from './evaluation-context';
import { cheaperToday } from './cheaper-today';
import { formatMoney, formatShare, formatTokens } from './format';
import { useValueWhenSeen } from './use-value-when-seen';

/**
 * The answer, always in view: which strategy is cheaper today and by how much, where that flips,
 * payback and NPV, cost per 1M tokens, and the self-hosted capacity behind it.
 */
export function Headline({ currency }: { currency: string }) {
  const { result, stale, model } = useEvaluation();
  const titleId = useId();
  // One function per currency, so the parts below that did not change skip their render.
  const money = useCallback((v: string) => formatMoney(v, currency), [currency]);
  const [baseline, ...others] = result.strategies;
  if (!baseline) return <p>This scenario has no strategy to compare.</p>;
  const optionName = (id: string) => model.options.find((o) => o.id === id)?.name ?? id;
  return (
    <section className="headline" aria-labelledby={titleId}>
      <h2 id={titleId}>Results</h2>
      {stale && (
        <p className="stale-note" role="status">
          Showing the last valid inputs: fix the field marked in red to update.
        </p>
      )}
      {others.map((s) => (
        <Verdict key={s.id} strategy={s} baseline={baseline} money={money} />
      ))}
      <Announcement strategies={result.strategies} money={money} />
      <CostTable strategies={result.strategies} money={money} />
      {result.strategies.some((s) => s.capacity.length > 0) && (
        <ul className="capacity">
          {result.strategies.flatMap((s) =>
            s.capacity.map((c) => (
              <li key={`${s.id}-${c.optionId}`}>
                {optionName(c.optionId)}: <strong>{c.replicas}</strong> replica
                {c.replicas === 1 ? '' : 's'}, <strong>{c.gpus}</strong> GPU
                {c.gpus === 1 ? '' : 's'}, {formatShare(c.utilization)} average utilization
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}

/**
 * A short announcement for screen readers when the answer changes (not the whole table). Out of
 * view (a long portfolio headline) it follows once a drag pauses, like the verdicts above it.
 */
function Announcement({
  strategies,
  money,
}: {
  strategies: readonly StrategyResult[];
  money: (v: string) => string;
}) {
  const box = useRef<HTMLParagraphElement>(null);
  const shown = useValueWhenSeen(strategies, box);
  const text = useMemo(
    () =>
      shown
        .slice(1)
        .map((s) => {
          const vs = s.vsBaseline;
          if (!vs) return '';
          const be = vs.breakEven;
          return `${s.name}: saves ${money(vs.runRateSavings)} a month; break-even ${
            be.kind === 'at' ? `${formatTokens(be.tokensPerDay)} tokens/day` : be.kind
          }.`;
        })
        .join(' '),
    [shown, money],
  );
  return (
    <p ref={box} className="visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}

/** Every strategy at today's volume; out of view, it catches up once a drag pauses. */
function CostTable({
  strategies,
  money,
}: {
  strategies: readonly StrategyResult[];
  money: (v: string) => string;
}) {
  const box = useRef<HTMLTableElement>(null);
  const shown = useValueWhenSeen(strategies, box);
  return (
    <table ref={box} className="result-table">
      <caption>Per strategy, at today&apos;s volume</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          <th scope="col">Per month</th>
          <th scope="col">Per 1M tokens</th>
          <th scope="col">NPV of cost</th>
        </tr>
      </thead>
      <CostRows strategies={shown} money={money} />
    </table>
  );
}

/** The table's rows; re-rendered only when the strategies shown change. */
const CostRows = memo(function CostRows({
  strategies,
  money,
}: {
  strategies: readonly StrategyResult[];
  money: (v: string) => string;
}) {
  return (
    <tbody>
      {strategies.map((s) => (
        <tr key={s.id}>
          <th scope="row">{s.name}</th>
          <td>{money(s.runRate.total)}</td>
          <td>{s.costPerMTokens === null ? '–' : money(s.costPerMTokens)}</td>
          <td>{money(s.timeline.npv)}</td>
        </tr>
      ))}
    </tbody>
  );
});

/**
 * One strategy against the baseline. A portfolio's headline lists many, most of them scrolled out
 * of view: those catch up once a drag pauses, so a slider move computes the payback, NPV and
 * break-even (evaluated when first read) of the verdicts on screen only.
 */
function Verdict({
  strategy: current,
  baseline: currentBaseline,
  money,
}: {
  strategy: StrategyResult;
  baseline: StrategyResult;
  money: (v: string) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const pair = useMemo(
    () => ({ strategy: current, baseline: currentBaseline }),
    [current, currentBaseline],
  );
  const shown = useValueWhenSeen(pair, box);
  return (
    <div ref={box} className="verdict">
      <VerdictBody strategy={shown.strategy} baseline={shown.baseline} money={money} />
    </div>
  );
}

/** What a verdict says; re-rendered only when the pair it shows changes. */
const VerdictBody = memo(function VerdictBody({
  strategy,
  baseline,
  money,
}: {
  strategy: StrategyResult;
  baseline: StrategyResult;
  money: (v: string) => string;
}) {
  const vs = strategy.vsBaseline;
  if (!vs) return null;
  const { cheaper, gap } = cheaperToday(strategy, baseline);
  const be = vs.breakEven;
  // Replica and staff steps can make the costs cross several times; the break-even is the last
  // crossing down (DESIGN 3.5), so the earlier ones are named too.
  const crossings = vs.crossings.length > 1 ? vs.crossings : [];
  return (
    <>
      <p className="verdict-main">
        {cheaper === null ? (
          <>
            <strong>{strategy.name}</strong> and <strong>{baseline.name}</strong> cost the same
            today.
          </>
        ) : (
          <>
            <strong>{cheaper.name}</strong> is cheaper today by{' '}
            <strong>{money(gap.toFixed())}</strong> a month ({money(gap.mul(12).toFixed())} a year).
          </>
        )}
      </p>
      <dl className="verdict-facts">
        <div>
          <dt>Break-even</dt>
          <dd>
            {be.kind === 'at' ? (
              <>
                <strong>{formatTokens(be.tokensPerDay)}</strong> tokens/day: {strategy.name} is
                cheaper from there up
                {crossings.length > 0 &&
                  ` (the costs cross ${crossings.length} times: ${crossings
                    .map(
                      (c) =>
                        `${c.direction === 'down' ? 'cheaper' : 'dearer'} from ${formatTokens(c.tokensPerDay)}`,
                    )
                    .join(', ')})`}
              </>
            ) : be.kind === 'always' ? (
              <>{strategy.name} is cheaper at every volume</>
            ) : (
              <>never. {be.reason}</>
            )}
          </dd>
        </div>
        <div>
          <dt>Payback</dt>
          <dd>
            {vs.paybackMonth === null
              ? 'not within the horizon'
              : `month ${vs.paybackMonth}${vs.paybackMonth === 1 ? ' (cheaper from the start)' : ''}`}
          </dd>
        </div>
        <div>
          <dt>NPV of savings</dt>
          <dd>{money(vs.npvSavings)}</dd>
        </div>
      </dl>
    </>
  );
});
