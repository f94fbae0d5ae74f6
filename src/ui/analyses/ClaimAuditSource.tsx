import { useId } from 'react';
import type { Ref } from 'react';
import type { SourceAudit } from '../../core/claim-audit-result';
import { ClaimAuditFindings } from './ClaimAuditFindings';
import { sourceByline, tableHeading, tallyWords } from './claim-audit-words';

/** The audit of one source: its notes, each table's checks, then its narrative claims. */
export function ClaimAuditSource({
  audit,
  locale,
  headingRef,
  yours,
}: {
  audit: SourceAudit;
  locale: string | undefined;
  headingRef: Ref<HTMLHeadingElement>;
  /** True for a table the user entered. */
  yours: boolean;
}) {
  const headingId = useId();
  const byline = sourceByline(audit);
  return (
    <section className="claim-audit-source" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {audit.title}
        {yours && (
          <>
            {' '}
            <span className="comparison-tag">your table</span>
          </>
        )}
      </h3>
      <p className="comparison-muted">
        {byline === '' ? '' : `${byline}. `}
        Findings: {tallyWords(audit.tally)}.
      </p>
      {audit.notes.length > 0 && (
        <ClaimAuditFindings
          caption="About the source as a whole"
          findings={audit.notes}
          currency={audit.currency}
          locale={locale}
        />
      )}
      {audit.tables.map((table) => (
        <section key={table.tableId} className="claim-audit-part">
          <h4>{tableHeading(table.tableId, table.unit)}</h4>
          <ClaimAuditFindings
            caption={`Checks of the table “${table.tableId}”`}
            findings={table.findings}
            currency={table.currency}
            locale={locale}
          />
        </section>
      ))}
      {audit.claims.length > 0 && (
        <section className="claim-audit-part">
          <h4>Narrative claims</h4>
          <ClaimAuditFindings
            caption="Claims checked against the source's own numbers"
            findings={audit.claims}
            currency={audit.currency}
            locale={locale}
          />
        </section>
      )}
    </section>
  );
}
