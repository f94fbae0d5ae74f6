import { memo, useId } from 'react';
import type { Scenario } from '../../core/model';
import type { WorkloadAssignmentRow } from '../../core/workload-assignments';
import { formatMoney, formatShare, formatTokens } from '../format';
import { optionNamer } from './portfolio-text';

/**
 * Rows are workloads, columns strategies: which options serve the workload (with their shares
 * where it is split) and its effective cost per 1M tokens there, the lowest of each row marked
 * in words. Memoised on the rows, which are memoised on the result, so a re-render of the page
 * does not redraw its (up to 50 × 12) cells.
 */
export const WorkloadAssignmentTable = memo(function WorkloadAssignmentTable({
  model,
  rows,
  currency,
}: {
  model: Scenario;
  rows: readonly WorkloadAssignmentRow[];
  currency: string;
}) {
  const captionId = useId();
  const optionName = optionNamer(model);
  const several = model.strategies.length > 1;
  return (
    <>
      <p className="comparison-caption" id={captionId}>
        Which option serves each workload, and its cost per 1M tokens
      </p>
      <div className="comparison-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="comparison-table comparison-assignments" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Workload</th>
              {model.strategies.map((s, i) => (
                <th scope="col" key={s.id}>
                  {s.name}
                  {i === 0 && (
                    <>
                      {' '}
                      <span className="comparison-tag">baseline</span>
                    </>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.workloadId}>
                <th scope="row">
                  {row.name}{' '}
                  <span className="comparison-line comparison-muted">
                    {formatTokens(row.tokensPerDay)} tokens/day
                  </span>
                </th>
                {row.strategies.map((a) => (
                  <td key={a.strategyId}>
                    {a.servedBy.map((s) => (
                      <span key={s.optionId} className="comparison-line">
                        {optionName(s.optionId)}
                        {a.servedBy.length > 1 && `: ${formatShare(s.share)}`}{' '}
                      </span>
                    ))}
                    <span className="comparison-line comparison-cost">
                      {a.costPerMTokens === null
                        ? 'no volume'
                        : `${formatMoney(a.costPerMTokens, currency)} per 1M`}
                      {several && a.lowest && (
                        <strong className="comparison-lowest"> lowest</strong>
                      )}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});
