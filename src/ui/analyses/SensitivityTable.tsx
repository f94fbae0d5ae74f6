import { memo, useId } from 'react';
import type { SensitivityRow } from '../../core/sensitivity';
import { formatMoney } from '../format';
import { capitalise, formatBreakEven, formatInputValue, swingEnds } from './analysis-format';
import { rowNotes } from './sensitivity-text';

/**
 * Every bar of the tornado as numbers: the input's value at each end of the swing, the monthly
 * savings and the break-even volume there, and why an end did not move as asked. Scrolls
 * sideways inside its own box on a phone, the input names staying in view.
 */
export const SensitivityTable = memo(function SensitivityTable({
  rows,
  swing,
  currency,
  caption,
  locale,
}: {
  rows: readonly SensitivityRow[];
  swing: string;
  currency: string;
  caption: string;
  locale?: string;
}) {
  const captionId = useId();
  const [minus, plus] = swingEnds(swing, locale);
  const money = (v: string) => formatMoney(v, currency, locale);
  return (
    <>
      <p className="comparison-caption" id={captionId}>
        {caption}
      </p>
      <div className="comparison-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="comparison-table sensitivity-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col" className="comparison-number">
                Today
              </th>
              <th scope="col" className="comparison-number">
                At {minus}
              </th>
              <th scope="col" className="comparison-number">
                At {plus}
              </th>
              <th scope="col" className="comparison-number">
                Savings at {minus}
              </th>
              <th scope="col" className="comparison-number">
                Savings at {plus}
              </th>
              <th scope="col">Break-even at {minus}</th>
              <th scope="col">Break-even at {plus}</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const value = (v: string) => formatInputValue(v, row.unit, currency, locale);
              const notes = rowNotes(row, swing, currency, locale);
              return (
                <tr key={row.key}>
                  <th scope="row">
                    {capitalise(row.label)}
                    {row.ownerName !== 'Settings' && (
                      <span className="comparison-muted analysis-owner">{row.ownerName}</span>
                    )}
                  </th>
                  <td className="comparison-number">{value(row.base)}</td>
                  <td className="comparison-number">{value(row.low.value)}</td>
                  <td className="comparison-number">{value(row.high.value)}</td>
                  <td className="comparison-number">{money(row.low.runRateSavings)}</td>
                  <td className="comparison-number">{money(row.high.runRateSavings)}</td>
                  <td>{formatBreakEven(row.low.breakEven, locale)}</td>
                  <td>{formatBreakEven(row.high.breakEven, locale)}</td>
                  <td className="sensitivity-notes">
                    {notes.length === 0 ? '' : notes.map((n) => <p key={n}>{n}</p>)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
});
