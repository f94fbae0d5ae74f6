import { useId } from 'react';
import { beginGesture, endGesture } from '../../state/calculator-store';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import { getAt } from '../../scenario/doc-path';
import type { DocPath } from '../../scenario/doc-path';
import { formatPath } from '../../scenario/validation-error';
import { useFieldErrors } from '../evaluation-context';

/** A name in the scenario (workload, option, strategy): one focused edit is one undo step. */
export function TextField({ path, label }: { path: DocPath; label: string }) {
  const store = useCalculatorStore();
  const value = useCalculator((s) => String(getAt(s.doc, path) ?? ''));
  const error = useFieldErrors().get(formatPath(path));
  const id = useId();
  return (
    <span className="text-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        value={value}
        maxLength={120}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={() => beginGesture(store)}
        onBlur={() => endGesture(store)}
        onChange={(e) => store.getState().setField(path, e.currentTarget.value)}
      />
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
