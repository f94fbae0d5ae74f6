import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { auditSource } from '../../core/claim-audit-source';
import type { SourceAudit } from '../../core/claim-audit-result';
import { publishedClaimSources } from '../../scenario/claims/published-claim-sources';
import { readClaimText } from '../../scenario/claims/read-claim-text';
import type { ValidationError } from '../../scenario/validation-error';
import { ClaimAuditInput } from './ClaimAuditInput';
import { ClaimAuditSource } from './ClaimAuditSource';
import { sourceByline, tallyWords } from './claim-audit-words';
import './claim-audit.css';

export type ClaimAuditViewProps = {
  /** BCP 47 locale for numbers in the figures; the browser's by default. */
  locale?: string;
  /** Text to start the "Audit your own table" box with (empty by default). */
  initialText?: string;
};

type Entry = { key: string; audit: SourceAudit; yours: boolean };

/**
 * The claim audit (DESIGN section 3.7, issue 6 item 4): every source of published-claims.json
 * re-derived (sums, implied unit prices, implied break-even, recomputation at the source's
 * stated prices, each narrative claim consistent or not), and a box to audit a table of one's
 * own in the same format. Self-contained: it reads no store, so it can sit in a dialog or a page.
 */
export function ClaimAuditView({ locale, initialText = '' }: ClaimAuditViewProps) {
  const published = useMemo<Entry[]>(
    () =>
      publishedClaimSources().map((s) => ({
        key: `published:${s.id}`,
        audit: auditSource(s),
        yours: false,
      })),
    [],
  );
  const [yours, setYours] = useState<Entry[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | null>(published[0]?.key ?? null);
  const [errors, setErrors] = useState<readonly ValidationError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const entries = useMemo(() => [...published, ...yours], [published, yours]);
  const selected = entries.find((e) => e.key === selectedKey) ?? entries[0] ?? null;

  const show = (key: string) => {
    setSelectedKey(key);
    // The audit renders below the list: take keyboard and screen-reader focus there.
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const audit = useCallback((text: string) => {
    setAttempt((n) => n + 1);
    const read = readClaimText(text);
    if (!read.ok) {
      setErrors(read.errors);
      setStatus('');
      return;
    }
    const added = read.sources.map((s, i) => ({
      key: `yours:${i}`,
      audit: auditSource(s),
      yours: true,
    }));
    setErrors([]);
    setYours(added);
    const first = added[0];
    if (first !== undefined) {
      setSelectedKey(first.key);
      setStatus(`Audited “${first.audit.title}”: ${tallyWords(first.audit.tally)}.`);
      requestAnimationFrame(() => headingRef.current?.focus());
    }
  }, []);

  return (
    <section className="claim-audit comparison" aria-labelledby={headingId}>
      <h2 id={headingId}>Claim audit</h2>
      <p>
        Published cost tables re-derived from their own numbers: do the parts add up, what unit
        prices do they imply, where do they put the break-even, what would the API line be at the
        source&apos;s own stated prices, and does each claim in the text follow from the table? Each
        finding says which convention it uses (365/12 or 30 days a month) and how a percentage is
        based.
      </p>
      <div className="comparison-scroll" role="region" aria-label="Sources audited" tabIndex={0}>
        <table className="comparison-table claim-audit-sources">
          <caption className="comparison-caption">Sources audited</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Published</th>
              <th scope="col" className="comparison-number">
                Tables
              </th>
              <th scope="col">Findings</th>
              <th scope="col">
                <span className="visually-hidden">Show</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.key}>
                <th scope="row">
                  {e.audit.title}
                  {e.yours && (
                    <>
                      {' '}
                      <span className="comparison-tag">your table</span>
                    </>
                  )}
                </th>
                <td>{sourceByline(e.audit)}</td>
                <td className="comparison-number">{e.audit.tables.length}</td>
                <td>{tallyWords(e.audit.tally)}</td>
                <td>
                  <button
                    type="button"
                    aria-pressed={e === selected}
                    aria-label={`Show the audit of ${e.audit.title}`}
                    onClick={() => show(e.key)}
                  >
                    Show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" className="claim-audit-status-line">
        {status}
      </p>
      {selected !== null && (
        <ClaimAuditSource
          audit={selected.audit}
          locale={locale}
          headingRef={headingRef}
          yours={selected.yours}
        />
      )}
      <ClaimAuditInput
        initialText={initialText}
        errors={errors}
        attempt={attempt}
        onAudit={audit}
      />
    </section>
  );
}
