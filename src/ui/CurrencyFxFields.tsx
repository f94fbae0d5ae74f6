import { useId, useState } from 'react';
import type { FxDoc, ScenarioDoc } from '../scenario/document';
import { beginGesture, endGesture } from '../state/calculator-store';
import { useCalculator, useCalculatorStore } from '../state/store-context';
import { useFieldErrors } from './evaluation-context';
import { fromFieldText } from './field-specs';
import type { FieldSpec } from './field-specs';

type FxField = keyof FxDoc;

/** The rate is typed as a number in the user's locale ("1,400"); stored as plain decimal text. */
const RATE_SPEC: FieldSpec = { label: 'Rate from USD', unit: '', min: 0, max: 0, scale: 'linear' };

/**
 * The stated rate from USD, its date and its source, each a field of the document's `fx`
 * section: validation names what is wrong (`fx.rateFromUsd` …) while the results keep showing
 * the last valid inputs. Clearing all three removes the section.
 */
export function FxFields({ currency, stated }: { currency: string; stated: boolean }) {
  return (
    <div className="currency-fx">
      <FxTextField
        field="rateFromUsd"
        label="Rate from USD"
        unit={`${currency} per 1 USD`}
        inputMode="decimal"
        parse={(text) => fromFieldText(RATE_SPEC, text)}
      />
      <FxTextField field="asOf" label="Rate as of" unit="YYYY-MM-DD" placeholder="2026-07-31" />
      <FxTextField
        field="source"
        label="Rate source"
        placeholder="e.g. ECB euro reference rate"
        wide
      />
      <p className="hint">
        {stated
          ? `Used to bring catalog prices (in USD) into ${currency}. Editing it converts nothing you typed: use Change currency for that.`
          : `No rate stated: catalog prices are in USD and cannot be used in ${currency} until you state your rate, its date and its source.`}
      </p>
    </div>
  );
}

function FxTextField({
  field,
  label,
  unit,
  placeholder,
  inputMode,
  parse,
  wide,
}: {
  field: FxField;
  label: string;
  unit?: string;
  placeholder?: string;
  inputMode?: 'decimal';
  parse?: (text: string) => string;
  wide?: boolean;
}) {
  const store = useCalculatorStore();
  const stored = useCalculator((s) => {
    const value = s.doc.fx?.[field];
    return typeof value === 'string' ? value : '';
  });
  const errors = useFieldErrors();
  const error =
    errors.get(`fx.${field}`) ?? (field === 'rateFromUsd' ? errors.get('fx') : undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  return (
    <div className={`field currency-field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className={`currency-field-inputs${wide ? ' currency-field-wide' : ''}`}>
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [unit ? `${id}-unit` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
            undefined
          }
          value={draft ?? stored}
          onFocus={() => beginGesture(store)}
          onBlur={() => {
            setDraft(null);
            endGesture(store);
          }}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const value = parse ? parse(text) : text;
            store.getState().edit((doc) => withFx(doc, field, value));
          }}
        />
        {unit && (
          <span className="unit" id={`${id}-unit`}>
            {unit}
          </span>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {label} {error}
        </p>
      )}
    </div>
  );
}

/** The document with one field of `fx` set; with every field empty, without `fx` at all. */
function withFx(doc: ScenarioDoc, field: FxField, value: string): ScenarioDoc {
  const fx = { ...doc.fx, [field]: value } as Partial<FxDoc>;
  const empty = (['rateFromUsd', 'asOf', 'source'] as const).every(
    (k) => (fx[k] ?? '').trim() === '',
  );
  if (!empty) return { ...doc, fx: fx as FxDoc };
  const { fx: _dropped, ...rest } = doc;
  return rest;
}
