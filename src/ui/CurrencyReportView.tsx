import { useEffect, useRef } from 'react';
import type { CurrencyReport } from './currency-report';
import { fullAmount } from './currency-text';

/**
 * What the last change of currency did: the count and list of converted amounts (every digit),
 * notes, and the rate from USD now in use; or, for a relabel, that no number changed. Focused
 * when shown, so a keyboard or screen-reader user lands on it.
 */
export function CurrencyReportView({
  report,
  onDismiss,
}: {
  report: CurrencyReport;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  const dismiss = (
    <button type="button" className="link-button currency-dismiss" onClick={onDismiss}>
      Dismiss
    </button>
  );
  if (report.kind === 'relabel') {
    return (
      <div className="currency-report" role="status" tabIndex={-1} ref={ref}>
        <p>
          <strong>Relabelled as {report.to}:</strong> every number is as it was; nothing was
          converted. Undo restores {report.from}.
        </p>
        {report.droppedFx && (
          <p>
            The rate stated for {report.from} ({report.droppedFx.rateFromUsd} per USD) no longer
            applied and was removed.
          </p>
        )}
        {report.to !== 'USD' && (
          <p>State your rate from USD to {report.to} below to use catalog prices.</p>
        )}
        {dismiss}
      </div>
    );
  }
  const n = report.converted.length;
  return (
    <div className="currency-report" role="status" tabIndex={-1} ref={ref}>
      <p>
        <strong>
          Converted {n} amount{n === 1 ? '' : 's'} from {report.from} to {report.to} at{' '}
          {report.rate} {report.to} per {report.from}.
        </strong>{' '}
        Undo restores the {report.from} figures.
      </p>
      {report.fx && (
        <p>
          Catalog prices now use {report.fx.rateFromUsd} {report.to} per USD, as of {report.fx.asOf}{' '}
          (source: {report.fx.source}).
        </p>
      )}
      {report.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <details className="currency-details">
        <summary>What was converted ({n})</summary>
        <ul>
          {report.converted.map((c, i) => (
            <li key={c.path}>
              {report.labels[i] ?? c.path}: {report.from} {fullAmount(c.from)} → {report.to}{' '}
              {fullAmount(c.to)}
              {c.rounded ? ' (rounded at the 40th digit)' : ''}
            </li>
          ))}
        </ul>
        <p className="currency-not-money">
          Not converted, as they are not money: volumes, shares, throughput, staff counts, months,
          power and PUE.
        </p>
      </details>
      {dismiss}
    </div>
  );
}
