import { useEffect, useEffectEvent, useState } from 'react';
import type { DocPath } from '../../scenario/doc-path';
import { getAt } from '../../scenario/doc-path';
import { beginGesture, endGesture } from '../../state/calculator-store';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import { numberFromText, numberToText } from './uncertainty-ranges';

/** Typing is written to the scenario this long after the last keystroke (and when leaving). */
export const DOC_FIELD_WRITE_MS = 300;

/**
 * A number field bound to one place of the scenario document, as exact decimal text. What is
 * typed is written once typing pauses and when the field is left (each write re-checks the
 * whole scenario, re-renders the results and moves the address bar: once a pause, not once a
 * key). Invalid text is written too, so the store's validation names the problem. A focused
 * edit is one undo step; while the field is not focused it shows the stored value grouped
 * ("150,000,000"). The label and the message are the caller's.
 */
export function DocTextField({
  id,
  path,
  label,
  invalid,
  describedBy,
  grouped = true,
  size = 10,
  locale,
}: {
  id: string;
  path: DocPath;
  /** The accessible name; it starts with the visible label's words (WCAG 2.5.3). */
  label: string;
  invalid: boolean;
  describedBy?: string;
  /** Show thousands grouping when not focused (not for a seed: it is a name, not an amount). */
  grouped?: boolean;
  size?: number;
  locale?: string;
}) {
  const store = useCalculatorStore();
  const stored = useCalculator((s) => {
    const v = getAt(s.doc, path);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  });
  const [draft, setDraft] = useState<string | null>(null);
  const write = (typed: string) => {
    const value = numberFromText(typed, locale);
    if (getAt(store.getState().doc, path) !== value) store.getState().setField(path, value);
  };
  // The timer restarts with each keystroke only (not when the panel re-renders for progress).
  const writeLater = useEffectEvent((typed: string) => write(typed));
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => writeLater(draft), DOC_FIELD_WRITE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      size={size}
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      value={draft ?? (grouped ? numberToText(stored, locale) : stored)}
      onFocus={() => beginGesture(store)}
      onBlur={() => {
        if (draft !== null) write(draft);
        setDraft(null);
        endGesture(store);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && draft !== null) write(draft);
      }}
      onChange={(e) => setDraft(e.currentTarget.value)}
    />
  );
}
