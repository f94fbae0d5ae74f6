import { memo } from 'react';
import type { AuditFinding } from '../../core/claim-audit-result';
import { formatFigure, STATUS_LABEL } from './claim-audit-format';

/**
 * One table of findings: the check, its result in words (the colour only repeats the word),
 * and what the numbers show, with the exact figures behind a disclosure.
 */
export const ClaimAuditFindings = memo(function ClaimAuditFindings({
  caption,
  findings,
  currency,
  locale,
}: {
  caption: string;
  findings: readonly AuditFinding[];
  currency: string;
  locale: string | undefined;
}) {
  return (
    // Focusable so a keyboard can scroll a wide table sideways (as the comparison tables do).
    <div
      className="comparison-scroll claim-audit-scroll"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="comparison-table claim-audit-table">
        <caption className="comparison-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">What the numbers show</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={i} className={`claim-audit-row claim-audit-${f.status}`}>
              <th scope="row">{f.title}</th>
              <td>
                <span className={`claim-audit-status claim-audit-status-${f.status}`}>
                  {STATUS_LABEL[f.status]}
                </span>
              </td>
              <td>
                <p className="claim-audit-text">{f.text}</p>
                {f.figures.length > 0 && (
                  <details className="claim-audit-figures">
                    <summary>Figures</summary>
                    <dl>
                      {f.figures.map((figure, j) => (
                        <div key={j}>
                          <dt>{figure.label}</dt>
                          <dd>{formatFigure(figure, currency, locale)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
