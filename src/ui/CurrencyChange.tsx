import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { FxDoc } from '../scenario/document';
import { useCalculator, useCalculatorStore } from '../state/store-context';
import { fromFieldText } from './field-specs';
import type { FieldSpec } from './field-specs';
import { currencyLabel, currencyName } from './currency-names';
import { COMMON_CURRENCIES, describeField, minorUnitText } from './currency-text';
import type { CurrencyReport } from './currency-report';

// The exact conversion and the validator it runs: fetched when this form opens.
const loadConvert = () => import('../scenario/currency-convert');

const OTHER = 'other';
const CODE = /^[A-Z]{3}$/;
/** The format's limit on the length of a rate's source (currency-schema.ts FX_LIMITS). */
const SOURCE_MAX = 200;
const RATE_SPEC: FieldSpec = { label: 'Rate', unit: '', min: 0, max: 0, scale: 'linear' };

type FieldName = 'currency' | 'other' | 'rate' | 'asOf' | 'source';
type Problems = { fields: Partial<Record<FieldName, string>>; general: string[] };
const NO_PROBLEMS: Problems = { fields: {}, general: [] };

/**
 * Changing the scenario's currency, as an explicit choice between two actions:
 * - "Convert to EUR at 0.92": every amount of money is multiplied by the rate, exactly, as one
 *   undo step (`convertCurrency`, src/scenario/currency-convert.ts), and the rate from USD
 *   follows (from USD: the rate; back to USD: none; between two others: the old rate from USD
 *   times this one, with the date and source stated here);
 * - "My figures are already in EUR": the code changes and no number does.
 * Nothing changes while a field is wrong: each message names its field.
 */
export function CurrencyChange({
  onDone,
  onCancel,
}: {
  onDone: (report: CurrencyReport) => void;
  onCancel: () => void;
}) {
  const store = useCalculatorStore();
  const from = useCalculator((s) => s.doc.currency);
  const fromFx = useCalculator((s) => s.doc.fx);
  const [choice, setChoice] = useState<string>(from === 'USD' ? 'EUR' : 'USD');
  const [other, setOther] = useState('');
  const [rate, setRate] = useState('');
  const [asOf, setAsOf] = useState('');
  const [source, setSource] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const id = useId();
  const fieldId = (name: FieldName) => `${id}-${name}`;
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    selectRef.current?.focus();
    void loadConvert().catch(() => undefined);
  }, []);

  const to = choice === OTHER ? other.trim().toUpperCase() : choice;
  const toText = CODE.test(to) ? to : 'the new currency';
  // A date and source are kept only with a rate from USD, which exists after the conversion when
  // the new currency is not USD and the rate from USD of the current one is known.
  const states = to !== 'USD' && (from === 'USD' || fromFx !== undefined);
  const rateLabel = `Rate (${CODE.test(to) ? to : '…'} per 1 ${from})`;
  const plainRate = fromFieldText(RATE_SPEC, rate);
  const rateOk = /^\d+(\.\d+)?$/.test(plainRate) && /[1-9]/.test(plainRate);

  const refuse = (next: Problems) => {
    setProblems(next);
    const first = (['currency', 'other', 'rate', 'asOf', 'source'] as const).find(
      (f) => next.fields[f],
    );
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  /** Problems with the new currency's code, for both actions. */
  const codeProblems = (): Problems['fields'] => {
    if (!CODE.test(to)) {
      return choice === OTHER
        ? { other: 'must be a three-letter ISO 4217 code such as "EUR"' }
        : { currency: 'must be chosen' };
    }
    if (to === from) {
      return { [choice === OTHER ? 'other' : 'currency']: `is already the scenario's currency` };
    }
    return {};
  };

  const convert = async (e: FormEvent) => {
    e.preventDefault();
    const fields: Problems['fields'] = { ...codeProblems() };
    if (!rateOk) fields.rate = 'must be a number above 0, such as 0.92';
    if (states) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.trim())) {
        fields.asOf = 'must be the date of the rate, written YYYY-MM-DD';
      }
      if (source.trim() === '') fields.source = 'must say where the rate comes from';
    }
    if (Object.keys(fields).length > 0) return refuse({ fields, general: [] });
    let convertCurrency: Awaited<ReturnType<typeof loadConvert>>['convertCurrency'];
    try {
      ({ convertCurrency } = await loadConvert());
    } catch {
      return refuse({ fields: {}, general: ['The converter could not be loaded: try again.'] });
    }
    const state = store.getState();
    if (state.doc !== state.validDoc) {
      return refuse({
        fields: {},
        general: ['Some inputs are invalid (marked in red): fix them first.'],
      });
    }
    const stated = states
      ? { asOf: asOf.trim(), source: chainedSource(source.trim(), from, fromFx) }
      : undefined;
    const result = convertCurrency(state.doc, to, plainRate, stated);
    if (!result.ok) {
      const next: Problems = { fields: {}, general: [] };
      for (const error of result.errors) {
        if (error.path === 'rate') next.fields.rate = error.message;
        else if (error.path === 'fx.rateFromUsd') {
          next.fields.rate = `gives a rate from USD that is out of range: it ${error.message}`;
        } else if (error.path === 'fx.asOf') next.fields.asOf = error.message;
        else if (error.path === 'fx.source') next.fields.source = error.message;
        else if (error.path === 'currency') next.fields.other = error.message;
        else next.general.push(`${describeField(state.doc, error.path)} ${error.message}`);
      }
      return refuse(next);
    }
    // What "changed" is measured against moves with the figures, so a converted field is not
    // marked changed, and a reset returns a value in the new currency.
    const loaded = convertCurrency(state.origin.loaded, to, plainRate, stated);
    state.load({
      doc: result.doc,
      validDoc: result.doc,
      origin: { ...state.origin, loaded: loaded.ok ? loaded.doc : result.doc },
    });
    onDone({
      kind: 'convert',
      from,
      to,
      rate: plainRate,
      converted: result.converted,
      labels: result.converted.map((c) => describeField(state.doc, c.path)),
      notes: result.notes,
      fx: result.doc.fx ?? null,
    });
  };

  const relabel = () => {
    const fields = codeProblems();
    if (Object.keys(fields).length > 0) return refuse({ fields, general: [] });
    const state = store.getState();
    const droppedFx = state.doc.fx ?? null;
    state.edit((doc) => {
      const { fx: _dropped, ...rest } = doc;
      return { ...rest, currency: to };
    });
    onDone({ kind: 'relabel', from, to, droppedFx });
  };

  const message = (name: FieldName, label: string) => {
    const text = problems.fields[name];
    return text ? (
      <p id={`${fieldId(name)}-error`} className="field-error">
        {label} {text}
      </p>
    ) : null;
  };
  const described = (name: FieldName, hint?: string) =>
    [hint, problems.fields[name] ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const invalid = (name: FieldName) => (problems.fields[name] ? true : undefined);
  const hasProblems = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
  const name = CODE.test(to) ? currencyName(to) : null;

  return (
    <form className="currency-change" onSubmit={(e) => void convert(e)} noValidate>
      <h4 className="currency-change-title">Change the currency from {from}</h4>
      {hasProblems && (
        <div className="currency-problems" role="alert">
          <p>Nothing was changed.</p>
          {problems.general.length > 0 && (
            <ul>
              {problems.general.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Row>
        <label htmlFor={fieldId('currency')}>New currency</label>
        <select
          id={fieldId('currency')}
          ref={selectRef}
          value={choice}
          aria-invalid={invalid('currency')}
          aria-describedby={described('currency', `${id}-minor`)}
          onChange={(e) => setChoice(e.currentTarget.value)}
        >
          {COMMON_CURRENCIES.filter((c) => c !== from).map((c) => (
            <option key={c} value={c}>
              {currencyLabel(c)}
            </option>
          ))}
          <option value={OTHER}>Other ISO 4217 code…</option>
        </select>
        {message('currency', 'New currency')}
      </Row>
      {choice === OTHER && (
        <Row>
          <label htmlFor={fieldId('other')}>Currency code</label>
          <input
            id={fieldId('other')}
            type="text"
            className="currency-code"
            maxLength={3}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. THB"
            value={other}
            aria-invalid={invalid('other')}
            aria-describedby={described('other', `${id}-minor`)}
            onChange={(e) => setOther(e.currentTarget.value)}
          />
          {message('other', 'Currency code')}
        </Row>
      )}
      <p className="hint" id={`${id}-minor`}>
        {CODE.test(to)
          ? `${name ? `${name}: ` : `${to} is not a code this browser knows; `}amounts show in ${minorUnitText(to)}.`
          : 'Type the three-letter code.'}
      </p>
      <Row>
        <label htmlFor={fieldId('rate')}>{rateLabel}</label>
        <input
          id={fieldId('rate')}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={from === 'USD' && to === 'EUR' ? 'e.g. 0.92' : undefined}
          value={rate}
          aria-invalid={invalid('rate')}
          aria-describedby={described('rate', `${id}-rate-hint`)}
          onChange={(e) => setRate(e.currentTarget.value)}
        />
        {message('rate', rateLabel)}
        <p className="hint" id={`${id}-rate-hint`}>
          {rateHint(from, toText, fromFx, rateOk ? plainRate : null)}
        </p>
      </Row>
      {states && (
        <>
          <Row>
            <label htmlFor={fieldId('asOf')}>Date of this rate</label>
            <input
              id={fieldId('asOf')}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder="YYYY-MM-DD"
              value={asOf}
              aria-invalid={invalid('asOf')}
              aria-describedby={described('asOf')}
              onChange={(e) => setAsOf(e.currentTarget.value)}
            />
            {message('asOf', 'Date of this rate')}
          </Row>
          <Row>
            <label htmlFor={fieldId('source')}>Source of this rate</label>
            <input
              id={fieldId('source')}
              type="text"
              autoComplete="off"
              maxLength={SOURCE_MAX}
              placeholder="e.g. ECB euro reference rate"
              value={source}
              aria-invalid={invalid('source')}
              aria-describedby={described('source')}
              onChange={(e) => setSource(e.currentTarget.value)}
            />
            {message('source', 'Source of this rate')}
          </Row>
        </>
      )}
      <div className="currency-actions">
        <button type="submit" className="currency-convert">
          Convert to {toText}
          {rateOk ? ` at ${plainRate}` : ''}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <div className="currency-relabel">
        <button type="button" onClick={relabel} aria-describedby={`${id}-relabel`}>
          My figures are already in {toText}
        </button>
        <p className="hint" id={`${id}-relabel`}>
          Relabels only: every number stays as it is, now read as {toText}.
        </p>
      </div>
    </form>
  );
}

function Row({ children }: { children: ReactNode }) {
  return <div className="currency-row">{children}</div>;
}

/** What the rate means for catalog prices, in the case at hand. */
function rateHint(from: string, to: string, fromFx: FxDoc | undefined, rate: string | null) {
  if (from === 'USD') {
    return `Units of ${to} for one US dollar. Every amount is multiplied by it; catalog prices (USD) will use it too.`;
  }
  if (to === 'USD') {
    return fromFx
      ? `Your stated rate was ${fromFx.rateFromUsd} ${from} per USD (as of ${fromFx.asOf}): one ${from} is about ${approximateInverse(fromFx.rateFromUsd)} USD. Every amount is multiplied by the rate you enter.`
      : `Every amount is multiplied by the rate you enter.`;
  }
  if (!fromFx) {
    return `No rate from USD is stated for ${from}, so after converting, state one for ${to} to use catalog prices.`;
  }
  return `Catalog prices will use ${fromFx.rateFromUsd} × ${rate ?? 'this rate'} ${to} per USD.`;
}

/** 1 / rate to six significant digits, for reading only (an inverse is rarely exact). */
function approximateInverse(rate: string): string {
  const value = Number(rate);
  return value > 0 ? String(Number((1 / value).toPrecision(6))) : '?';
}

/**
 * The source of a rate from USD made of two rates (X to Y stated here, times X's own rate from
 * USD): both are cited, within the format's length limit.
 */
function chainedSource(source: string, from: string, fromFx: FxDoc | undefined): string {
  if (from === 'USD' || !fromFx) return source;
  const full = `${source}; times ${fromFx.rateFromUsd} ${from}/USD (${fromFx.source}, as of ${fromFx.asOf})`;
  if (full.length <= SOURCE_MAX) return full;
  const short = `${source}; times ${fromFx.rateFromUsd} ${from}/USD (as of ${fromFx.asOf})`;
  return short.length <= SOURCE_MAX ? short : source;
}
