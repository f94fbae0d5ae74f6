import { memo, useId, useState } from 'react';
import type { DocPath } from '../scenario/doc-path';
import { getAt } from '../scenario/doc-path';
import { formatPath } from '../scenario/validation-error';
import { fieldSource } from '../scenario/provenance';
import { findPresetInfo } from '../scenario/preset-info';
import { Dec } from '../core/decimal';
import { beginGesture, endGesture } from '../state/calculator-store';
import { useCalculator, useCalculatorStore } from '../state/store-context';
import type { FieldSpec } from './field-specs';
import {
  SLIDER_STEPS,
  fromFieldText,
  fromSliderPosition,
  toFieldDisplay,
  toSliderPosition,
} from './field-specs';
import { useFieldErrors } from './evaluation-context';
import { useCatalog } from './catalog-context';
import { useMoneySpec, useScenarioCurrency } from './currency-scenario';

type Props = { path: DocPath; spec: FieldSpec };

/**
 * One numeric input: a slider paired with a number field (STYLE: squoosh), its unit, an inline
 * message when the value is invalid, the source and as-of date of its default, and a mark plus a
 * one-click reset when the user changed it. A drag or a focused edit is one undo step.
 */
export const NumberField = memo(function NumberField({ path, spec: given }: Props) {
  const store = useCalculatorStore();
  // Money sliders span the same economic range in any currency (input-specs.ts).
  const spec = useMoneySpec(given);
  const scenario = useScenarioCurrency();
  const stored = useCalculator((s) => String(getAt(s.doc, path) ?? ''));
  const option = useCalculator((s) =>
    path[0] === 'options' && typeof path[1] === 'number' ? s.doc.options[path[1]] : undefined,
  );
  const origin = useCalculator((s) => s.origin);
  const currency = useCalculator((s) => s.doc.currency);
  const errors = useFieldErrors();
  const catalog = useCatalog();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [sourceOpen, setSourceOpen] = useState(false);

  const key = formatPath(path);
  const error = errors.get(key);
  const source = fieldSource(
    {
      preset: origin.presetId ? findPresetInfo(origin.presetId) : undefined,
      loaded: origin.loaded,
      catalogRefs: origin.catalogRefs,
    },
    option,
    path,
    catalog,
    scenario,
  );
  const changed = source.defaultValue !== null && !sameNumber(source.defaultValue, stored);
  const position = toSliderPosition(spec, stored);
  const set = (value: string) => store.getState().setField(path, value);

  return (
    <div className={`field${error ? ' field-invalid' : ''}${changed ? ' field-changed' : ''}`}>
      <div className="field-head">
        <label htmlFor={`${id}-text`}>{spec.label}</label>
        {changed && (
          <span className="changed-mark">
            changed
            <button
              type="button"
              className="link-button"
              onClick={() => source.defaultValue !== null && set(source.defaultValue)}
              // The visible words start the name (WCAG 2.5.3); the label says which field.
              aria-label={`Reset to ${toFieldDisplay(spec, source.defaultValue ?? '')}${spec.percent ? '%' : ''} (${spec.label})`}
            >
              reset to {toFieldDisplay(spec, source.defaultValue ?? '')}
              {spec.percent ? '%' : ''}
            </button>
          </span>
        )}
      </div>
      <div className="field-inputs">
        <input
          type="range"
          aria-label={`${spec.label} slider`}
          aria-describedby={error ? `${id}-error` : undefined}
          min={spec.scale === 'log' ? 0 : spec.min}
          max={spec.scale === 'log' ? SLIDER_STEPS : spec.max}
          step={spec.scale === 'log' ? 1 : (spec.step ?? 1)}
          value={position ?? (spec.scale === 'log' ? 0 : spec.min)}
          aria-valuetext={`${toFieldDisplay(spec, stored)} ${spec.money ? `${currency} ${spec.unit}` : spec.unit}`}
          onPointerDown={() => beginGesture(store)}
          onPointerUp={() => endGesture(store)}
          onPointerCancel={() => endGesture(store)}
          onLostPointerCapture={() => endGesture(store)}
          onBlur={() => endGesture(store)}
          onChange={(e) => set(fromSliderPosition(spec, Number(e.currentTarget.value)))}
        />
        <input
          id={`${id}-text`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-source${error ? ` ${id}-error` : ''}`}
          value={draft ?? toFieldDisplay(spec, stored)}
          onFocus={() => beginGesture(store)}
          onBlur={() => {
            setDraft(null);
            endGesture(store);
          }}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            set(fromFieldText(spec, e.currentTarget.value));
          }}
        />
        <span className="unit">{spec.money ? `${currency} ${spec.unit}` : spec.unit}</span>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {spec.label} {error}
        </p>
      )}
      <details
        className="field-source"
        id={`${id}-source`}
        onToggle={(e) => setSourceOpen(e.currentTarget.open)}
      >
        <summary>
          {source.kind === 'catalog'
            ? 'catalog'
            : source.kind === 'assumption'
              ? 'assumption'
              : 'scenario'}
          {source.asOf ? `, as of ${source.asOf}` : ''}
          {source.conversion ? `: ${source.conversion}` : ''}
        </summary>
        {/* Rendered when opened: forty fields' citations are a lot of first-screen DOM. */}
        {sourceOpen && (
          <p>
            {source.source}
            {source.note ? `. ${source.note}` : ''}
          </p>
        )}
      </details>
    </div>
  );
});

function sameNumber(a: string, b: string): boolean {
  try {
    return new Dec(a).equals(new Dec(b));
  } catch {
    return a === b;
  }
}
