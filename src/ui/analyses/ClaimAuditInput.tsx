import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ValidationError } from '../../scenario/validation-error';
import { CLAIM_AUDIT_EXAMPLE } from './claim-audit-example';

/**
 * The text area where a user pastes their own vendor or analyst table (one source in the shape
 * of `published-claims.json`) and audits it. Problems are listed with the field path each
 * concerns; the text stays as typed so it can be fixed.
 */
export function ClaimAuditInput({
  initialText,
  errors,
  attempt,
  onAudit,
}: {
  initialText: string;
  errors: readonly ValidationError[];
  /** Counts audits, so the same errors after another try are announced again. */
  attempt: number;
  onAudit: (text: string) => void;
}) {
  const [text, setText] = useState(initialText);
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();
  const errorsId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAudit(text);
  };
  return (
    <section className="claim-audit-input" aria-labelledby={headingId}>
      <h3 id={headingId}>Audit your own table</h3>
      <form onSubmit={submit}>
        <p className="hint" id={hintId}>
          Paste one source as JSON, in the shape of a source in published-claims.json: a
          &quot;tables&quot; list (a cost table by volume has &quot;unit&quot;: &quot;USD per
          month&quot;, &quot;columns&quot; and &quot;tiers&quot;, each tier with
          &quot;tokens_per_day&quot; and a line-by-line object per column) and a &quot;claims&quot;
          list. Name columns with &quot;api&quot; and &quot;self_hosted&quot; so the audit knows
          which is which. The text stays in this browser.
        </p>
        <label htmlFor={fieldId} className="claim-audit-label">
          Source JSON
        </label>
        <textarea
          id={fieldId}
          className="claim-audit-textarea"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-describedby={errors.length > 0 ? `${hintId} ${errorsId}` : hintId}
          aria-invalid={errors.length > 0}
        />
        <div className="claim-audit-actions">
          <button type="submit">Audit this table</button>
          <button type="button" onClick={() => setText(CLAIM_AUDIT_EXAMPLE)}>
            Start from an example
          </button>
        </div>
      </form>
      {errors.length > 0 && (
        <div className="claim-audit-errors" id={errorsId} role="alert" key={attempt}>
          <p className="field-error">
            The table could not be audited:{' '}
            {errors.length === 1 ? '1 problem' : `${errors.length} problems`}.
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <code>{e.path === '' ? '(the whole text)' : e.path}</code> {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
