import { useId, useMemo, useRef, useState } from 'react';
import { describeInput, parseInputRef } from '../../core/input-refs';
import type { NumericInput } from '../../core/input-refs';
import type { Scenario } from '../../core/model';
import type { UncertaintyDoc } from '../../scenario/document';
import { formatPath } from '../../scenario/validation-error';
import { useCalculatorStore } from '../../state/store-context';
import { useFieldErrors } from '../evaluation-context';
import { capitalise, formatInputValue, inputName } from './analysis-format';
import { DocTextField } from './DocTextField';
import {
  newSeed,
  newUncertainty,
  prefillRange,
  rangeChoices,
  rangeUnit,
} from './uncertainty-ranges';
import { withUncertainty } from './analysis-edits';

const RANGES = ['analysis', 'uncertainty', 'ranges'] as const;
const ENDS = [
  ['low', 'Low'],
  ['likely', 'Likely'],
  ['high', 'High'],
] as const;

/**
 * The uncertainty settings as the scenario holds them (`analysis.uncertainty`): one group of
 * fields per range (low, likely, high, exact decimal text in the unit the scenario stores),
 * a picker to add a range on any input, the seed with "New seed", and the number of samples.
 * Adding, removing and a new seed are one undo step each; so is one focused edit of a field.
 * Problems are the store's validation messages, named after the field they concern.
 */
export function UncertaintyRanges({
  uncertainty,
  model,
  strategyId,
  currency,
  locale,
}: {
  /** The uncertainty settings as edited (possibly with invalid text). */
  uncertainty: UncertaintyDoc | undefined;
  /** The last valid scenario: today's values and the inputs there are. */
  model: Scenario;
  strategyId: string | null;
  currency: string;
  locale?: string;
}) {
  const store = useCalculatorStore();
  const errors = useFieldErrors();
  const id = useId();
  const picker = useRef<HTMLSelectElement>(null);
  const ranges = useMemo(() => uncertainty?.ranges ?? [], [uncertainty]);
  const taken = useMemo(() => new Set(ranges.map((r) => r.input)), [ranges]);
  const groups = useMemo(() => rangeChoices(model, strategyId, taken), [model, strategyId, taken]);
  const [chosen, setChosen] = useState<string | null>(null);
  const choices = groups.flatMap((g) => g.choices);
  const key = choices.some((c) => c.key === chosen) ? chosen : (choices[0]?.key ?? null);

  const edit = (change: (u: UncertaintyDoc) => UncertaintyDoc) =>
    store.getState().edit((doc) => withUncertainty(doc, change, newUncertainty));
  const add = () => {
    const ref = key === null ? null : parseInputRef(key);
    const input = ref?.ok ? describeInput(model, ref.ref) : null;
    if (!input) return;
    const range = prefillRange(input);
    edit((u) => ({ ...u, ranges: [...u.ranges, range] }));
  };
  const remove = (index: number) => {
    edit((u) => ({ ...u, ranges: u.ranges.filter((_, i) => i !== index) }));
    picker.current?.focus();
  };
  const seedPath = ['analysis', 'uncertainty', 'seed'] as const;
  const samplesPath = ['analysis', 'uncertainty', 'samples'] as const;
  const seedError = errors.get(formatPath(seedPath));
  const samplesError = errors.get(formatPath(samplesPath));
  const uncertaintyError = errors.get('analysis.uncertainty');

  return (
    <div className="mc-settings">
      {ranges.length === 0 ? (
        <p className="analysis-note">
          No ranges yet. Pick an input you are unsure of and add a range: it starts at 20% below and
          above today&apos;s value, which you can change.
        </p>
      ) : (
        <ul className="mc-ranges" aria-label="Ranges">
          {ranges.map((range, index) => {
            const parsed = parseInputRef(range.input);
            const input = parsed.ok ? describeInput(model, parsed.ref) : null;
            return (
              <li key={`${range.input}:${index}`}>
                <RangeFields
                  index={index}
                  inputKey={range.input}
                  input={input}
                  errors={errors}
                  currency={currency}
                  onRemove={() => remove(index)}
                  {...(locale === undefined ? {} : { locale })}
                />
              </li>
            );
          })}
        </ul>
      )}
      {uncertaintyError && (
        <p className="field-error" role="alert">
          Uncertainty: {uncertaintyError}
        </p>
      )}
      <div className="analysis-controls">
        <div className="analysis-field analysis-field-wide">
          <label htmlFor={`${id}-pick`}>Input to give a range</label>
          <select
            id={`${id}-pick`}
            ref={picker}
            value={key ?? ''}
            disabled={key === null}
            onChange={(e) => setChosen(e.currentTarget.value)}
          >
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="button" disabled={key === null} onClick={add}>
          Add range
        </button>
      </div>
      {uncertainty && (
        <div className="analysis-controls mc-run-settings">
          <div className="analysis-field">
            <label htmlFor={`${id}-seed`}>Seed</label>
            <span className="mc-seed">
              <DocTextField
                id={`${id}-seed`}
                path={seedPath}
                label="Seed"
                invalid={seedError !== undefined}
                describedBy={seedError ? `${id}-seed-error` : `${id}-seed-note`}
                grouped={false}
                size={11}
                {...(locale === undefined ? {} : { locale })}
              />
              <button type="button" onClick={() => edit((u) => ({ ...u, seed: newSeed() }))}>
                New seed
              </button>
            </span>
          </div>
          <div className="analysis-field">
            <label htmlFor={`${id}-samples`}>Samples</label>
            <DocTextField
              id={`${id}-samples`}
              path={samplesPath}
              label="Samples"
              invalid={samplesError !== undefined}
              {...(samplesError ? { describedBy: `${id}-samples-error` } : {})}
              size={8}
              {...(locale === undefined ? {} : { locale })}
            />
          </div>
          <p className="analysis-note mc-seed-note" id={`${id}-seed-note`}>
            The same seed, samples and ranges always draw the same samples: a shared link or file
            reproduces these results exactly.
          </p>
        </div>
      )}
      {seedError && (
        <p id={`${id}-seed-error`} className="field-error" role="alert">
          Seed {seedError}
        </p>
      )}
      {samplesError && (
        <p id={`${id}-samples-error`} className="field-error" role="alert">
          Samples {samplesError}
        </p>
      )}
    </div>
  );
}

/** One range: its input in words, today's value and unit, the three fields and their problems. */
function RangeFields({
  index,
  inputKey,
  input,
  errors,
  currency,
  onRemove,
  locale,
}: {
  index: number;
  inputKey: string;
  input: NumericInput | null;
  errors: ReadonlyMap<string, string>;
  currency: string;
  onRemove: () => void;
  locale?: string;
}) {
  const id = useId();
  const base = formatPath([...RANGES, index]);
  const name = input ? inputName(input.label, input.ownerName) : inputKey;
  const rangeError = errors.get(base);
  const inputError = errors.get(`${base}.input`);
  const endErrors = ENDS.map(([end]) => errors.get(`${base}.${end}`));
  const messages: { key: string; text: string }[] = [];
  if (inputError) messages.push({ key: 'input', text: `${name}: ${inputError}` });
  ENDS.forEach(([, word], i) => {
    const e = endErrors[i];
    if (e) messages.push({ key: word, text: `${word} of ${name}: ${e}` });
  });
  if (rangeError) messages.push({ key: 'order', text: `${name}: ${rangeError}` });
  const errorId = `${id}-errors`;
  return (
    <fieldset className="mc-range">
      <legend>
        {input ? capitalise(input.label) : inputKey}
        {input && input.ownerName !== 'Settings' && (
          <span className="comparison-muted"> · {input.ownerName}</span>
        )}
      </legend>
      {input && (
        <p className="mc-range-today">
          Today {formatInputValue(input.value.toFixed(), input.unit, currency, locale)}
          {rangeUnit(input.unit, currency) && ` · values in ${rangeUnit(input.unit, currency)}`}
        </p>
      )}
      <div className="mc-range-fields">
        {ENDS.map(([end, word], i) => (
          <div className="analysis-field" key={end}>
            <label htmlFor={`${id}-${end}`}>{word}</label>
            <DocTextField
              id={`${id}-${end}`}
              path={[...RANGES, index, end]}
              label={`${word}: ${name}`}
              invalid={endErrors[i] !== undefined || rangeError !== undefined}
              {...(messages.length > 0 ? { describedBy: errorId } : {})}
              {...(locale === undefined ? {} : { locale })}
            />
          </div>
        ))}
        <button
          type="button"
          className="mc-remove"
          aria-label={`Remove the range on ${name}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      {messages.length > 0 && (
        <div id={errorId}>
          {messages.map((m) => (
            <p key={m.key} className="field-error" role="alert">
              {m.text}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
